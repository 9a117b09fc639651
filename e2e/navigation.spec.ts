import { chooseLanguage, expectAccessible, login, VIEWPORTS } from './support/app';
import { expect, test } from './support/test';

/**
 * The main menu on a phone: behind a button (its links took four or five rows and pushed the page below the fold),
 * which says whether it is open (aria-expanded), opens with a tap or the keyboard, closes with Escape (focus back on
 * the button), with a choice of page, and with a tap outside it. From tablet width the links show without a button.
 */
test('on a phone the main menu opens from its button, closes with Escape, a choice or a tap outside; wider it shows', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  // The administrator has the most pages in the menu.
  await login(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  const button = nav.getByRole('button', { name: 'Meny' });
  const schoolAbsence = nav.getByRole('link', { name: 'Skolans frånvaro' });

  // Closed: the button only, and the page's heading is in the first screen.
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(schoolAbsence).toBeHidden();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(heading?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(VIEWPORTS.phone.height / 2);

  // Opened by a tap: the links, one per line; the keyboard goes on from the button into them.
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(schoolAbsence).toBeVisible();
  await expect(button).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('link').first()).toBeFocused();

  // Escape closes it and puts focus back on the button.
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(schoolAbsence).toBeHidden();
  await expect(button).toBeFocused();

  // Opened with the keyboard, a choice of page closes it.
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await schoolAbsence.click();
  await expect(page).toHaveURL(/\/skola\/franvaro/);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(schoolAbsence).toBeHidden();

  // A tap outside the open menu closes it.
  await button.click();
  await expect(schoolAbsence).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(schoolAbsence).toBeHidden();

  // On a tablet there is no button: the links show.
  await page.setViewportSize(VIEWPORTS.tablet);
  await expect(button).toBeHidden();
  await expect(schoolAbsence).toBeVisible();
});

/**
 * The administration's texts come with its pages, not with the app's start (a third of all texts): shown in the
 * language chosen, then in the one switched to on an administration page, and after a reload in English.
 */
test("the administration's pages speak the language shown and switch with it", async ({ page }) => {
  await login(page, 'admin', '/administration/grupper');
  await expect(page.getByRole('heading', { level: 1, name: 'Klasser och grupper' })).toBeVisible();
  await chooseLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Classes and groups' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Administration', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await expect(page.getByText(/^You administer /)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^You administer /)).toBeVisible();
  await chooseLanguage(page, 'sv');
  await expect(page.getByText(/^Du administrerar /)).toBeVisible();
});

/**
 * A page's code loads when it is first opened. Without a connection that load fails: the page says so and offers to
 * try again (before, the error went uncaught and the app went blank), and once the connection is back the page opens.
 */
test('a page opened for the first time without a connection says so, and opens on a retry once it is back', async ({
  page,
  context,
}, testInfo) => {
  await login(page, 'elev');
  await context.setOffline(true);
  await page.getByRole('navigation').getByRole('link', { name: 'Min klass' }).click();
  const failure = page.getByRole('alert');
  await expect(failure.getByRole('heading', { level: 1 })).toHaveText('Insyn går inte att nå');
  await expectAccessible(page, testInfo, 'page load failed');
  await context.setOffline(false);
  await failure.getByRole('button', { name: 'Försök igen' }).click();
  await expect(page.getByTestId('class-list')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
