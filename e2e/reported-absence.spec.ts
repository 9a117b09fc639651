import { apiLogin, apiLoginAsGuardianOf, graphql, login } from './support/app';
import { expect, test } from './support/test';

/** An instant as Swedish school clock time, HH:MM. */
const clock = (instant: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));

/**
 * The roll call knows what the home already said (issue 16): a student whose guardian reported them sick for
 * today is shown as reported and starts as absent before the roll call is saved, so a teacher who saves the
 * defaults records valid absence, not presence. The teacher's last lesson of the day is used: the other roll-call
 * tests take the first ones.
 */
test('a sick report from the home shows in the roll call before it is saved, and the defaults record valid absence', async ({
  page,
  request,
}) => {
  const teacher = await apiLogin(request, 'larare');
  const lessons = await graphql<{ myLessons: { id: string; status: string; rollCallState: string; startsAt: string; endsAt: string }[] }>(
    request,
    '{ myLessons { id status rollCallState startsAt endsAt } }',
    {},
    teacher,
  );
  const lesson = lessons.data?.myLessons.filter((l) => l.status === 'SCHEDULED' && l.rollCallState === 'NOT_TAKEN').at(-1);
  if (!lesson) throw new Error(`no lesson left to take: ${JSON.stringify(lessons)}`);
  type RollCall = { rollCall: { students: { id: string; status: string | null; validReason: string | null }[] } };
  const ROLL_CALL = 'query ($id: ID!) { rollCall(lessonId: $id) { students { id status validReason } } }';
  const before = await graphql<RollCall>(request, ROLL_CALL, { id: lesson.id }, teacher);
  const studentId = before.data?.rollCall.students[0]?.id;
  if (!studentId) throw new Error(`no students: ${JSON.stringify(before)}`);

  // The student's guardian reports the child sick for that lesson's time only, so that no other test's lesson is
  // covered.
  const { token: guardian } = await apiLoginAsGuardianOf(request, studentId);
  const reported = await graphql(
    request,
    'mutation ($input: SickReportInput!) { reportSick(input: $input) { id } }',
    { input: { studentId, fromDate: '2026-11-25', toDate: '2026-11-25', fromTime: clock(lesson.startsAt), toTime: clock(lesson.endsAt) } },
    guardian,
  );
  expect(reported.errors).toBeUndefined();

  // The teacher opens the roll call: the student is reported sick and starts as absent.
  await login(page, 'larare', `/lektion/${lesson.id}/narvaro`);
  const row = page.locator(`[data-testid="roll-row"][data-student-id="${studentId}"]`);
  await expect(row.getByTestId('reported-absence')).toHaveText(
    `Sjukanmäld · 25 november 2026, ${clock(lesson.startsAt)}–${clock(lesson.endsAt)}`,
  );
  await expect(row.getByTestId('roll-status')).toHaveText('Frånvarande');
  await expect(page.getByTestId('reported-help')).toContainText('sjukanmäld eller ledig enligt hemmet');

  // Saving the defaults records the absence as valid.
  await page.getByTestId('save-roll-call').click();
  await expect(page.getByText('Närvaron är sparad.')).toBeVisible();
  const after = await graphql<RollCall>(request, ROLL_CALL, { id: lesson.id }, teacher);
  expect(after.data?.rollCall.students.find((s) => s.id === studentId)).toEqual({ id: studentId, status: 'ABSENT', validReason: 'SICK' });
});
