import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { login } from './support/app';
import { childAtRektorsSchool, SMALL_PDF as PDF } from './support/support-decisions';

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

test('the principal uploads a decision with its PDF; the guardian opens it and confirms having read it', async ({ page, request }) => {
  const child = await childAtRektorsSchool(request);
  const summary = `Åtgärdsprogram i engelska: stöd av speciallärare varje torsdag (${Date.now()})`;

  // From the class list to the student's decisions.
  await login(page, 'rektor', `/grupp/${encodeURIComponent(child.classId)}`);
  await page.locator(`tr[data-student-id="${child.id}"]`).getByTestId('support-decisions-link').click();
  await expect(page).toHaveURL(new RegExp(`/elev/${child.id}/beslut-om-stod$`));
  await expect(page.getByTestId('support-decisions-heading')).toContainText(child.firstName);

  // Nothing chosen: the fields say what is wanted. A renamed web page is not taken for a PDF.
  const form = page.getByTestId('record-support-decision-form');
  await form.getByTestId('record-support-decision').click();
  await expect(form.getByLabel('Slag av beslut')).toHaveAccessibleDescription(/Välj vilket slags beslut det är\./);
  await expect(form.getByLabel('Slag av beslut')).toBeFocused();
  await expect(form.getByLabel('Beslutet i korthet')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Slag av beslut').selectOption({ label: 'Åtgärdsprogram' });
  await form.getByLabel('Beslutet i korthet').fill(summary);
  await form
    .getByLabel('Beslutet som PDF')
    .setInputFiles({ name: 'beslut.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html></html>') });
  await form.getByTestId('record-support-decision').click();
  await expect(form.getByLabel('Beslutet som PDF')).toHaveAccessibleDescription(/Filen är inte en PDF\./);

  await form
    .getByLabel('Beslutet som PDF')
    .setInputFiles({ name: 'Åtgärdsprogram engelska.pdf', mimeType: 'application/pdf', buffer: PDF });
  await form.getByTestId('record-support-decision').click();
  await expect(form.getByRole('status')).toContainText('Beslutet är sparat');
  const recorded = page.getByTestId('support-decision').filter({ hasText: summary });
  await expect(recorded).toBeVisible();
  await expect(recorded.getByTestId('support-decision-status')).toHaveText('… Inte bekräftat');
  await expect(form.getByLabel('Beslutet i korthet')).toHaveValue('');
  await logout(page);

  // The guardian finds it under the child, downloads the same PDF and confirms.
  await login(page, 'vardnadshavare');
  await page.getByRole('navigation').getByRole('link', { name: 'Beslut om stöd' }).click();
  await expect(page).toHaveURL(/\/beslut-om-stod/);
  await page.getByTestId('child-picker').getByLabel(new RegExp(child.firstName)).check();
  const decision = page.getByTestId('support-decision').filter({ hasText: summary });
  await expect(decision).toBeVisible();
  await expect(decision.getByRole('heading', { name: 'Åtgärdsprogram' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await decision.getByTestId('support-decision-document').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Åtgärdsprogram engelska.pdf');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  expect(Buffer.concat(chunks).equals(PDF)).toBe(true);

  await decision.getByRole('button', { name: 'Jag har tagit del av beslutet' }).click();
  await expect(decision.getByTestId('support-decision-status')).toHaveText('✓ Bekräftat');
  await expect(decision.getByRole('button', { name: 'Jag har tagit del av beslutet' })).toHaveCount(0);
  await expect(decision.getByTestId('support-decision-acknowledgements')).toContainText('(vårdnadshavare)');
  await logout(page);

  // The principal sees that the home has read it.
  await login(page, 'rektor', `/elev/${encodeURIComponent(child.id)}/beslut-om-stod`);
  await expect(page.getByTestId('support-decision').filter({ hasText: summary }).getByTestId('support-decision-status')).toHaveText(
    '✓ Bekräftat',
  );
});
