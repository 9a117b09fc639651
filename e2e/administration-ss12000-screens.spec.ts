import { expect, test } from './support/test';
import { apiLogin, graphql } from './support/app';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';
import { startFakeSource } from './support/ss12000-source';

// The SS 12000 import page in each language at phone, tablet and desktop width: the empty form refused, a connection
// check that cannot reach its source, one that can (with endpoints the source does not offer), a dry run under way,
// its report with what it adds and changes, and a run stopped by the source's problems.

const LANGUAGES: Language[] = ['sv', 'en'];

for (const language of LANGUAGES) {
  test.describe(`administration SS 12000 import pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 240_000 });
    const sv = language === 'sv';

    test('the SS 12000 import page: refused, a failed and a working check, a dry run and a run with problems', async ({
      page,
      request,
    }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready, ADMINISTRATION_VIEWPORTS);
      const token = await apiLogin(request, 'admin');
      const schools = await graphql<{ administeredSchools: { items: { unitCode: string; name: string }[] } }>(
        request,
        'query { administeredSchools(page: { offset: 0, limit: 1 }) { items { unitCode name } } }',
        {},
        token,
      );
      const existing = schools.data?.administeredSchools.items[0];
      if (!existing) throw new Error(`No school to rename: ${JSON.stringify(schools.errors)}`);
      const source = await startFakeSource(existing);
      try {
        await loginIn(page, 'admin', language, '/administration/ss12000-kalla');
        const form = page.getByTestId('ss12000-source-form');
        const save = form.getByRole('button', { name: sv ? 'Spara källan' : 'Save the source' });
        const baseUrl = form.getByLabel(sv ? 'Adress (bas-URL)' : 'Address (base URL)');

        // The screens servers' data stay between runs against them: the form is emptied, whatever was stored.
        await form
          .getByLabel(sv ? 'Klient-id och hemlighet (OAuth2 client credentials)' : 'Client id and secret (OAuth2 client credentials)')
          .check();
        await baseUrl.fill('');
        await form.getByLabel(sv ? 'Tokenadress' : 'Token address').fill('');
        await form.getByLabel(sv ? 'Klient-id (client_id)' : 'Client id (client_id)').fill('');
        await save.click();
        await shot('admin-ss12000-refused', () => expect(baseUrl).toHaveAttribute('aria-invalid', 'true'));

        // A source nobody answers at: the check says where and what.
        const check = page.getByTestId('ss12000-check');
        const checkButton = check.getByRole('button', { name: sv ? 'Testa anslutningen' : 'Test the connection' });
        await form.getByLabel(sv ? 'Token från källan (bearer token)' : 'A token from the source (bearer token)').check();
        await baseUrl.fill('http://127.0.0.1:9/v2.1');
        await form.getByLabel('Token', { exact: true }).fill('screens-bearer-token');
        await save.click();
        await expect(form.getByRole('status').filter({ hasText: sv ? 'Källan är sparad.' : 'The source is saved.' })).toBeVisible();
        await checkButton.click();
        await shot('admin-ss12000-check-failed', () =>
          expect(check.getByRole('alert')).toContainText(
            sv ? 'Insyn når inte källan vid /organisations' : 'Insyn cannot reach the source at /organisations',
          ),
        );

        // The small source: it answers, without the schedule's endpoints.
        await baseUrl.fill(source.baseUrl);
        await save.click();
        await expect(form.getByRole('status').filter({ hasText: sv ? 'Källan är sparad.' : 'The source is saved.' })).toBeVisible();
        await checkButton.click();
        await shot('admin-ss12000-check-ok', () => expect(check.getByTestId('ss12000-check-endpoints').getByRole('row')).toHaveCount(7));

        const run = page.getByTestId('ss12000-run');
        const report = run.getByTestId('ss12000-report');
        // The run under way: the source holds its answers until the screenshots are taken.
        const release = source.hold();
        await run.getByRole('button', { name: sv ? 'Provkör' : 'Dry run' }).click();
        await shot('admin-ss12000-running', () =>
          expect(
            run
              .getByRole('status')
              .filter({ hasText: sv ? 'Provkör … Insyn läser hela källan' : 'Dry run … Insyn reads the whole source' }),
          ).toBeVisible(),
        );
        await expect(run.getByRole('button', { name: sv ? 'Provkör' : 'Dry run' })).toBeDisabled();
        release();
        await shot('admin-ss12000-dry-run', async () => {
          await expect(report.getByRole('status')).toContainText(sv ? 'Provkörning: inget sparat' : 'Dry run: nothing saved');
          await expect(report.getByTestId('ss12000-changes').locator('tbody tr')).toHaveCount(6);
        });

        source.withProblems();
        await run.getByRole('button', { name: sv ? 'Provkör' : 'Dry run' }).click();
        await shot('admin-ss12000-problems', () =>
          expect(report.getByRole('alert')).toContainText(
            sv ? 'Stoppades av problemen: inget sparat' : 'Stopped by the problems: nothing saved',
          ),
        );
      } finally {
        await source.close();
      }
    });
  });
}
