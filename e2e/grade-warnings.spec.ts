import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { login } from './support/app';
import { teacherOfGuardiansChild } from './support/grade-warnings';

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

test('a teacher warns, records a contact with the home; the guardian sees both, the principal the counts; it is closed', async ({
  page,
  request,
}) => {
  const { teacher, groupId, child } = await teacherOfGuardiansChild(request);
  const missing = `Labbrapporten om fotosyntes och provet i kapitel 3 (${Date.now()})`;

  // The teacher issues the warning from the group's page.
  await login(page, teacher, `/grupp/${encodeURIComponent(groupId)}`);
  await page.getByTestId('grade-warnings-link').click();
  await expect(page).toHaveURL(new RegExp(`/grupp/${groupId}/betygsvarningar$`));
  const issueForm = page.getByTestId('issue-grade-warning-form');
  // Nothing filled in: both fields say what is wanted, and nothing is saved.
  await issueForm.getByTestId('issue-grade-warning').click();
  await expect(issueForm.getByLabel('Elev')).toHaveAccessibleDescription(/Välj vilken elev varningen gäller\./);
  await expect(issueForm.getByLabel('Vad saknas')).toHaveAttribute('aria-invalid', 'true');
  await issueForm.getByLabel('Elev').selectOption(child.id);
  await issueForm.getByLabel('Vad saknas').fill(missing);
  await issueForm.getByTestId('issue-grade-warning').click();
  // A sentence names the student first name first (the list of students sorts by last name).
  await expect(page.getByTestId('grade-warning-notice')).toContainText(`för ${child.firstName} ${child.lastName} är utfärdad`);
  const warning = page.getByTestId('grade-warning').filter({ hasText: missing });
  await expect(warning).toBeVisible();
  await expect(warning.getByTestId('grade-warning-status')).toHaveText('… Öppen');

  // The same teacher records the contact; without "with whom" the field says so.
  await warning.getByText('Registrera kontakt').click();
  const contactForm = warning.getByTestId('grade-warning-contact-form');
  // "När" is now (or the warning's time, should the browser's clock run behind the server's).
  await expect(contactForm.getByLabel('När')).toHaveValue(/^2026-11-25T\d\d:\d\d$/);
  await contactForm.getByLabel('Hur').selectOption({ label: 'Möte' });
  await contactForm.getByLabel('Vad ni kom överens om').fill('Eleven lämnar in rapporten på fredag och skriver omprov vecka 50.');
  await contactForm.getByTestId('save-grade-warning-contact').click();
  await expect(contactForm.getByLabel('Med vem')).toHaveAccessibleDescription(/Skriv vem du pratade med\./);
  await contactForm.getByLabel('Med vem').fill('Båda vårdnadshavarna');
  await contactForm.getByTestId('save-grade-warning-contact').click();
  await expect(warning.getByTestId('grade-warning-contact')).toContainText('Möte · med Båda vårdnadshavarna');
  await expect(page.getByTestId('grade-warning-notice')).toContainText('Kontakten');
  await logout(page);

  // The guardian sees the warning and the contact under the child.
  await login(page, 'vardnadshavare');
  await page.getByRole('navigation').getByRole('link', { name: 'Betygsvarningar' }).click();
  await page.getByTestId('child-picker').getByLabel(new RegExp(child.firstName)).check();
  const seen = page.getByTestId('grade-warning').filter({ hasText: missing });
  await expect(seen).toBeVisible();
  await expect(seen.getByTestId('grade-warning-contact')).toContainText('Möte · med Båda vårdnadshavarna');
  await expect(seen.getByTestId('grade-warning-contact')).toContainText('Eleven lämnar in rapporten på fredag');
  await logout(page);

  // The principal sees the open warning in the totals and on the child's class.
  await login(page, 'rektor');
  await page.getByRole('navigation').getByRole('link', { name: 'Skolans betygsvarningar' }).click();
  await expect(page.getByTestId('grade-warning-totals')).toBeVisible();
  expect(Number(await page.getByTestId('grade-warning-total-open').innerText())).toBeGreaterThanOrEqual(1);
  const classRow = page.getByTestId('grade-warning-classes').locator(`tr[data-class-name="${child.className ?? ''}"]`);
  await expect(classRow).toBeVisible();
  expect(Number(await classRow.locator('td').first().innerText())).toBeGreaterThanOrEqual(1);

  await logout(page);

  // Resolved: the teacher closes the warning with a note, which is required.
  await login(page, teacher, `/grupp/${encodeURIComponent(groupId)}/betygsvarningar`);
  await warning.getByText('Avsluta varningen', { exact: true }).click();
  const closeForm = warning.getByTestId('close-grade-warning-form');
  await closeForm.getByTestId('close-grade-warning').click();
  await expect(closeForm.getByLabel('Anteckning')).toHaveAccessibleDescription(/Skriv varför varningen avslutas\./);
  await closeForm.getByLabel('Anteckning').fill('Rapporten är inlämnad och omprovet godkänt.');
  await closeForm.getByTestId('close-grade-warning').click();
  await expect(warning.getByTestId('grade-warning-status')).toHaveText('✓ Avslutad');
  await expect(warning.getByTestId('grade-warning-closed')).toContainText('Rapporten är inlämnad och omprovet godkänt.');
  await expect(warning.getByTestId('grade-warning-contact-form')).toHaveCount(0);
});
