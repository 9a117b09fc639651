import { expect, test } from './support/test';
import { login } from './support/app';

// An administrator lets another system read over SS 12000: the form's refusals, a client with two endpoints whose
// secret the other system uses for a token and a call (then seen among the client's calls), and revoking it, after
// which the same token is refused. (Named without a hyphen in "apiclients" so the administration project runs it.)

test('the administrator creates an API client, another system reads with it, and revoking it shuts the system out', async ({
  page,
  request,
}) => {
  // The administration server's database is shared by its tests and kept between runs against it.
  const name = `Lärplattform ${Date.now()}`;
  await login(page, 'admin', '/administration');
  await page.getByRole('link', { name: 'API-klienter (SS 12000)' }).click();
  await expect(page).toHaveURL(/\/administration\/api-klienter$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API-klienter (SS 12000)');
  const administrator = (await page.getByTestId('logged-in-user').locator('.user-badge__name').textContent()) ?? '';
  const byAdministrator = new RegExp(`^25 nov 2026 \\d\\d:\\d\\d av ${administrator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

  // Neither a name nor an endpoint: the API refuses both, each at its field.
  const form = page.getByTestId('api-client-form');
  await form.getByRole('button', { name: 'Skapa API-klienten' }).click();
  await expect(form.getByLabel('Namn')).toHaveAccessibleDescription(/Ange ett namn\./);
  await expect(form.getByRole('group', { name: 'Får läsa' })).toHaveAccessibleDescription(/Kryssa i minst en del som klienten får läsa\./);
  await expect(form.getByLabel('Namn')).toBeFocused();

  await form.getByLabel('Namn').fill(name);
  await form.getByLabel(/^Personer/).check();
  await form.getByLabel(/^Grupper/).check();
  await form.getByRole('button', { name: 'Skapa API-klienten' }).click();

  // The secret, shown this once beside the client id.
  const created = page.getByTestId('api-client-secret');
  await expect(created.getByRole('heading', { name: `${name} är skapad` })).toBeFocused();
  await expect(created).toContainText('Hemligheten visas bara nu och går inte att visa igen.');
  const clientId = await created.getByLabel('Klient-id (client_id)', { exact: true }).inputValue();
  const secret = await created.getByLabel('Hemlighet (client_secret)', { exact: true }).inputValue();
  expect(clientId).toMatch(/^insyn-[0-9a-f]+$/);
  expect(secret).toMatch(/^[\w-]{40,}$/);
  // Once confirmed as saved, the secret leaves the page and the form is there again, empty.
  await created.getByRole('button', { name: 'Jag har sparat hemligheten' }).click();
  await expect(created).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Ny API-klient' })).toBeFocused();
  await expect(form.getByLabel('Namn')).toHaveValue('');

  // The other system: a token for the id and secret (OAuth2 client credentials), then one person with it.
  const tokenResponse = await request.post('/ss12000/v2.1/token', {
    form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret },
  });
  expect(tokenResponse.status()).toBe(200);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const readPersons = () => request.get('/ss12000/v2.1/persons?limit=1', { headers: { authorization: `Bearer ${token}` } });
  expect((await readPersons()).status()).toBe(200);

  // The client in the list, with both calls among its latest: the token's and the persons'.
  await page.reload();
  const client = page.getByTestId('api-client').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(client.getByRole('definition')).toHaveText([
    clientId,
    'Personer (elever, vårdnadshavare, personal), Grupper (klasser och undervisningsgrupper)',
    'Lämnas utanför',
    byAdministrator,
  ]);
  await expect(client.getByRole('table')).toBeHidden();
  await client.getByText('De 2 senaste anropen').click();
  const calls = client.getByRole('table', { name: `Senaste anropen från ${name}, nyast först. Adresserna är under /ss12000/v2.1.` });
  // innerText: the time's second place in the path's cell is for phones, hidden at this width.
  const cells = (row: number) => calls.getByRole('row').nth(row).getByRole('cell');
  await expect(cells(1)).toHaveText([/^25 nov 2026 \d\d:\d\d$/, 'GET /persons?limit=1', '200', '1'], { useInnerText: true });
  await expect(cells(2)).toHaveText([/^25 nov 2026 \d\d:\d\d$/, 'POST /token', '200', '–'], { useInnerText: true });

  // A second client of the same name could not be told apart: the API refuses it at the name.
  await form.getByLabel('Namn').fill(name);
  await form.getByLabel(/^Närvaro per lektion/).check();
  await form.getByRole('button', { name: 'Skapa API-klienten' }).click();
  await expect(form.getByLabel('Namn')).toHaveAccessibleDescription(/Det finns redan en API-klient med det namnet\./);
  await expect(form.getByRole('group', { name: 'Får läsa' })).not.toHaveAccessibleDescription(/Kryssa i/);

  // Revoking asks first; confirmed, the client tells who revoked it and when, and the token stops working at once.
  await client.getByRole('button', { name: `Återkalla ${name}` }).click();
  await expect(client).toContainText(`Återkalla ${name}? Systemet får inga nya tokens`);
  await client.getByRole('button', { name: 'Avbryt' }).click();
  await expect(client.getByRole('button', { name: `Återkalla ${name}` })).toBeFocused();
  await client.getByRole('button', { name: `Återkalla ${name}` }).click();
  await client.getByRole('button', { name: `Ja, återkalla ${name}` }).click();
  await expect(client.getByTestId('api-client-revoked').getByRole('definition')).toHaveText(byAdministrator);
  await expect(client.getByRole('heading', { name, exact: true })).toBeFocused();
  await expect(client.getByRole('button', { name: `Återkalla ${name}` })).toHaveCount(0);
  expect((await readPersons()).status()).toBe(401);
});
