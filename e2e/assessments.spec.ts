import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { login } from './support/app';
import { teacherOfGuardiansChild } from './support/grade-warnings';

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

test("a teacher enters a group's results in one table and publishes them; the guardian reads the child's", async ({ page, request }) => {
  const { teacher, groupId, child } = await teacherOfGuardiansChild(request);
  const title = `Prov: ekvationer (${Date.now()})`;
  const childName = `${child.lastName}, ${child.firstName}`;

  await login(page, teacher, `/grupp/${encodeURIComponent(groupId)}`);
  await page.getByTestId('assessments-link').click();
  await expect(page).toHaveURL(new RegExp(`/grupp/${groupId}/omdomen$`));

  // A task without a name is refused at the field; with one it opens its results table.
  const form = page.getByTestId('new-task-form');
  await form.getByTestId('create-task').click();
  await expect(form.getByLabel('Uppgift')).toHaveAccessibleDescription(/Skriv vad uppgiften heter\./);
  await form.getByLabel('Uppgift').fill(title);
  await form.getByTestId('create-task').click();
  await expect(page.getByTestId('assessment-notice')).toContainText(title);
  await expect(page.getByRole('heading', { name: `Resultat: ${title}` })).toBeVisible();
  // A slip in the name is corrected in place; the table keeps the task.
  await page.getByText('Ändra uppgiftens namn, datum eller beskrivning').click();
  const edit = page.getByTestId('edit-task-form');
  await edit.getByLabel('Uppgift').fill('');
  await edit.getByTestId('update-task').click();
  await expect(edit.getByLabel('Uppgift')).toHaveAccessibleDescription(/Skriv vad uppgiften heter\./);
  await edit.getByLabel('Uppgift').fill(`${title}, kapitel 2`);
  // A year typed wrong is refused at the date: the group is of one school year.
  const date = edit.getByLabel('Datum');
  const today = await date.inputValue();
  await date.fill(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`);
  await edit.getByTestId('update-task').click();
  await expect(date).toHaveAccessibleDescription(/^! Välj ett datum inom gruppens läsår, \d+ [a-z]+ 2026 – \d+ [a-z]+ 2027\.$/);
  await expect(date).toBeFocused();
  await date.fill(today);
  await edit.getByTestId('update-task').click();
  await expect(page.getByTestId('assessment-notice')).toContainText(`Uppgiften ”${title}, kapitel 2” är sparad.`);
  await expect(page.getByRole('heading', { name: `Resultat: ${title}, kapitel 2` })).toBeVisible();

  // Every student a mark, the child another one and a comment; one save for the whole group.
  const table = page.getByTestId('results-table');
  const selects = table.getByTestId('grade-select');
  const rows = await selects.count();
  expect(rows).toBeGreaterThan(1);
  for (let index = 0; index < rows; index += 1) await selects.nth(index).selectOption({ index: 1 });
  const childRow = table.locator(`tr[data-student-id="${child.id}"]`);
  await childRow.getByLabel(`Betyg eller nivå för ${childName}`).selectOption({ index: 2 });
  const childGrade = await childRow.getByTestId('grade-select').locator('option:checked').innerText();
  await childRow.getByLabel(`Kommentar till ${childName}`).fill('Tydliga resonemang, redovisa alla steg.');
  // Publishing waits for the save.
  await expect(page.getByTestId('publish-task')).toBeDisabled();
  await page.getByTestId('save-results').click();
  await expect(page.getByTestId('assessment-notice')).toContainText(`${rows} resultat på`);
  await expect(page.getByTestId('assessment-tasks').locator('tr', { hasText: title })).toContainText(`${rows} av ${rows}`);

  await expect(page.getByTestId('publish-task')).toHaveAccessibleDescription(/vårdnadshavare som valt det får ett meddelande/);
  await page.getByTestId('publish-task').click();
  await expect(page.getByTestId('assessment-notice')).toContainText('är publicerade');
  await expect(page.getByTestId('assessment-tasks').locator('tr', { hasText: title })).toContainText('Publicerad');

  // A subject assessment needs a grade: a comment alone is refused at its row, and nothing is saved.
  const subjectTable = page.getByTestId('subject-assessments-table');
  const subjectRow = subjectTable.locator(`tr[data-student-id="${child.id}"]`);
  await subjectRow.getByTestId('grade-select').selectOption('');
  await subjectRow.getByTestId('comment-input').fill('Bra terminsarbete.');
  await page.getByTestId('save-subject-assessments').click();
  await expect(subjectRow.getByTestId('grade-select')).toHaveAccessibleDescription(/Välj ett betyg eller en nivå\./);
  // The spring term, chosen: its own table, kept in the address.
  await page.getByTestId('subject-assessments-term').selectOption({ label: 'Vårterminen 2026/27' });
  await expect(page.getByRole('heading', { level: 2, name: 'Ämnesomdömen, Vårterminen 2026/27' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]termin=/);
  await expect(subjectTable.getByTestId('grade-select').first()).toHaveValue('');
  await logout(page);

  // The guardian finds the result under the child's subject.
  await login(page, 'vardnadshavare');
  await page.getByRole('navigation').getByRole('link', { name: 'Omdömen' }).click();
  await page.getByTestId('child-picker').getByLabel(new RegExp(child.firstName)).check();
  const result = page.getByTestId('assessment-result').filter({ hasText: title });
  await expect(result).toContainText(childGrade);
  await expect(result).toContainText('Tydliga resonemang, redovisa alla steg.');
});

test('grades typed and not yet saved are there again after leaving the page and coming back', async ({ page, request }) => {
  const { teacher, groupId, child } = await teacherOfGuardiansChild(request);
  await login(page, teacher, `/grupp/${encodeURIComponent(groupId)}/omdomen`);
  const row = page.getByTestId('subject-assessments-table').locator(`tr[data-student-id="${child.id}"]`);
  const before = await row.getByTestId('grade-select').inputValue();
  await row.getByTestId('grade-select').selectOption({ index: before === '' ? 1 : 0 });
  const chosen = await row.getByTestId('grade-select').inputValue();
  await row.getByTestId('comment-input').fill('Skrivet, inte sparat.');
  await expect(page.getByTestId('save-subject-assessments')).toHaveText('Spara 1 ändring');
  // Called away by the menu, then back.
  await page.getByRole('navigation').getByRole('link', { name: /^Idag/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Idag' })).toBeVisible();
  await page.goBack();
  await expect(row.getByTestId('grade-select')).toHaveValue(chosen);
  await expect(row.getByTestId('comment-input')).toHaveValue('Skrivet, inte sparat.');
  await expect(page.getByTestId('save-subject-assessments')).toHaveText('Spara 1 ändring');
  // A logout forgets what was not saved.
  await logout(page);
  await login(page, teacher, `/grupp/${encodeURIComponent(groupId)}/omdomen`);
  await expect(row.getByTestId('grade-select')).toHaveValue(before);
  await expect(row.getByTestId('comment-input')).not.toHaveValue('Skrivet, inte sparat.');
});
