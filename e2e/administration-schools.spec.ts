import { expect, test } from './support/test';
import { login } from './support/app';

// The administrator sets up a school and its calendar through the pages, as on a fresh installation.

test('the administrator creates a school, sets one of its rules, and adds a school year with a term and a break', async ({ page }) => {
  // Skolverket's codes are unique across the country (and across runs against one database).
  const unitCode = String(10_000_000 + (Date.now() % 90_000_000));
  await login(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Skolor' }).click();
  await expect(page.getByTestId('schools-table')).toContainText('Ekbackeskolan');
  await page.getByTestId('new-school').click();

  // An unusable unit code is refused at its field, then the school is created.
  const form = page.getByTestId('school-form');
  await form.getByLabel('Namn').fill('Sjöviksskolan');
  await form.getByLabel('Skolenhetskod').fill('1234');
  await form.getByRole('button', { name: 'Skapa skolan' }).click();
  await expect(form.getByLabel('Skolenhetskod')).toHaveAccessibleDescription(/Skolenhetskoden ska vara åtta siffror\./);
  await form.getByLabel('Skolenhetskod').fill(unitCode);
  await form.getByLabel('Skolform').selectOption({ label: 'Gymnasieskola' });
  await form.getByRole('button', { name: 'Skapa skolan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sjöviksskolan');
  await expect(page.getByText(`Gymnasieskola · skolenhetskod ${unitCode} · 0 elever`)).toBeVisible();

  // A warning above the alarm is refused; a lower CSN threshold is saved and kept.
  const settings = page.getByTestId('settings-form');
  await settings.getByLabel(/^Varning vid frånvaro/).fill('20');
  await settings.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(settings.getByLabel(/^Varning vid frånvaro/)).toHaveAccessibleDescription(/Varningen får inte vara högre än larmet\./);
  await settings.getByLabel(/^Varning vid frånvaro/).fill('10');
  await settings.getByLabel(/^CSN-gräns/).fill('180');
  await settings.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(settings.getByRole('status')).toContainText('Inställningarna är sparade.');
  await page.reload();
  await expect(page.getByTestId('settings-form').getByLabel(/^CSN-gräns/)).toHaveValue('180');

  // The calendar: a new school year, its autumn term and a break in it.
  await page.goto('/administration');
  await page.getByRole('link', { name: 'Läsår och kalender' }).click();
  await expect(page.getByTestId('school-years-table')).toContainText('2026/27');
  const year = page.getByTestId('new-school-year-form');
  await year.getByLabel('Namn').fill('2031/32');
  await year.getByLabel('Första dag').fill('2031-08-18');
  await year.getByLabel('Sista dag').fill('2032-06-11');
  await year.getByRole('button', { name: 'Skapa läsåret' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Läsåret 2031/32');

  const term = page.getByTestId('new-term-form');
  await term.getByLabel('Termin').selectOption({ label: 'Hösttermin' });
  await term.getByLabel('Första dag').fill('2031-08-18');
  await term.getByLabel('Sista dag').fill('2031-12-19');
  await term.getByRole('button', { name: 'Lägg till terminen' }).click();
  const autumn = page.getByTestId('term-AUTUMN');
  await expect(autumn.getByRole('heading', { level: 2 })).toHaveText('Hösttermin');

  // A break reaching past the term is refused at its last day; inside the term it is added.
  const newBreak = autumn.getByTestId('new-break-form-AUTUMN');
  await newBreak.getByLabel('Namn').fill('Höstlov');
  await newBreak.getByLabel('Första dag').fill('2031-12-15');
  await newBreak.getByLabel('Sista dag').fill('2032-01-02');
  await newBreak.getByRole('button', { name: 'Lägg till' }).click();
  await expect(newBreak.getByLabel('Sista dag')).toHaveAccessibleDescription('! Datumet ligger utanför terminen.');
  await newBreak.getByLabel('Första dag').fill('2031-10-27');
  await newBreak.getByLabel('Sista dag').fill('2031-10-31');
  await newBreak.getByRole('button', { name: 'Lägg till' }).click();
  await expect(autumn.getByTestId('breaks-AUTUMN')).toContainText('Höstlov');
  await expect(autumn.getByTestId('breaks-AUTUMN')).toContainText('27–31 oktober 2031');

  // Nothing uses the new year yet: it can be deleted again, with its term and break.
  await page.getByTestId('delete-school-year').click();
  await page.getByTestId('delete-school-year-confirm').click();
  await expect(page).toHaveURL(/\/administration\/kalender$/);
  await expect(page.getByTestId('school-years-table')).not.toContainText('2031/32');
});
