import { expectAccessible } from './support/app';
import { expect, test } from './support/test';

// The check every screens test relies on must be able to fail: an image without a text alternative and a button
// without a name on the login page are serious WCAG 2.1 A violations.
test('the accessibility check fails on a page with violations, and passes on the page without them', async ({ page }, testInfo) => {
  await page.goto('/logga-in');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await expectAccessible(page, testInfo, 'login-clean');
  await page.evaluate(
    `document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/favicon.svg' }), document.createElement('button'))`,
  );
  const failure = await expectAccessible(page, testInfo, 'login-broken').then(
    () => null,
    (error: unknown) => String(error),
  );
  expect(failure).toContain('image-alt');
  expect(failure).toContain('button-name');
});
