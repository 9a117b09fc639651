import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { login } from './support/app';

async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

test('a mentor informs the class, a guardian opens the post, and the mentor sees it read', async ({ page }) => {
  const title = `Friluftsdag vid sjön (${Date.now()})`;

  // The mentor writes to their class's guardians; without a title the field says so and nothing is sent.
  await login(page, 'mentor');
  await page.getByRole('navigation').getByRole('link', { name: 'Nyheter' }).click();
  await expect(page).toHaveURL(/\/nyheter$/);
  const form = page.getByTestId('news-compose-form');
  await expect(form.getByLabel('Till')).toHaveValue(/^group:/);
  await form.getByLabel('Text').fill('Vi samlas vid skolan kl. 8.30. Ta med matsäck.');
  await form.getByTestId('post-news').click();
  await expect(form.getByLabel('Rubrik')).toHaveAccessibleDescription(/Skriv en rubrik\./);
  await expect(form.getByLabel('Rubrik')).toBeFocused();
  await form.getByLabel('Rubrik').fill(title);
  await form.getByTestId('post-news').click();
  await expect(page.getByTestId('news-notice')).toContainText(title);
  const sent = page.getByTestId('sent-news-item').filter({ hasText: title });
  await expect(sent.getByTestId('sent-news-reads')).toHaveText(/^Läst av 0 av \d+ mottagare$/);
  await logout(page);

  // The guardian sees it unread, opens it, and it is read.
  await login(page, 'vardnadshavare');
  const guardianName = (await page.locator('.user-badge__name').innerText()).trim();
  await page.getByRole('navigation').getByRole('link', { name: 'Nyheter' }).click();
  const item = page.getByTestId('news-item').filter({ hasText: title });
  await expect(item).toHaveAttribute('data-read', 'false');
  await expect(item.getByRole('button')).toHaveText(`Oläst${title}`);
  await expect(item.getByTestId('news-body')).toBeHidden();
  await item.getByRole('button').click();
  await expect(item.getByTestId('news-body')).toHaveText('Vi samlas vid skolan kl. 8.30. Ta med matsäck.');
  await expect(item).toHaveAttribute('data-read', 'true');
  await expect(item.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  await logout(page);

  // The mentor sees the guardian among those who have read it.
  await login(page, 'mentor', '/nyheter');
  await expect(sent.getByTestId('sent-news-reads')).toHaveText(/^Läst av 1 av \d+ mottagare$/);
  await sent.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('news-post-reads')).toHaveText(/^Läst av 1 av \d+ mottagare$/);
  const table = page.getByTestId('news-recipients');
  await expect(table.locator('[data-testid="news-recipient"][data-read="true"]')).toHaveCount(1);
  await expect(table.locator('[data-testid="news-recipient"][data-read="true"] th')).toHaveText(guardianName);
  // Sorted by status, the one who has read comes after those who have not; the other way round, first.
  await table.getByRole('button', { name: /^Status/ }).click();
  await expect(table.getByRole('columnheader', { name: /^Status/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByTestId('news-recipient').last()).toHaveAttribute('data-read', 'true');
  await table.getByRole('button', { name: /^Status/ }).click();
  await expect(table.getByTestId('news-recipient').first()).toHaveAttribute('data-read', 'true');
});
