import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

// The SS 12000 API clients page in each language at phone, tablet and desktop width: the form refused, a new client
// with its secret, revoking it asked for, and the client revoked after its calls, those open.

const LANGUAGES: Language[] = ['sv', 'en'];

for (const language of LANGUAGES) {
  test.describe(`administration API clients pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 180_000 });
    const sv = language === 'sv';

    test('the API clients page: refused, a new client with its secret, and the client revoked after a call', async ({
      page,
      request,
    }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready, ADMINISTRATION_VIEWPORTS);
      // The screens servers' data stay between runs against them: a name of its own each time.
      const name = `${sv ? 'Lärplattformen' : 'Learning platform'} ${Date.now() % 100_000}`;
      await loginIn(page, 'admin', language, '/administration/api-klienter');
      const form = page.getByTestId('api-client-form');
      const create = form.getByRole('button', { name: sv ? 'Skapa API-klienten' : 'Create the API client' });

      await create.click();
      await shot('admin-api-clients-refused', () => expect(form.locator('.field__error')).toHaveCount(2));

      await form.getByLabel(sv ? 'Namn' : 'Name').fill(name);
      await form.getByLabel(sv ? /^Personer/ : /^Persons/).check();
      await form.getByLabel(sv ? /^Närvaro per lektion/ : /^Attendance by lesson/).check();
      await create.click();
      const created = page.getByTestId('api-client-secret');
      await shot('admin-api-clients-secret', () => expect(created).toBeVisible());

      // A call of the other system, so that the client has calls to show.
      const clientId = await created.getByLabel(sv ? 'Klient-id (client_id)' : 'Client id (client_id)', { exact: true }).inputValue();
      const secret = await created.getByLabel(sv ? 'Hemlighet (client_secret)' : 'Secret (client_secret)', { exact: true }).inputValue();
      const token = await request.post('/ss12000/v2.1/token', {
        form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
      });
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      await request.get('/ss12000/v2.1/persons?limit=2', { headers: { authorization: `Bearer ${accessToken}` } });
      // Not among its endpoints: a refused call (403) in the list too.
      await request.get('/ss12000/v2.1/groups', { headers: { authorization: `Bearer ${accessToken}` } });

      await page.reload();
      const client = page.getByTestId('api-client').filter({ has: page.getByRole('heading', { name, exact: true }) });
      await client.getByRole('button', { name: `${sv ? 'Återkalla' : 'Revoke'} ${name}` }).click();
      const confirm = client.getByRole('button', { name: `${sv ? 'Ja, återkalla' : 'Yes, revoke'} ${name}` });
      await shot('admin-api-clients-revoke-confirm', () => expect(confirm).toBeVisible());
      await confirm.click();
      await expect(client.getByTestId('api-client-revoked')).toBeVisible();
      await client.locator('summary').click();
      await shot('admin-api-clients-revoked', () => expect(client.getByRole('table')).toBeVisible());
    });
  });
}
