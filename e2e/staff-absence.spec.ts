import type { APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { apiLogin, apiLoginAsGuardianOf, graphql, login } from './support/app';
import { expect, test } from './support/test';

/**
 * Staff act for the home (issue 16): the mentor records a valid reason for an absence, and registers the sick report
 * a guardian phones in. Each test makes its own data on students of the mentor's class whom no other test uses (not
 * `elev`, not vardnadshavare's children), on days the other tests leave alone: a lesson of last week, and tomorrow.
 */

interface ClassDay {
  classDay: {
    lessons: { lessonId: string; subjectCode: string }[];
    students: { id: string; firstName: string; lastName: string; marks: { lessonId: string; status: string }[] }[];
  };
}

const CLASS_DAY = `query ($id: ID!, $date: String) {
  classDay(classId: $id, date: $date) { lessons { lessonId subjectCode } students { id firstName lastName marks { lessonId status } } }
}`;

/** The mentor's class and its students that the other tests do not use, last by name first. */
async function mentorsClass(request: APIRequestContext, date: string) {
  const mentor = await apiLogin(request, 'mentor');
  const groups = await graphql<{ myGroups: { id: string; name: string; kind: string }[] }>(
    request,
    '{ myGroups { id name kind } }',
    {},
    mentor,
  );
  const own = groups.data?.myGroups.find((group) => group.kind === 'CLASS');
  if (!own) throw new Error(`the mentor has no class: ${JSON.stringify(groups)}`);
  const taken = new Set<string>();
  for (const user of ['elev', 'vardnadshavare', 'myndig'] as const) {
    const me = await graphql<{ me: { students: { id: string }[] } }>(
      request,
      '{ me { students { id } } }',
      {},
      await apiLogin(request, user),
    );
    for (const student of me.data?.me.students ?? []) taken.add(student.id);
  }
  const day = await graphql<ClassDay>(request, CLASS_DAY, { id: own.id, date }, mentor);
  if (!day.data) throw new Error(`no class day: ${JSON.stringify(day.errors)}`);
  const students = day.data.classDay.students.filter((student) => !taken.has(student.id)).reverse();
  return { mentor, classId: own.id, className: own.name, lessons: day.data.classDay.lessons, students };
}

test('a mentor marks an absence valid with a reason, from the class day; the home sees it valid', async ({ page, request }) => {
  const date = '2026-11-16';
  const { mentor, classId, lessons, students } = await mentorsClass(request, date);
  // A lesson last week where the student was present: the mentor corrects it to absent (the student was not there).
  const student = students[0];
  const present = new Set(student?.marks.filter((mark) => mark.status === 'PRESENT').map((mark) => mark.lessonId));
  const lesson = lessons.filter((candidate) => present.has(candidate.lessonId)).at(-1);
  if (!lesson || !student) throw new Error('no lesson with a present student of the class');
  const saved = await graphql(
    request,
    'mutation ($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied } }',
    {
      input: {
        submissionId: randomUUID(),
        lessonId: lesson.lessonId,
        entries: [{ studentId: student.id, status: 'ABSENT' }],
        reason: 'Eleven var inte på lektionen.',
      },
    },
    mentor,
  );
  expect(saved.errors).toBeUndefined();

  // The class day shows the unexcused mark, which leads to the lesson among the student's absence.
  await login(page, 'mentor', `/klass/${classId}/idag?dag=${date}`);
  const studentRow = page.getByTestId('class-day-student').filter({ hasText: `${student.lastName}, ${student.firstName}` });
  const mark = studentRow.locator(`[data-testid="class-day-mark"][href$="lektion=${lesson.lessonId}"]`);
  await expect(mark).toHaveText('! Frånvarande (ogiltig)');
  await mark.click();
  const row = page.locator(`[data-lesson="${lesson.lessonId}"]`);
  await expect(row).toHaveAttribute('aria-current', 'true');
  const valid = row.locator('td[data-column="valid"]');
  await expect(valid.locator('.absence-lessons__unexcused')).toHaveText('Ogiltig');

  // "Other" needs a note: refused at the note, which gets the focus.
  await row.getByRole('button', { name: /^Gör giltig: frånvaron / }).click();
  const form = page.getByRole('form', { name: /^Giltigt skäl för frånvaron / });
  await expect(form.getByRole('radio', { name: 'Skolaktivitet' })).toBeFocused();
  await form.getByRole('radio', { name: 'Annat skäl' }).check();
  await form.getByRole('button', { name: 'Spara skälet' }).click();
  const note = form.getByRole('textbox', { name: 'Anteckning' });
  await expect(note).toHaveAccessibleDescription(/Skriv vad skälet är\./);
  await expect(note).toBeFocused();

  await note.fill('Hos skolsköterskan, enligt henne');
  await form.getByRole('button', { name: 'Spara skälet' }).click();
  const saidSaved = page.getByTestId('absence-reason-saved');
  await expect(saidSaved).toHaveText(/^Frånvaron .+ är giltig: annat giltigt skäl\.$/);
  await expect(saidSaved).toBeFocused();
  await expect(form).toHaveCount(0);
  await expect(valid).toContainText('Giltig: annat giltigt skäl');
  await expect(valid.getByTestId('absence-reason-note')).toHaveText('Anteckning: Hos skolsköterskan, enligt henne');
  await expect(row.getByRole('button', { name: /^Ändra skälet: frånvaron / })).toBeVisible();

  // The class day counts it as valid now; the home reads it valid, with the note.
  await page.goto(`/klass/${classId}/idag?dag=${date}`);
  await expect(mark).toHaveText('Frånvarande');
  const { token: home } = await apiLoginAsGuardianOf(request, student.id);
  const read = await graphql<{
    studentAbsenceLessons: { lessons: { lessonId: string; valid: boolean; validReason: string; validReasonNote: string }[] };
  }>(
    request,
    `
      query ($id: ID!, $from: String!) {
        studentAbsenceLessons(studentId: $id, range: { period: CUSTOM, from: $from, to: $from }) {
          lessons {
            lessonId
            valid
            validReason
            validReasonNote
          }
        }
      }
    `,
    { id: student.id, from: date },
    home,
  );
  expect(read.data?.studentAbsenceLessons.lessons.find((candidate) => candidate.lessonId === lesson.lessonId)).toEqual({
    lessonId: lesson.lessonId,
    valid: true,
    validReason: 'OTHER',
    validReasonNote: 'Hos skolsköterskan, enligt henne',
  });
});

test("a mentor registers the sick report a guardian phones in; the class day shows it, the home's list too", async ({ page, request }) => {
  const date = '2026-11-26';
  const { mentor, students, classId } = await mentorsClass(request, date);
  const me = await graphql<{ me: { displayName: string } }>(request, '{ me { displayName } }', {}, mentor);
  const mentorName = me.data?.me.displayName ?? '';
  // Another student than the test above takes.
  const student = students[1];
  if (!student) throw new Error('too few students in the class');
  const name = `${student.firstName} ${student.lastName}`;

  await login(page, 'mentor', `/klass/${classId}/idag?dag=${date}`);
  // A guardian calls: the mentor chooses the student on the class's day.
  const forHome = page.getByTestId('report-for-home');
  await forHome.getByLabel('Sjukanmälan från hemmet').selectOption({ label: `${student.lastName}, ${student.firstName}` });
  await forHome.getByRole('button', { name: 'Sjukanmäl' }).click();
  await expect(page).toHaveURL(new RegExp(`/elev/${student.id}/sjukanmalan\\?datum=${date}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Sjukanmälan från hemmet' })).toBeVisible();
  const form = page.getByTestId('sick-report-form');
  await expect(form.getByLabel('Första dagen')).toHaveValue(date);
  await form.getByLabel('Anteckning (valfritt)').fill('Pappa ringde 07.40.');
  await form.getByRole('button', { name: `Sjukanmäl ${student.firstName}` }).click();
  const confirmation = page.getByTestId('sick-report-confirmation');
  await expect(confirmation).toContainText('Sjukanmälan är registrerad');
  await expect(confirmation).toContainText(`${name} är sjukanmäld 26 november 2026.`);
  await expect(confirmation).toBeFocused();
  const report = page.getByTestId('sick-report').filter({ hasText: 'Pappa ringde 07.40.' });
  await expect(report).toContainText(`Anmäld av hemmet till skolan, registrerad av ${mentorName}`);

  // The class day of that day shows the student reported sick.
  await page.goto(`/klass/${classId}/idag?dag=${date}`);
  const studentRow = page.getByTestId('class-day-student').filter({ hasText: `${student.lastName}, ${student.firstName}` });
  await expect(studentRow.getByTestId('class-day-report')).toHaveText('Sjukanmäld');

  // The home sees the report in its own list, taken by the school.
  const { token: home } = await apiLoginAsGuardianOf(request, student.id);
  const listed = await graphql<{ sickReports: { fromDate: string; channel: string; reportedBy: string; note: string | null }[] }>(
    request,
    'query ($id: ID!) { sickReports(studentId: $id) { fromDate channel reportedBy note } }',
    { id: student.id },
    home,
  );
  expect(listed.data?.sickReports).toContainEqual({
    fromDate: date,
    channel: 'STAFF',
    reportedBy: mentorName,
    note: 'Pappa ringde 07.40.',
  });
});
