import { randomUUID } from 'node:crypto';
import { apiLogin, apiLoginAsGuardianOf, graphql, login } from './support/app';
import { expect, test } from './support/test';

/**
 * Quiet hours (issue 16): on the night server the school's clock says 22:00, inside the demo school's quiet hours
 * (20:00–07:00). A roll call saved then finds an unexcused absence; the guardian, who chose SMS and e-mail, is told
 * at 07:00 the next morning, not at night. The administrator's outbox shows both messages waiting until then.
 */
test('an absence found at 22:00 is messaged at 07:00 the next morning: the outbox shows the SMS waiting', async ({ page, request }) => {
  const teacher = await apiLogin(request, 'larare');
  const lessons = await graphql<{ myLessons: { id: string; status: string; rollCallState: string }[] }>(
    request,
    '{ myLessons { id status rollCallState } }',
    {},
    teacher,
  );
  const lesson = lessons.data?.myLessons.find((candidate) => candidate.status === 'SCHEDULED' && candidate.rollCallState === 'NOT_TAKEN');
  if (!lesson) throw new Error(`no lesson without a roll call today: ${JSON.stringify(lessons)}`);
  const rollCall = await graphql<{ rollCall: { students: { id: string; firstName: string; lastName: string }[] } }>(
    request,
    'query ($id: ID!) { rollCall(lessonId: $id) { students { id firstName lastName } } }',
    { id: lesson.id },
    teacher,
  );
  const [absent, ...present] = rollCall.data?.rollCall.students ?? [];
  if (!absent) throw new Error(`no students: ${JSON.stringify(rollCall)}`);

  // The guardian wants SMS and e-mail; e-mail at night was not chosen.
  const { token: guardian } = await apiLoginAsGuardianOf(request, absent.id);
  const chose = await graphql(
    request,
    'mutation ($input: ContactPreferencesInput!) { updateMyContactPreferences(input: $input) { bySms } }',
    {
      input: {
        bySms: true,
        byEmail: true,
        emailDuringQuietHours: false,
        mobilePhone: '070-174 06 99',
        email: 'natt@example.se',
        locale: 'sv',
      },
    },
    guardian,
  );
  expect(chose.errors).toBeUndefined();

  const saved = await graphql(
    request,
    'mutation ($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied } }',
    {
      input: {
        submissionId: randomUUID(),
        lessonId: lesson.id,
        entries: [{ studentId: absent.id, status: 'ABSENT' }, ...present.map(({ id }) => ({ studentId: id, status: 'PRESENT' }))],
      },
    },
    teacher,
  );
  expect(saved.errors).toBeUndefined();

  // The absence is queued once the teacher's few seconds to correct the roll call have passed (NOTIFY_GRACE_SECONDS).
  const admin = await apiLogin(request, 'admin');
  type Outbox = { outbox: { messages: { kind: string; channel: string; recipient: string; status: string }[] } };
  await expect
    .poll(
      async () => {
        const outbox = await graphql<Outbox>(request, '{ outbox(limit: 20) { messages { kind channel recipient status } } }', {}, admin);
        return (outbox.data?.outbox.messages ?? []).filter((message) => message.kind === 'ABSENCE' && message.recipient === '+46701740699');
      },
      { message: 'the SMS of the absence queued', timeout: 30_000 },
    )
    .toEqual([{ kind: 'ABSENCE', channel: 'SMS', recipient: '+46701740699', status: 'QUEUED' }]);

  await login(page, 'admin', '/utkorg');
  const messages = page.getByTestId('outbox-message').filter({ hasText: `${absent.firstName} ${absent.lastName}` });
  const sms = messages.filter({ hasText: '+46701740699' });
  await expect(sms.getByRole('heading')).toHaveText('Ogiltig frånvaro · Sms');
  await expect(sms).toContainText('I kö');
  await expect(sms.getByTestId('outbox-not-before')).toHaveText('26 nov 2026 07:00');
  const email = messages.filter({ hasText: 'natt@example.se' });
  await expect(email.getByTestId('outbox-not-before')).toHaveText('26 nov 2026 07:00');
});
