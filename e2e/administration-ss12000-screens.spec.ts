import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { apiLogin, graphql } from './support/app';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';
import { startFakeSource } from './support/ss12000-source';

// The SS 12000 import page in each language at phone, tablet and desktop width: the empty form refused, a connection
// check that cannot reach its source, one that can (with an endpoint the source does not offer), a dry run under way
// (the source holds its persons, so the run waits at step 3, reading them), its report with subjects, groups,
// memberships (some ended) and duties, runs stopped by the people's problems and by the groups', duties' and
// subjects', and the nightly import switched on.

const LANGUAGES: Language[] = ['sv', 'en'];
/** A run answers at once and goes on in the server: the page follows it to its report, on a loaded machine slowly. */
const RUN = { timeout: 60_000 };
const SCHOOL_DAY = '2026-11-25';

const setNightly = (request: Parameters<typeof apiLogin>[0], token: string, on: boolean) =>
  graphql(request, 'mutation ($on: Boolean!) { setSs12000NightlyRun(on: $on) { nightlyRun } }', { on }, token);

/**
 * The run section's progress bar at a step, with its words: `words` of the number of steps, which is the API's (seven
 * when the import read seven endpoints' worth, persons twice; more as it reads more), said alike by bar and words.
 */
async function expectStep(page: Page, step: number, words: (steps: string) => string) {
  const bar = page.getByTestId('ss12000-progress').getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', String(step));
  const steps = (await bar.getAttribute('aria-valuemax')) ?? '';
  expect(steps).toMatch(/^[1-9]\d*$/);
  await expect(bar).toHaveAttribute('aria-valuetext', words(steps));
  await expect(page.getByTestId('ss12000-progress').getByRole('status')).toHaveText(words(steps));
}

for (const language of LANGUAGES) {
  test.describe(`administration SS 12000 import pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    const sv = language === 'sv';

    test('the SS 12000 import page: refused, checks, a dry run under way and its report, runs with problems, the nightly switch', async ({
      page,
      request,
    }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready, ADMINISTRATION_VIEWPORTS);
      const token = await apiLogin(request, 'admin');
      const schools = await graphql<{ administeredSchools: { items: { id: string; unitCode: string; name: string }[] } }>(
        request,
        'query { administeredSchools(page: { offset: 0, limit: 1 }) { items { id unitCode name } } }',
        {},
        token,
      );
      const existing = schools.data?.administeredSchools.items[0];
      if (!existing) throw new Error(`No school to rename: ${JSON.stringify(schools.errors)}`);
      // The school's smallest group this school year: the source has it with a new student only, so the run ends the
      // memberships of the demo's students in it (a few rows, not a class's thirty).
      const groups = await graphql<{
        administeredGroups: {
          groups: {
            name: string;
            kind: 'CLASS' | 'TEACHING';
            currentStudents: number;
            schoolYear: { startDate: string; endDate: string };
          }[];
        };
      }>(
        request,
        `
          query ($schoolId: ID!) {
            administeredGroups(filter: { schoolId: $schoolId }, page: { offset: 0, limit: 200 }) {
              groups {
                name
                kind
                currentStudents
                schoolYear {
                  startDate
                  endDate
                }
              }
            }
          }
        `,
        { schoolId: existing.id },
        token,
      );
      const group = (groups.data?.administeredGroups.groups ?? [])
        .filter((one) => one.currentStudents > 0 && one.schoolYear.startDate <= SCHOOL_DAY && SCHOOL_DAY <= one.schoolYear.endDate)
        .sort((a, b) => a.currentStudents - b.currentStudents || a.name.localeCompare(b.name))[0];
      if (!group) throw new Error(`No group of ${existing.name} this school year: ${JSON.stringify(groups.errors)}`);
      const source = await startFakeSource(existing, group);
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

        // The small source: it answers, without the calendar events.
        await baseUrl.fill(source.baseUrl);
        await save.click();
        await expect(form.getByRole('status').filter({ hasText: sv ? 'Källan är sparad.' : 'The source is saved.' })).toBeVisible();
        await checkButton.click();
        const endpoints = check.getByTestId('ss12000-check-endpoints');
        await shot('admin-ss12000-check-ok', async () => {
          await expect(endpoints.getByRole('row')).toHaveCount(8);
          await expect(
            endpoints.getByRole('row', {
              name: sv ? 'Ämnen (kursplaner) /syllabuses 2 poster' : 'Subjects (syllabuses) /syllabuses 2 records',
            }),
          ).toBeVisible();
        });

        // The run under way: the source holds its persons, so the run waits at step 3 with the schools counted.
        const run = page.getByTestId('ss12000-run');
        const dryRun = run.getByRole('button', { name: sv ? 'Provkör' : 'Dry run' });
        const report = run.getByTestId('ss12000-report');
        const progress = run.getByTestId('ss12000-progress');
        const history = page.getByTestId('ss12000-history');
        const step3 = (steps: string) => (sv ? `Steg 3 av ${steps}: läser personer` : `Step 3 of ${steps}: reading persons`);
        const releasePersons = source.hold('persons');
        try {
          await dryRun.click();
          // (At this width each number has its column; the phone's rows read otherwise.)
          await expectStep(page, 3, step3);
          await expect(progress.getByRole('heading')).toHaveText(sv ? 'Provkörningen pågår' : 'The dry run is under way');
          await expect(
            progress.getByTestId('ss12000-progress-counts').getByRole('row', { name: sv ? /^Skolor 1 1 0 0$/ : /^Schools 1 1 0 0$/ }),
          ).toBeVisible();
          await expect(dryRun).toBeDisabled();
          await expect(history.getByRole('row').nth(1)).toContainText(sv ? 'Pågår' : 'Running');
          await shot('admin-ss12000-running', () => expectStep(page, 3, step3));
          // Opened again while it runs, the page follows it from the history.
          await page.reload();
          await expectStep(page, 3, step3);
          await expect(progress.getByRole('heading')).toHaveText(sv ? 'En körning pågår' : 'A run is under way');
          await expect(dryRun).toBeDisabled();
        } finally {
          releasePersons();
        }

        // Its report: the new school and people, the subjects, the groups with their members and the teacher's duties,
        // and the demo's students leaving the group the source has with its new student only.
        await expect(report.getByRole('status')).toContainText(sv ? 'Provkörning: inget sparat' : 'Dry run: nothing saved', RUN);
        await expect(progress).toHaveCount(0);
        await expect(dryRun).toBeEnabled();
        const counts = report.getByTestId('ss12000-counts');
        await expect(counts.getByRole('columnheader', { name: sv ? 'Avslutade' : 'Ended' })).toBeVisible();
        for (const [kind, numbers] of [
          [sv ? 'Skolor' : 'Schools', '1 1 0 0'],
          [sv ? 'Elever' : 'Students', '2 0 0 0'],
          [sv ? 'Personal' : 'Staff', '1 0 0 0'],
          [sv ? 'Ämnen' : 'Subjects', '1 0 0 1'],
          [sv ? 'Grupper' : 'Groups', '2 0 0 1'],
          [sv ? 'Gruppmedlemskap' : 'Group memberships', `3 0 ${group.currentStudents} 0`],
          [sv ? 'Tjänstgöringar' : 'Duties', '2 0 0 0'],
        ])
          await expect(counts.getByRole('row', { name: `${kind} ${numbers}`, exact: true })).toBeVisible();
        const changes = report.getByTestId('ss12000-changes').locator('tbody tr');
        await expect(changes.filter({ hasText: sv ? 'Avslutad' : 'Ended' })).toHaveCount(group.currentStudents);
        await shot('admin-ss12000-dry-run', () =>
          expect(report.getByRole('status')).toContainText(sv ? 'Provkörning: inget sparat' : 'Dry run: nothing saved'),
        );

        // The people's problems stop the run before the groups are read.
        source.withProblems('people');
        await dryRun.click();
        await shot('admin-ss12000-problems', () =>
          expect(report.getByRole('alert')).toContainText(
            sv ? 'Stoppades av problemen: inget sparat' : 'Stopped by the problems: nothing saved',
            RUN,
          ),
        );

        // The groups', duties' and subjects' problems, each said for its kind, and a member's problem with its person.
        source.withProblems('groups');
        await dryRun.click();
        const problems = report.getByTestId('ss12000-problems');
        await shot('admin-ss12000-group-problems', async () => {
          await expect(report.getByRole('alert')).toContainText(sv ? 'Källan har 9 problem.' : 'The source has 9 problems.', RUN);
          await expect(problems.locator('tbody tr')).toHaveCount(9);
          await expect(
            problems.getByRole('row').filter({ hasText: sv ? 'medlemskap, person person-okand' : 'membership, person person-okand' }),
          ).toContainText(sv ? 'Eleven finns inte bland källans elever.' : "The student is not among the source's students.");
        });

        // The nightly import switched on (it runs from 02:00; the API tests run one), kept after a reload, then off.
        const nightly = page.getByTestId('ss12000-nightly');
        const nightlySwitch = nightly.getByLabel(
          sv ? 'Importera automatiskt varje natt kl. 02.00' : 'Import automatically every night at 02:00',
        );
        try {
          await nightlySwitch.check();
          await expect(
            nightly
              .getByRole('status')
              .filter({ hasText: sv ? 'Sparat: importen körs varje natt kl. 02.00.' : 'Saved: the import runs every night at 02:00.' }),
          ).toBeVisible();
          await page.reload();
          await shot('admin-ss12000-nightly', () => expect(nightlySwitch).toBeChecked());
          await nightlySwitch.uncheck();
          await expect(
            nightly.getByRole('status').filter({
              hasText: sv ? 'Sparat: importen körs inte längre automatiskt.' : 'Saved: the import no longer runs automatically.',
            }),
          ).toBeVisible();
        } finally {
          // Off again whatever happened above, so that no later run of the screens finds it on.
          await setNightly(request, token, false);
        }
      } finally {
        await source.close();
      }
    });
  });
}
