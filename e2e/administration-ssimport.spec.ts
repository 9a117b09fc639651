import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';

// An administrator imports from an SS 12000 source: the settings form's refusals, then Insyn's own SS 12000 export on
// the same server as the source (a real SS 12000 source, read with an API client of its own), its connection checked,
// a dry run that finds everyone and everything already in Insyn, the import, both runs in the history, and the nightly
// import switched on and off again. A run answers at once and goes on after: the page follows it to its report. (Named
// "ssimport": the administration project's pattern takes letters only after "administration-", so "ss12000" would not
// be its.)

/** A name as it reads in a regular expression. */
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How long a run of the whole demo school may take on a loaded machine: the page follows it until its report. */
const RUN_TIMEOUT = 120_000;

test('the administrator sets up the SS 12000 source, checks it, does a dry run and imports', async ({ page, request }) => {
  test.setTimeout(4 * RUN_TIMEOUT);
  await login(page, 'admin', '/administration');
  await page.getByRole('link', { name: 'Import från SS 12000' }).click();
  await expect(page).toHaveURL(/\/administration\/ss12000-kalla$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import från SS 12000');
  await expect(page.getByText('Lägg in läsåret under Läsår och kalender först: grupperna hör till ett läsår.')).toBeVisible();
  const administrator = (await page.getByTestId('logged-in-user').locator('.user-badge__name').textContent()) ?? '';
  const origin = new URL(page.url()).origin;

  // The shared rule refuses before anything is sent: no address, then one without HTTPS. (The administration
  // server's data stay between runs against it, so the source may be stored already: only the address is asserted.)
  const form = page.getByTestId('ss12000-source-form');
  const save = form.getByRole('button', { name: 'Spara källan' });
  const baseUrl = form.getByLabel('Adress (bas-URL)');
  await baseUrl.fill('');
  await save.click();
  await expect(baseUrl).toHaveAccessibleDescription(/Ange adressen\./);
  await expect(baseUrl).toBeFocused();
  await baseUrl.fill('http://example.se/ss12000/v2.1');
  await save.click();
  await expect(baseUrl).toHaveAccessibleDescription(/Adressen måste börja med https:\/\//);

  // A bearer token needs neither a token address nor a client id.
  await form.getByLabel('Token från källan (bearer token)').check();
  await expect(form.getByLabel('Tokenadress')).toHaveCount(0);
  await expect(form.getByLabel('Token', { exact: true })).toHaveAttribute('type', 'password');
  await form.getByLabel('Klient-id och hemlighet (OAuth2 client credentials)').check();

  // The source: this server's own SS 12000 export, read by an API client made for it. The check reads every endpoint
  // an import may (subjects, groups and the schedule too), so the client may read those as well.
  const token = await apiLogin(request, 'admin');
  const created = await graphql<{ createApiClient: { secret: string; client: { clientId: string } } }>(
    request,
    `
      mutation ($name: String!) {
        createApiClient(
          input: {
            name: $name
            scopes: [ORGANISATIONS, PERSONS, GROUPS, DUTIES, SYLLABUSES, ACTIVITIES, CALENDAR_EVENTS]
            protectedIdentity: false
          }
        ) {
          secret
          client {
            clientId
          }
        }
      }
    `,
    { name: `SS 12000-källan ${Date.now()}` },
    token,
  );
  const client = created.data?.createApiClient;
  if (!client) throw new Error(`createApiClient failed: ${JSON.stringify(created.errors)}`);

  await baseUrl.fill(`${origin}/ss12000/v2.1/`);
  await form.getByLabel('Tokenadress').fill(`${origin}/ss12000/v2.1/token`);
  await form.getByLabel('Klient-id (client_id)').fill(client.client.clientId);
  await form.getByLabel('Hemlighet (client_secret)').fill(client.secret);
  await save.click();
  await expect(form.getByRole('status').filter({ hasText: 'Källan är sparad.' })).toBeVisible();
  await expect(page.getByTestId('ss12000-source-changed')).toHaveText(
    new RegExp(`^Senast sparad 25 nov 2026 \\d\\d:\\d\\d av ${escaped(administrator)}\\.$`),
  );
  // Stored without its trailing slash; the secret is not shown again, and left empty it is kept.
  await expect(baseUrl).toHaveValue(`${origin}/ss12000/v2.1`);
  const secret = form.getByLabel('Hemlighet (client_secret)');
  await expect(secret).toHaveValue('');
  await expect(secret).toHaveAccessibleDescription('Lämna tomt för att behålla den sparade.');
  await save.click();
  await expect(form.getByRole('status').filter({ hasText: 'Källan är sparad.' })).toBeVisible();
  await expect(secret).not.toHaveAttribute('aria-invalid', 'true');

  // The connection, with the secret kept: the first page of every endpoint.
  const check = page.getByTestId('ss12000-check');
  await check.getByRole('button', { name: 'Testa anslutningen' }).click();
  await expect(check.getByRole('status').filter({ hasText: 'Anslutningen fungerar.' })).toBeVisible();
  const endpoints = check.getByTestId('ss12000-check-endpoints');
  await expect(endpoints.getByRole('row', { name: /^Organisationer \/organisations \d+ poster$/ })).toBeVisible();
  // The demo school's 700 students alone are more than the check's first page of 100.
  await expect(endpoints.getByRole('row', { name: /^Personer \/persons 100 poster, fler sidor$/ })).toBeVisible();
  await expect(endpoints.getByRole('row', { name: /^Ämnen \(kursplaner\) \/syllabuses \d+ poster$/ })).toBeVisible();
  await expect(endpoints.getByRole('row')).toHaveCount(8);

  // A dry run: everyone is in Insyn already and found again, schools by unit code, students by personnummer, staff by
  // signature, subjects by code, groups by name in their school and school year, memberships by student and start.
  // (Other tests on this server may have added a guardian without a personnummer, whom nothing can find again: such
  // guardians, and their guardianships, would be listed as new, and nothing else.) It answers at once and the page
  // follows it, with the run buttons disabled, to its report.
  const run = page.getByTestId('ss12000-run');
  const dryRun = run.getByRole('button', { name: 'Provkör' });
  await dryRun.click();
  await expect(dryRun).toBeDisabled();
  const report = run.getByTestId('ss12000-report');
  await expect(report.getByRole('status')).toContainText(
    /Provkörning: inget sparat\. \d+ skulle läggas till, \d+ ändras, \d+ avslutas och \d+ är oförändrade\.$/,
    { timeout: RUN_TIMEOUT },
  );
  await expect(run.getByTestId('ss12000-progress')).toHaveCount(0);
  // Insyn's own export has no deletedEntities: every run reads it whole (another source may tell what changed).
  await expect(report).toContainText(
    new RegExp(`Startad 25 nov 2026 \\d\\d:\\d\\d av ${escaped(administrator)}\\. Läste hela källan\\. Tog \\d+ s\\.`),
  );
  const counts = report.getByTestId('ss12000-counts');
  for (const kind of ['Skolor', 'Elever', 'Personal', 'Ämnen', 'Grupper', 'Gruppmedlemskap', 'Tjänstgöringar', 'Lektioner'])
    await expect(counts.getByRole('row', { name: new RegExp(`^${kind} 0 0 0 [1-9]\\d*$`) })).toBeVisible();
  for (const kind of ['Vårdnadshavare', 'Vårdnadsrelationer'])
    await expect(counts.getByRole('row', { name: new RegExp(`^${kind} \\d+ 0 0 [1-9]\\d*$`) })).toBeVisible();
  await expect(report.getByTestId('ss12000-problems')).toHaveCount(0);

  const history = page.getByTestId('ss12000-history');
  const latest = history.getByRole('row').nth(1);
  await expect(latest.getByRole('cell')).toHaveText(
    [
      /^25 nov 2026 \d\d:\d\d$/,
      administrator,
      'Provkörning: inget sparat',
      /^nya: \d+, ändrade: \d+, avslutade: \d+, oförändrade: \d+$/,
      '0',
      // innerText: the phone's second lines in the first cells are hidden at this width.
    ],
    { useInnerText: true },
  );

  // The dry run had no problem: the import is offered, and does the same, saved.
  await run.getByRole('button', { name: 'Importera' }).click();
  await expect(run.getByRole('button', { name: 'Provkör' })).toBeDisabled();
  await expect(report.getByRole('status')).toContainText(
    /Importerat\. \d+ lades till, \d+ ändrades, \d+ avslutades och \d+ var oförändrade\.$/,
    { timeout: RUN_TIMEOUT },
  );
  await expect(latest.getByRole('cell').nth(2)).toHaveText('Importerat', { useInnerText: true });
  await expect(history.getByRole('row').nth(2).getByRole('cell').nth(2)).toHaveText('Provkörning: inget sparat', { useInnerText: true });
  await expect(dryRun).toBeEnabled();

  // The nightly import, switched on, stays on when the page is opened again; then off again, so that no other test
  // on this server meets a run it did not start. (While it is on, the server may start tonight's run: the same as the
  // import above, and the history's newest row would be it. Nothing here reads the history after this.)
  const nightly = page.getByTestId('ss12000-nightly');
  const nightlySwitch = nightly.getByLabel('Importera automatiskt varje natt kl. 02.00');
  await expect(nightlySwitch).not.toBeChecked();
  await expect(nightlySwitch).toHaveAccessibleDescription(/^Insyn läser då det som ändrats i källan/);
  try {
    await nightlySwitch.check();
    await expect(nightly.getByRole('status').filter({ hasText: 'Sparat: importen körs varje natt kl. 02.00.' })).toBeVisible();
    await page.reload();
    await expect(nightlySwitch).toBeChecked();
    await nightlySwitch.uncheck();
    await expect(nightly.getByRole('status').filter({ hasText: 'Sparat: importen körs inte längre automatiskt.' })).toBeVisible();
    await page.reload();
    await expect(nightlySwitch).not.toBeChecked();
  } finally {
    await graphql(request, 'mutation { setSs12000NightlyRun(on: false) { nightlyRun } }', {}, token);
  }
});
