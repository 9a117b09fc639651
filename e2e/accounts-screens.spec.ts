import { DEMO_PASSWORD, expectLoggedInAt } from './support/app';
import { capture, type Language } from './support/screens';
import { expect, test } from './support/test';

// The account pages in each language at tablet and phone width: the activation page (empty, and refused before
// sending), the principal's letters with their plan and the warning before printing, the change of password with its
// problems, and the class page's login slips with their warning; "forgot password" (an address refused, and the
// confirmation) and the new password from a mailed link (refused before sending, a link that does not work, none).
// Nothing is printed or changed, so the screens servers' data stay as they are (a link asked for an address no one
// has counts against the browser's address only). Each test loads the app once and goes on in it, but for the links.

const LANGUAGES: Language[] = ['sv', 'en'];

for (const language of LANGUAGES) {
  test.describe(`account pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 300_000 });
    const sv = language === 'sv';

    test('activation, login letters, change of password, login slips', async ({ page }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready);
      await page.goto('/aktivera');
      await page
        .getByRole('group', { name: 'Språk – Language' })
        .getByRole('button', { name: sv ? 'Svenska' : 'English' })
        .click();
      const activation = page.getByTestId('activation-form');
      await shot('activation', () => expect(activation).toBeVisible());
      await activation.getByLabel(sv ? 'Användarnamn' : 'Username').fill('anna.andersson');
      await activation.getByLabel(sv ? 'Aktiveringskod' : 'Activation code').fill('ACEF-HKMN');
      await activation.getByLabel(sv ? 'Nytt lösenord' : 'New password', { exact: true }).fill('sommar123456');
      await activation.getByRole('button', { name: sv ? 'Aktivera och logga in' : 'Activate and log in' }).click();
      await shot('activation-errors', () => expect(activation.locator('.field__error')).toHaveCount(3));

      // The principal logs in from the activation page's link.
      await page.getByRole('link', { name: sv ? 'Logga in' : 'Log in', exact: true }).click();
      await page.getByLabel(sv ? 'Användarnamn' : 'Username').fill('rektor');
      await page.getByLabel(sv ? 'Lösenord' : 'Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: sv ? 'Logga in' : 'Log in' }).click();
      await expectLoggedInAt(page, undefined);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: sv ? 'Inloggningsbrev' : 'Login letters' })
        .click();
      await page
        .getByLabel(sv ? 'Bara vårdnadshavare som inte har aktiverat sitt konto' : 'Only guardians who have not activated their account')
        .uncheck();
      // The whole school: some of its guardians have no address, and the table tells them.
      await shot('letters', () => expect(page.getByTestId('skipped-guardians')).toBeVisible());
      await page.getByRole('button', { name: sv ? 'Skriv ut brev (PDF)' : 'Print letters (PDF)' }).click();
      await shot('letters-warning', () => expect(page.locator('.print-credentials__warning')).toBeVisible());
      await page.getByRole('button', { name: sv ? 'Avbryt' : 'Cancel' }).click();

      await page.getByTestId('change-password-link').click();
      const change = page.getByTestId('change-password-form');
      await shot('change-password', () => expect(change).toBeVisible());
      await change.getByLabel(sv ? 'Nytt lösenord' : 'New password', { exact: true }).fill('rektor-2026');
      await change.getByLabel(sv ? 'Upprepa det nya lösenordet' : 'Repeat the new password').fill('rektor-2025');
      await change.getByRole('button', { name: sv ? 'Byt lösenord' : 'Change password' }).click();
      await shot('change-password-errors', () => expect(change.locator('.field__error')).toHaveCount(3));

      await page
        .getByRole('navigation')
        .getByRole('link', { name: sv ? 'Mina grupper' : 'My groups' })
        .click();
      await page.getByTestId('my-groups').locator('tbody tr').first().getByRole('link').click();
      await page.getByRole('button', { name: sv ? 'Skriv ut inloggningslappar (PDF)' : 'Print login slips (PDF)' }).click();
      await shot('class-sheet-warning', () => expect(page.locator('.print-credentials__warning')).toBeVisible());
    });

    test('forgot password, and the new password from its link', async ({ page }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready);
      await page.goto('/logga-in');
      await page
        .getByRole('group', { name: 'Språk – Language' })
        .getByRole('button', { name: sv ? 'Svenska' : 'English' })
        .click();
      await page.getByRole('link', { name: sv ? 'Glömt lösenordet?' : 'Forgot your password?' }).click();
      const forgot = page.getByTestId('forgot-password-form');
      await forgot.getByLabel(sv ? 'E-postadress' : 'E-mail address').fill('anna.andersson@');
      await forgot.getByRole('button', { name: sv ? 'Skicka länken' : 'Send the link' }).click();
      await shot('forgot-password-errors', () => expect(forgot.locator('.field__error')).toHaveCount(1));
      await forgot.getByLabel(sv ? 'E-postadress' : 'E-mail address').fill('anna.andersson@exempel.se');
      await forgot.getByRole('button', { name: sv ? 'Skicka länken' : 'Send the link' }).click();
      await shot('forgot-password-sent', () => expect(page.getByTestId('reset-link-sent')).toBeVisible());

      // A link as mailed, with a token no server gave: the page cannot tell until the password is sent.
      await page.goto(`/nytt-losenord#${'x'.repeat(43)}`);
      const reset = page.getByTestId('reset-password-form');
      await reset.getByLabel(sv ? 'Nytt lösenord' : 'New password', { exact: true }).fill('sommar123456');
      await reset.getByRole('button', { name: sv ? 'Spara och logga in' : 'Save and log in' }).click();
      await shot('reset-password-errors', () => expect(reset.locator('.field__error')).toHaveCount(2));
      await reset.getByLabel(sv ? 'Nytt lösenord' : 'New password', { exact: true }).fill('ekorre-under-granen-i-mars');
      await reset.getByLabel(sv ? 'Upprepa det nya lösenordet' : 'Repeat the new password').fill('ekorre-under-granen-i-mars');
      await reset.getByRole('button', { name: sv ? 'Spara och logga in' : 'Save and log in' }).click();
      await shot('reset-password-refused', () => expect(page.getByTestId('reset-failure').getByRole('alert')).not.toBeEmpty());
      // The page opened without its token.
      await page.goto('/nytt-losenord');
      await shot('reset-password-no-link', () =>
        expect(page.getByRole('alert')).toContainText(sv ? 'Länken är inte hel' : 'The link is not complete'),
      );
    });
  });
}
