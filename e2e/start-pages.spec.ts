import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { apiLogin, graphql, login } from './support/app';
import { childAtRektorsSchool } from './support/support-decisions';
import { expect, test } from './support/test';

/**
 * The start pages of those who lead a school (issue 16): a principal's and an administrator's /idag shows what they act
 * on first, each with a count and a link to the page where it is done, instead of "no lessons today". The counts are
 * compared with the API's answers of the same moment: other tests take roll calls and apply for leave meanwhile.
 */

const TODAY = '2026-11-25';

interface Counts {
  [testId: string]: number;
}

/** The cards show what the API says now; a page loaded before another test changed something is loaded again. */
async function expectCounts(page: Page, read: () => Promise<Counts>): Promise<Counts> {
  let shown: Counts = {};
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.reload();
    const expected = await read();
    for (const [testId, count] of Object.entries(expected)) {
      await expect(page.getByTestId(testId).getByTestId('start-count'), testId).toHaveText(String(count), { timeout: 5_000 });
    }
    shown = expected;
  }).toPass({ intervals: [500], timeout: 40_000 });
  return shown;
}

const data = <T>(result: { data?: T | null; errors?: unknown }): T => {
  expect(result.errors).toBeUndefined();
  return result.data as T;
};

/**
 * A lesson of the school moved (by the administrator) to early this morning: it has ended, and nobody has taken its roll
 * call. Year 3's mathematics, which no demo login teaches or attends.
 */
async function lessonMovedToMorning(request: APIRequestContext, admin: string, schoolId: string) {
  const groups = data(
    await graphql<{ administeredGroups: { groups: { id: string; name: string }[] } }>(
      request,
      'query ($schoolId: ID!) { administeredGroups(filter: { schoolId: $schoolId, search: "Ma3B" }) { groups { id name } } }',
      { schoolId },
      admin,
    ),
  ).administeredGroups.groups;
  const group = groups.find((candidate) => candidate.name === 'Ma3B');
  if (!group) throw new Error('no group Ma3B at the principal’s school');
  const lessons = data(
    await graphql<{
      scheduleGroupLessons: { id: string; date: string; room: string | null; subjectName: string; teachers: { id: string }[] }[];
    }>(
      request,
      'query ($groupId: ID!) { scheduleGroupLessons(groupId: $groupId, week: { isoYear: 2026, isoWeek: 48 }) { id date room subjectName teachers { id } } }',
      { groupId: group.id },
      admin,
    ),
  ).scheduleGroupLessons;
  const lesson = lessons.find((candidate) => candidate.date === TODAY);
  if (!lesson) throw new Error('Ma3B has no lesson today');
  data(
    await graphql(
      request,
      'mutation ($id: ID!, $input: LessonChangeInput!) { changeLesson(id: $id, input: $input) { id } }',
      {
        id: lesson.id,
        input: {
          date: TODAY,
          startTime: '07:00',
          room: lesson.room,
          teacherIds: lesson.teachers.map((t) => t.id),
          note: 'Flyttad till morgonen',
        },
      },
      admin,
    ),
  );
  return { subjectName: lesson.subjectName, groupName: group.name };
}

const card = (page: Page, testId: string): Locator => page.getByTestId(testId);

test("a principal's start page counts today's lessons without roll call, overdue grade warnings and leave to decide, each leading to the school's list", async ({
  page,
  request,
}) => {
  const principal = await apiLogin(request, 'rektor');
  const [school] = data(
    await graphql<{ absenceSchools: { id: string; name: string }[] }>(request, '{ absenceSchools { id name } }', {}, principal),
  ).absenceSchools;
  if (!school) throw new Error('rektor has no school');
  const moved = await lessonMovedToMorning(request, await apiLogin(request, 'admin'), school.id);

  // Three school days of leave: longer than the mentor decides, so it waits for the principal. Run again on the same
  // server, it is there already (OVERLAPPING_LEAVE).
  const child = await childAtRektorsSchool(request);
  const reason = 'Skidresa med farföräldrarna.';
  const applied = await graphql<{ applyForLeave: { decider: string } }>(
    request,
    'mutation ($input: LeaveApplicationInput!) { applyForLeave(input: $input) { decider } }',
    { input: { studentId: child.id, fromDate: '2026-12-07', toDate: '2026-12-09', reason } },
    await apiLogin(request, 'vardnadshavare'),
  );
  if (applied.data) expect(applied.data.applyForLeave.decider).toBe('PRINCIPAL');
  else expect(JSON.stringify(applied.errors)).toContain('OVERLAPPING_LEAVE');

  const read = async (): Promise<Counts> => {
    const answer = data(
      await graphql<{
        lessonsWithoutRollCall: { lessons: { lessonId: string }[] };
        schoolGradeWarningRoutine: { overdue: number };
        leaveApplicationsToDecide: { decider: string; canDecide: boolean }[];
      }>(
        request,
        `
          query ($schoolId: ID!, $range: StatisticsRangeInput!) {
            lessonsWithoutRollCall(scope: { schoolId: $schoolId }, range: $range) {
              lessons {
                lessonId
              }
            }
            schoolGradeWarningRoutine(schoolId: $schoolId) {
              overdue
            }
            leaveApplicationsToDecide {
              decider
              canDecide
            }
          }
        `,
        { schoolId: school.id, range: { period: 'CUSTOM', from: TODAY, to: TODAY } },
        principal,
      ),
    );
    return {
      'start-missing-roll-calls': answer.lessonsWithoutRollCall.lessons.length,
      'start-overdue-warnings': answer.schoolGradeWarningRoutine.overdue,
      'start-leave': answer.leaveApplicationsToDecide.filter((leave) => leave.canDecide && leave.decider === 'PRINCIPAL').length,
    };
  };

  await login(page, 'rektor');
  await expect(page).toHaveURL(/\/idag$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Idag');
  await expect(page.getByTestId('no-lessons')).toHaveCount(0);
  const shown = await expectCounts(page, read);
  expect(shown['start-missing-roll-calls']).toBeGreaterThanOrEqual(1);
  expect(shown['start-leave']).toBeGreaterThanOrEqual(1);
  await expect(card(page, 'start-missing-roll-calls').getByRole('heading', { level: 2 })).toHaveText('Närvaro som inte är tagen idag');

  // The school's lessons of today that ended without a roll call, not the principal's own (who teaches none).
  await card(page, 'start-missing-roll-calls').getByRole('link', { name: 'Visa skolans lektioner utan närvaro' }).click();
  await expect(page).toHaveURL(`/narvaro/saknas?skola=${school.id}&period=CUSTOM&fran=${TODAY}&till=${TODAY}`);
  await expect(page.getByTestId('missing-roll-calls-scope')).toHaveText(school.name);
  await expect(page.getByTestId('missing-roll-call').filter({ hasText: `${moved.subjectName}, ${moved.groupName}` })).toBeVisible();
  await page.goBack();

  // The school's grade warnings, with as many overdue as the card said.
  await card(page, 'start-overdue-warnings').getByRole('link', { name: 'Visa skolans betygsvarningar' }).click();
  await expect(page).toHaveURL(`/skola/betygsvarningar?skola=${school.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('grade-warning-total-overdue')).toHaveText(String(shown['start-overdue-warnings']));
  await page.goBack();

  // The leave decisions, where the application waits.
  await card(page, 'start-leave').getByRole('link', { name: 'Besluta om ledighet' }).click();
  await expect(page).toHaveURL(/\/ledighet\/beslut$/);
  await expect(
    page
      .getByTestId('leave-to-decide')
      .filter({ hasText: `${child.firstName} ${child.lastName}` })
      .filter({ hasText: reason }),
  ).toBeVisible();
});

test("an administrator's start page counts messages that gave up and imports that were stopped, each leading to its page", async ({
  page,
  request,
}) => {
  const admin = await apiLogin(request, 'admin');
  // A student list sent to be written, with a personnummer that does not check out at a school nobody has: refused,
  // nothing written, and kept in the history.
  const list = ['Personnummer;Förnamn;Efternamn;Skolenhetskod;Klass;Program;Skyddad identitet', '20140309-2389;Fel;Siffra;99999999;;;'];
  const refused = await request.post('/api/administration/imports/students', {
    headers: { authorization: `Bearer ${admin}` },
    multipart: {
      fromDate: TODAY,
      apply: 'true',
      list: { name: 'elever.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${list.join('\r\n')}\r\n`, 'utf8') },
    },
  });
  expect(refused.status()).toBe(400);

  const read = async () =>
    data(
      await graphql<{
        outbox: { failedCount: number };
        stoppedImports: { source: string; outcome: string; problems: number; byName: string | null }[];
      }>(request, '{ outbox(status: FAILED, limit: 1) { failedCount } stoppedImports { source outcome problems byName } }', {}, admin),
    );
  const answer = await read();
  const studentList = answer.stoppedImports.find((stopped) => stopped.source === 'STUDENT_LIST');
  expect(studentList).toMatchObject({ outcome: 'REFUSED' });
  expect(studentList?.problems).toBeGreaterThanOrEqual(1);

  await login(page, 'admin');
  await expect(page).toHaveURL(/\/idag$/);
  await expect(page.getByTestId('no-lessons')).toHaveCount(0);
  const shown = await expectCounts(page, async () => {
    const now = await read();
    return { 'start-failed-messages': now.outbox.failedCount, 'start-stopped-imports': now.stoppedImports.length };
  });
  expect(shown['start-stopped-imports']).toBeGreaterThanOrEqual(1);
  const stopped = card(page, 'start-stopped-imports').getByTestId('stopped-import').filter({ hasText: 'Elevlistan' });
  await expect(stopped).toContainText(`Stoppades av ${studentList?.problems} problem. Ingenting skrevs.`);
  await expect(stopped).toContainText(`av ${studentList?.byName}`);

  // The student list's page, whose history shows the refused import first.
  await stopped.getByRole('link', { name: 'Elevlistan' }).click();
  await expect(page).toHaveURL(/\/administration\/elevlista$/);
  await expect(page.getByTestId('import-history').locator('tbody tr').first()).toContainText(
    `Stoppad av ${studentList?.problems} fel, inget sparat`,
  );
  await page.goBack();

  // The outbox, showing the failed messages only (the demo's providers never fail: none).
  await card(page, 'start-failed-messages').getByRole('link', { name: 'Visa misslyckade meddelanden i utkorgen' }).click();
  await expect(page).toHaveURL(/\/utkorg\?status=FAILED$/);
  await expect(page.getByRole('combobox')).toHaveValue('FAILED');
  if (shown['start-failed-messages'] === 0) await expect(page.getByTestId('outbox-empty')).toBeVisible();
  else await expect(page.getByTestId('failed-count')).toContainText(String(shown['start-failed-messages']));
});

test('a teacher keeps the day’s lessons as the start page', async ({ page }) => {
  await login(page, 'larare');
  await expect(page).toHaveURL(/\/idag$/);
  await expect(page.getByTestId('today-lessons').or(page.getByTestId('no-lessons'))).toBeVisible();
  await expect(page.getByTestId('leader-start')).toHaveCount(0);
});
