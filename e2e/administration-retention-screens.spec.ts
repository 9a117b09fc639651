import { expect, test } from './support/test';
import { apiLogin, graphql } from './support/app';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

// The retention page in each language at phone, tablet and desktop width: the default policy with nothing due and a
// run in the history, the dry run of a policy that lets last year's but one assessments go, the confirmation before
// deleting (cancelled: nothing is deleted on the screens servers), and a period refused at its field.

const LANGUAGES: Language[] = ['sv', 'en'];
const DRY_RUN = '{ retentionDryRun { total } }';
const RUNS = '{ retentionRuns { id outcome } }';
const RUN = 'mutation { runRetention(confirm: true) { id } }';
const UPDATE = `mutation ($input: RetentionPolicyInput!) { updateRetentionPolicy(input: $input) { periods { kind keep } } }`;

for (const language of LANGUAGES) {
  test.describe(`administration retention pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    const sv = language === 'sv';

    test('the retention page: the policy, what is due, the confirmation, a refused period, the runs', async ({
      page,
      request,
    }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready, ADMINISTRATION_VIEWPORTS);
      const token = await apiLogin(request, 'admin');
      // By the defaults nothing of the demo school is due: a run deletes nothing and gives the history its row.
      const due = await graphql<{ retentionDryRun: { total: number } }>(request, DRY_RUN, {}, token);
      expect(due.data?.retentionDryRun.total).toBe(0);
      const started = await graphql<{ runRetention: { id: string } }>(request, RUN, {}, token);
      const runId = started.data?.runRetention.id;
      if (!runId) throw new Error(`No run: ${JSON.stringify(started.errors)}`);
      await expect
        .poll(async () => {
          const runs = await graphql<{ retentionRuns: { id: string; outcome: string }[] }>(request, RUNS, {}, token);
          return runs.data?.retentionRuns.find((run) => run.id === runId)?.outcome;
        })
        .toBe('COMPLETED');
      try {
        await loginIn(page, 'admin', language, '/administration/gallring');
        const report = page.getByTestId('retention-dry-run');
        await shot('admin-retention', async () => {
          await expect(report).toContainText(sv ? 'Inget att gallra i dag.' : 'Nothing to delete today.');
          await expect(report).toContainText(
            sv ? 'gallras inte av Insyn, inte heller när de har slutat.' : 'are not deleted by Insyn, not even once they have left.',
          );
          await expect(page.getByTestId('retention-history').getByRole('row').nth(1)).toContainText(sv ? 'Klar' : 'Finished');
        });

        // Assessments kept one school year after their own: 2024/25's are due.
        const form = page.getByTestId('retention-policy-form');
        const save = form.getByRole('button', { name: sv ? 'Spara gallringsreglerna' : 'Save the retention periods' });
        const assessments = form.getByTestId('retention-period-ASSESSMENTS');
        await assessments.getByLabel(sv ? 'Sparas tills vidare (gallras inte av Insyn)' : 'Kept (never deleted by Insyn)').uncheck();
        await assessments.getByLabel(sv ? 'Läsår efter läsårets slut' : 'School years after the school year ends').fill('1');
        await save.click();
        await expect(form.getByRole('status')).toContainText(sv ? 'Gallringsreglerna är sparade.' : 'The retention periods are saved.');
        const table = page.getByTestId('retention-dry-run-table');
        await shot('admin-retention-due', () => expect(table.getByRole('row', { name: /2024\/25/ })).toBeVisible());

        // The confirmation, then cancelled.
        await page.getByRole('button', { name: sv ? 'Gallra nu…' : 'Delete now…' }).click();
        const dialog = page.getByRole('alertdialog');
        await shot('admin-retention-confirm', () => expect(dialog.getByRole('button', { name: sv ? 'Avbryt' : 'Cancel' })).toBeFocused());
        await dialog.getByRole('button', { name: sv ? 'Avbryt' : 'Cancel' }).click();
        await expect(dialog).toBeHidden();

        // A period out of range, refused at its field.
        const attendance = form
          .getByTestId('retention-period-ATTENDANCE')
          .getByLabel(sv ? 'Läsår efter läsårets slut' : 'School years after the school year ends');
        await attendance.fill('0');
        await save.click();
        await shot('admin-retention-refused', () => expect(attendance).toHaveAttribute('aria-invalid', 'true'));
      } finally {
        // Kept again, as by default: the screens of other pages show these grades.
        await graphql(request, UPDATE, { input: { periods: [{ kind: 'ASSESSMENTS', keep: null }] } }, token);
      }
    });
  });
}
