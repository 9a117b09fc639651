import { readFile } from 'node:fs/promises';
import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';
import { childInMentorsClass } from './support/development-plans';

// The audit log (issue 17): the mentor reads a student's details through the API; the administrator finds that read
// by filtering the log by the student (found by name), the mentor and the event, exports the same rows as CSV, and
// finds their own reading of the log in it.

test('an administrator filters the log by a student, sees what was read about them and by whom, and exports it', async ({
  page,
  request,
}) => {
  const child = await childInMentorsClass(request);
  const mentor = await apiLogin(request, 'mentor');
  const read = await graphql<{ student: { id: string } }>(
    request,
    'query ($id: ID!) { student(id: $id) { id } }',
    { id: child.id },
    mentor,
  );
  expect(read.errors).toBeUndefined();

  await login(page, 'admin', '/administration/logg');
  await expect(page.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible();
  await expect(page.getByTestId('audit-log-entry').first()).toBeVisible();

  const filter = page.getByTestId('audit-filter');
  await filter.getByLabel('Person', { exact: true }).fill(`${child.firstName} ${child.lastName}`);
  const results = filter.getByTestId('audit-person-results');
  await results.getByRole('button', { name: new RegExp(`^${child.firstName} ${child.lastName} \\(elev, ${child.className}\\)$`) }).click();
  await expect(filter.getByTestId('audit-person')).toContainText(`${child.firstName} ${child.lastName}`);
  await filter.getByLabel('Användare', { exact: true }).fill('mentor');
  await filter.getByLabel('Händelse', { exact: true }).selectOption({ label: 'Läste elevens uppgifter' });
  await filter.getByRole('button', { name: 'Visa' }).click();

  await expect(page).toHaveURL(new RegExp(`[?&]person=${child.id}(&|$)`));
  const rows = page.getByTestId('audit-log-entry');
  await expect(rows.first()).toContainText('Läste elevens uppgifter');
  await expect(rows.first()).toContainText(`${child.firstName} ${child.lastName}`);
  await expect(rows.first().getByRole('cell').first()).toContainText(/mentor\s*mentor/);
  const shown = await rows.count();
  for (let index = 0; index < shown; index += 1) await expect(rows.nth(index)).toContainText('Läste elevens uppgifter');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^logg-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: /händelse(r)? exporterade?\./ })).toBeVisible();
  const lines = (await readFile(await download.path(), 'utf8'))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    '"Tid";"Användarnamn";"Namn";"Roll";"Händelse";"Händelsekod";"Elev";"Elev-id";"Posttyp";"Post-id";"IP-adress";"Detaljer"',
  );
  // The same rows as the page (fewer than a page), each the mentor's read of the student.
  expect(lines).toHaveLength(shown + 1);
  for (const line of lines.slice(1)) {
    expect(line).toContain('"mentor";');
    expect(line).toContain(`"student.read";"${child.firstName} ${child.lastName}";"${child.id}"`);
  }

  // Reading the log is in the log too, about the student it was filtered by.
  await filter.getByLabel('Användare', { exact: true }).fill('admin');
  await filter.getByLabel('Händelse', { exact: true }).selectOption({ label: 'Exporterade loggen' });
  await filter.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/handelse=auditLog\.exported/);
  await expect(rows.first()).toContainText('Exporterade loggen');
  await expect(rows.first()).toContainText(`filter.personId: ${child.id}`);
});
