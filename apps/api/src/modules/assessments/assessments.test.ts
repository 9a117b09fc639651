// Assessments through the API (rule 6): a teacher enters a whole group's results in one mutation and
// publishes; until then the home sees nothing, afterwards the guardians who opted in are told through the
// real delivery path (a local SMTP server and 46elks stand-in) and read it. Bad rows save nothing; a refusal
// of access is NOT_FOUND.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, errorCode, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { deliveryEnv, type Fake46elks, type FakeSmtpServer, startFake46elks, startFakeSmtpServer } from '../../test/fake-providers.ts';
import { optIn, type Child } from '../../test/fixtures.ts';

const TASK_FIELDS = 'id groupId title description date createdBy createdByMe publishedAt results { studentId grade comment updatedAt }';
const GROUP = `query($id: ID!, $termId: ID) { groupAssessments(groupId: $id, termId: $termId) { groupId groupName subjectNameSv scale grades canRecord
  schoolYear { startDate endDate } members { id firstName lastName } tasks { ${TASK_FIELDS} } term { id kind } terms { id kind }
  subjectAssessments { id studentId grade comment authoredByMe publishedAt } } }`;
const OF_STUDENT = `query($id: ID!) { studentAssessments(studentId: $id) { subjectId subjectNameSv
  subjectAssessments { id grade comment publishedAt updatedAt term { kind } }
  results { taskId title grade comment publishedAt updatedAt teacher } } }`;
const CREATE = `mutation($groupId: ID!, $input: AssessmentTaskInput!) { createAssessmentTask(groupId: $groupId, input: $input) { ${TASK_FIELDS} } }`;
const SAVE = `mutation($id: ID!, $rows: [AssessmentRowInput!]!) { saveAssessmentResults(taskId: $id, rows: $rows) { ${TASK_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishAssessmentTask(taskId: $id) { ${TASK_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: AssessmentTaskInput!) { updateAssessmentTask(taskId: $id, input: $input) { ${TASK_FIELDS} } }`;
const SAVE_SUBJECT = `mutation($groupId: ID!, $termId: ID!, $rows: [AssessmentRowInput!]!) {
  saveSubjectAssessments(groupId: $groupId, termId: $termId, rows: $rows) { id studentId grade publishedAt } }`;
const PUBLISH_SUBJECT = `mutation($groupId: ID!, $termId: ID!) { publishSubjectAssessments(groupId: $groupId, termId: $termId) }`;

const EMAIL = 'hem@example.se';

interface Task {
  id: string;
  title: string;
  createdByMe: boolean;
  publishedAt: string | null;
  results: { studentId: string; grade: string | null; comment: string | null; updatedAt: string }[];
}
interface GroupAssessments {
  scale: string | null;
  schoolYear: { startDate: string; endDate: string };
  grades: string[];
  canRecord: boolean;
  members: { id: string }[];
  tasks: Task[];
  term: { id: string; kind: string };
  terms: { id: string; kind: string }[];
  subjectAssessments: { id: string; studentId: string; grade: string; publishedAt: string | null }[];
}
interface SubjectAssessments {
  subjectId: string;
  subjectNameSv: string;
  subjectAssessments: { id: string; grade: string; publishedAt: string; updatedAt: string }[];
  results: { taskId: string; title: string; grade: string | null; comment: string | null; publishedAt: string; updatedAt: string }[];
}
type Row = { studentId: string; grade?: string | null; comment?: string | null };

describe('assessments on pglite', () => {
  let server: TestServer;
  let smtp: FakeSmtpServer;
  let elks: Fake46elks;
  let guardian: TestClient;
  let student: TestClient;
  let child: Child;
  /** a teaching group of the child's, in a graded year, with no subject assessments yet, and one of its teachers */
  let group: { id: string; subjectSv: string; teacherStaffId: string };
  let teacher: TestClient;
  let principal: TestClient;
  let task: Task;
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    elks = await startFake46elks();
    server = await startTestServer('pglite', {
      env: deliveryEnv(smtp, elks),
    });
    guardian = await loggedIn(server, 'vardnadshavare');
    await optIn(guardian, '070-123 45 67', EMAIL);
    // The guardian's child in a graded year (6–9); the other may be younger.
    const guardianId = (await prisma().userAccount.findUniqueOrThrow({ where: { username: 'vardnadshavare' } })).guardianId ?? '';
    const membership = await prisma().groupMembership.findFirstOrThrow({
      where: {
        student: { guardianships: { some: { guardianId } } },
        validTo: null,
        group: {
          kind: 'TEACHING',
          subjectId: { not: null },
          yearLevel: { gte: 6 },
          subjectAssessments: { none: {} },
          duties: { some: { kind: 'TEACHER', staff: { account: { isNot: null } } } },
        },
      },
      select: {
        student: {
          select: {
            id: true,
            firstName: true,
            schoolId: true,
            memberships: { where: { group: { kind: 'CLASS' } }, select: { groupId: true } },
          },
        },
        group: {
          select: {
            id: true,
            subject: { select: { nameSv: true } },
            duties: {
              where: { kind: 'TEACHER' },
              select: { staffId: true, staff: { select: { account: { select: { username: true } } } } },
            },
          },
        },
      },
      orderBy: { group: { name: 'asc' } },
    });
    const { student: found } = membership;
    child = {
      id: found.id,
      firstName: found.firstName,
      schoolId: found.schoolId,
      classId: found.memberships[0]?.groupId ?? '',
      guardianId,
    };
    const duty = membership.group.duties.find((candidate) => candidate.staff.account);
    group = { id: membership.group.id, subjectSv: membership.group.subject?.nameSv ?? '', teacherStaffId: duty?.staffId ?? '' };
    teacher = await loggedIn(server, duty?.staff.account?.username ?? '');
    const own = await prisma().userAccount.findFirstOrThrow({ where: { studentId: child.id }, select: { username: true } });
    student = await loggedIn(server, own.username);
    principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await elks?.stop();
  });

  const readGroup = async (client: TestClient, id = group.id) => {
    const result = await client.request<{ groupAssessments: GroupAssessments }>(GROUP, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.groupAssessments;
  };
  const readStudent = async (client: TestClient, id = child.id) => {
    const result = await client.request<{ studentAssessments: SubjectAssessments[] }>(OF_STUDENT, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.studentAssessments;
  };
  const create = (client: TestClient, groupId: string, title = 'Prov: algebra') =>
    client.request<{ createAssessmentTask: Task }>(CREATE, { groupId, input: { title, description: 'Kapitel 3–4', date: '2026-11-20' } });
  const save = (client: TestClient, id: string, rows: Row[]) => client.request<{ saveAssessmentResults: Task }>(SAVE, { id, rows });
  const resultsOf = (seen: SubjectAssessments[], taskId: string) =>
    seen.flatMap((subject) => subject.results).filter((r) => r.taskId === taskId);

  /** A teacher at the child's school with no duty on the child's groups, and one of their own groups. */
  async function otherTeacher(): Promise<{ client: TestClient; staffId: string }> {
    const account = await prisma().userAccount.findFirstOrThrow({
      where: {
        staff: {
          duties: {
            some: { kind: 'TEACHER', group: { schoolId: child.schoolId } },
            none: { OR: [{ kind: { in: ['PRINCIPAL', 'ADMINISTRATOR'] } }, { group: { memberships: { some: { studentId: child.id } } } }] },
          },
        },
      },
      select: { username: true, staffId: true },
      orderBy: { username: 'asc' },
    });
    return { client: await loggedIn(server, account.username), staffId: account.staffId ?? '' };
  }

  it('a teacher enters the whole group’s results in one mutation; until published the home sees nothing', async () => {
    const before = await readGroup(teacher);
    expect(before).toMatchObject({ scale: 'GRADES', grades: ['A', 'B', 'C', 'D', 'E', 'F'], canRecord: true });
    expect(before.members.map((m) => m.id)).toContain(child.id);

    const created = await create(teacher, group.id);
    expect(created.errors).toBeUndefined();
    task = created.data!.createAssessmentTask;
    expect(task).toMatchObject({ createdByMe: true, publishedAt: null, results: [] });

    const rows: Row[] = before.members.map((member, index) => ({
      studentId: member.id,
      grade: member.id === child.id ? 'B' : (before.grades[index % 6] as string),
      comment: member.id === child.id ? 'Säker på ekvationer, öva på textuppgifter.' : null,
    }));
    const saved = await save(teacher, task.id, rows);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveAssessmentResults.results).toHaveLength(before.members.length);
    expect(await prisma().auditEvent.count({ where: { action: 'assessment.resultsSaved', entityId: task.id } })).toBe(
      before.members.length,
    );

    expect(resultsOf(await readStudent(guardian), task.id)).toEqual([]);
    expect(resultsOf(await readStudent(student), task.id)).toEqual([]);
    expect((await readGroup(principal)).tasks.map((t) => t.id)).not.toContain(task.id);
    expect(await prisma().outboundMessage.count({ where: { idempotencyKey: { startsWith: `assessmentTask:${task.id}:` } } })).toBe(0);
  });

  it('publishing tells the guardian by e-mail and SMS through the providers; the guardian and the student read it', async () => {
    const published = await teacher.request<{ publishAssessmentTask: Task }>(PUBLISH, { id: task.id });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishAssessmentTask.publishedAt).not.toBeNull();

    const mails = await eventually(async () => {
      const found = smtp.received.filter((mail) => mail.to.includes(EMAIL) && mail.subject?.includes('Nytt omdöme'));
      return found.length > 0 ? found : undefined;
    }, 'the assessment e-mail');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(child.firstName);
    expect(mails[0]?.text).toContain('Prov: algebra');
    expect(mails[0]?.text).toContain('https://insyn.kommun.se/omdomen');
    // The grade itself stays in the app.
    expect(mails[0]?.text).not.toContain('textuppgifter');
    await eventually(
      async () => (elks.received.some((sms) => sms.to === '+46701234567' && sms.message.includes('har publicerat')) ? true : undefined),
      'the assessment SMS',
    );
    const rows = await eventually(async () => {
      const found = await prisma().outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: `assessmentTask:${task.id}:${child.id}:${child.guardianId}:` } },
      });
      return found.length === 2 && found.every((row) => row.status === 'SENT') ? found : undefined;
    }, 'both messages marked sent');
    expect(rows.map((row) => [row.kind, row.channel]).sort()).toEqual([
      ['ASSESSMENT_PUBLISHED', 'EMAIL'],
      ['ASSESSMENT_PUBLISHED', 'SMS'],
    ]);

    for (const reader of [guardian, student]) {
      const seen = resultsOf(await readStudent(reader), task.id);
      expect(seen).toEqual([
        expect.objectContaining({ title: 'Prov: algebra', grade: 'B', comment: 'Säker på ekvationer, öva på textuppgifter.' }),
      ]);
    }
    expect((await readGroup(principal)).tasks.map((t) => t.id)).toContain(task.id);
    const mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
    expect(resultsOf(await readStudent(mentor), task.id)).toHaveLength(1);
    expect(errorCode(await teacher.request(PUBLISH, { id: task.id }))).toBe('BAD_USER_INPUT');

    // The author corrects a published result: the home sees when, and is not told twice.
    const toldAbout = () =>
      prisma().outboundMessage.count({ where: { idempotencyKey: { startsWith: `assessmentTask:${task.id}:${child.id}:` } } });
    const toldBefore = await toldAbout();
    const corrected = await save(teacher, task.id, [{ studentId: child.id, grade: 'A', comment: 'Rättad: full poäng på uppgift 7.' }]);
    expect(corrected.errors).toBeUndefined();
    const [seen] = resultsOf(await readStudent(guardian), task.id);
    expect(seen).toMatchObject({ grade: 'A' });
    expect(Date.parse(seen!.updatedAt)).toBeGreaterThan(Date.parse(seen!.publishedAt));
    expect(await toldAbout()).toBe(toldBefore);
  });

  it('subject assessments are drafts until their author publishes them; then the home reads them and is told', async () => {
    const { term, members } = await readGroup(teacher);
    const rows: Row[] = members.slice(0, 3).map((member) => ({ studentId: member.id, grade: 'C', comment: null }));
    if (!rows.some((row) => row.studentId === child.id))
      rows.push({ studentId: child.id, grade: 'C', comment: 'Stabil insats hela terminen.' });
    const saved = await teacher.request(SAVE_SUBJECT, { groupId: group.id, termId: term.id, rows });
    expect(saved.errors).toBeUndefined();
    const subjectOf = (seen: SubjectAssessments[]) => seen.find((subject) => subject.subjectNameSv === group.subjectSv);
    expect(subjectOf(await readStudent(guardian))?.subjectAssessments ?? []).toEqual([]);

    const published = await teacher.request<{ publishSubjectAssessments: number }>(PUBLISH_SUBJECT, { groupId: group.id, termId: term.id });
    expect(published.data?.publishSubjectAssessments).toBe(rows.length);
    expect(subjectOf(await readStudent(guardian))?.subjectAssessments).toEqual([expect.objectContaining({ grade: 'C' })]);
    const assessment = await prisma().subjectAssessment.findFirstOrThrow({ where: { studentId: child.id, groupId: group.id } });
    await eventually(async () => {
      const sent = await prisma().outboundMessage.count({
        where: { idempotencyKey: { startsWith: `subjectAssessment:${assessment.id}:${child.guardianId}:` }, status: 'SENT' },
      });
      return sent === 2 ? sent : undefined;
    }, 'the subject assessment messages');
    expect(smtp.received.some((mail) => mail.to.includes(EMAIL) && mail.text?.includes('ämnesomdömet för höstterminen'))).toBe(true);
    // Nothing of the viewer's is left to publish.
    const again = await teacher.request(PUBLISH_SUBJECT, { groupId: group.id, termId: term.id });
    expect(again.errors?.[0]?.extensions?.problems).toEqual(['NOTHING_TO_PUBLISH']);

    // The spring term of the same school year, chosen: its own (empty) assessments; another year's term is not found.
    const { terms } = await readGroup(teacher);
    expect(terms.map((option) => option.kind)).toEqual(['AUTUMN', 'SPRING']);
    const spring = terms[1]?.id;
    const inSpring = await teacher.request<{ groupAssessments: GroupAssessments }>(GROUP, { id: group.id, termId: spring });
    expect(inSpring.data?.groupAssessments.term).toEqual({ id: spring, kind: 'SPRING' });
    expect(inSpring.data?.groupAssessments.subjectAssessments).toEqual([]);
    const { schoolYearId } = await prisma().group.findUniqueOrThrow({ where: { id: group.id } });
    const otherYear = await prisma().term.findFirstOrThrow({ where: { schoolYearId: { not: schoolYearId } } });
    expect(errorCode(await teacher.request(GROUP, { id: group.id, termId: otherYear.id }))).toBe('NOT_FOUND');
  });

  it('a grade outside the scale, a student outside the group or a missing grade refuses every row, and nothing is saved', async () => {
    const young = await prisma().group.findFirstOrThrow({
      where: {
        kind: 'TEACHING',
        yearLevel: { gte: 1, lte: 5 },
        subjectId: { not: null },
        school: { form: 'COMPULSORY' },
        memberships: { some: { validTo: null } },
        duties: { some: { kind: 'TEACHER', staff: { account: { isNot: null } } } },
      },
      select: {
        id: true,
        yearLevel: true,
        memberships: { where: { validTo: null }, select: { studentId: true }, take: 2 },
        duties: { where: { kind: 'TEACHER' }, select: { staff: { select: { account: { select: { username: true } } } } }, take: 1 },
      },
      orderBy: { name: 'asc' },
    });
    const youngTeacher = await loggedIn(server, young.duties[0]?.staff.account?.username ?? '');
    const youngView = await readGroup(youngTeacher, young.id);
    expect(youngView).toMatchObject({ scale: 'KNOWLEDGE_LEVELS', grades: ['INSUFFICIENT', 'ACCEPTABLE', 'MORE_THAN_ACCEPTABLE'] });
    const youngTask = (await create(youngTeacher, young.id, 'Läsförståelse')).data!.createAssessmentTask;
    const draft = (await create(teacher, group.id, 'Laboration')).data!.createAssessmentTask;
    const { term, members } = await readGroup(teacher);
    const outsider = young.memberships[0]!.studentId;

    const counts = () =>
      Promise.all([
        prisma().assessmentResult.count(),
        prisma().subjectAssessment.count(),
        prisma().assessmentTask.count(),
        prisma().outboundMessage.count(),
        prisma().auditEvent.count({
          where: { action: { in: ['assessment.resultsSaved', 'assessment.subjectAssessmentSaved', 'assessment.taskSaved'] } },
        }),
      ]);
    const before = await counts();

    const letterInYear3 = await save(youngTeacher, youngTask.id, [
      { studentId: young.memberships[0]!.studentId, grade: 'ACCEPTABLE' },
      { studentId: young.memberships[1]!.studentId, grade: 'A' },
    ]);
    expect(errorCode(letterInYear3)).toBe('BAD_USER_INPUT');
    expect(letterInYear3.errors?.[0]?.extensions).toMatchObject({
      problems: ['GRADE_OUTSIDE_SCALE'],
      rows: [{ studentId: young.memberships[1]!.studentId, problems: ['GRADE_OUTSIDE_SCALE'] }],
    });
    const levelInYear8 = await save(teacher, draft.id, [
      { studentId: members.find((member) => member.id !== child.id)!.id, grade: 'C' },
      { studentId: child.id, grade: 'ACCEPTABLE' },
    ]);
    expect(levelInYear8.errors?.[0]?.extensions).toMatchObject({ problems: ['GRADE_OUTSIDE_SCALE'], rows: [{ studentId: child.id }] });
    const notInGroup = await save(teacher, draft.id, [{ studentId: outsider, grade: 'C' }]);
    expect(notInGroup.errors?.[0]?.extensions).toMatchObject({
      problems: ['NOT_IN_GROUP'],
      rows: [{ studentId: outsider, problems: ['NOT_IN_GROUP'] }],
    });
    const blank = await save(teacher, draft.id, [{ studentId: child.id, grade: ' ', comment: '' }]);
    expect(blank.errors?.[0]?.extensions?.problems).toEqual(['GRADE_OR_COMMENT_REQUIRED']);
    const noGrade = await teacher.request(SAVE_SUBJECT, {
      groupId: group.id,
      termId: term.id,
      rows: [{ studentId: child.id, comment: 'Bra' }],
    });
    expect(noGrade.errors?.[0]?.extensions?.problems).toEqual(['GRADE_REQUIRED']);
    const outsiderAssessed = await teacher.request(SAVE_SUBJECT, {
      groupId: group.id,
      termId: term.id,
      rows: [{ studentId: outsider, grade: 'E' }],
    });
    expect(outsiderAssessed.errors?.[0]?.extensions?.problems).toEqual(['NOT_IN_GROUP']);
    const untitled = await teacher.request(CREATE, { groupId: group.id, input: { title: '  ', date: '2026-11-30' } });
    expect(untitled.errors?.[0]?.extensions?.problems).toEqual(['TITLE_REQUIRED']);
    // An impossible date is refused before the task's own rules, by the check every input passes (graphql/guard.ts).
    const undated = await teacher.request(CREATE, { groupId: group.id, input: { title: 'Prov', date: '2026-13-01' } });
    expect(undated.errors?.[0]?.extensions?.problems).toEqual([{ field: 'date', code: 'INVALID_DATE' }]);
    // A date outside the group's school year (a year typed wrong), new or changed: its first and last day are in it.
    const { schoolYear } = await readGroup(teacher);
    const { startDate, endDate } = await prisma().schoolYear.findFirstOrThrow({ where: { groups: { some: { id: group.id } } } });
    expect(schoolYear).toEqual({ startDate: startDate.toISOString().slice(0, 10), endDate: endDate.toISOString().slice(0, 10) });
    const dayBefore = new Date(startDate.getTime() - 86_400_000).toISOString().slice(0, 10);
    const dayAfter = new Date(endDate.getTime() + 86_400_000).toISOString().slice(0, 10);
    for (const date of [dayBefore, dayAfter, '2025-11-30']) {
      const outside = await teacher.request(CREATE, { groupId: group.id, input: { title: 'Prov', date } });
      expect(outside.errors?.[0]?.extensions?.problems).toEqual(['DATE_OUTSIDE_SCHOOL_YEAR']);
    }
    const moved = await teacher.request(UPDATE, { id: draft.id, input: { title: 'Laboration', date: dayAfter } });
    expect(moved.errors?.[0]?.extensions?.problems).toEqual(['DATE_OUTSIDE_SCHOOL_YEAR']);

    expect(await counts()).toEqual(before);
  });

  it('a teacher of other groups, a guardian and the group’s own teacher outside their role get NOT_FOUND; publishing a colleague’s draft is refused', async () => {
    const { client: stranger, staffId: strangerStaffId } = await otherTeacher();
    expect(errorCode(await stranger.request(GROUP, { id: group.id }))).toBe('NOT_FOUND');
    expect(errorCode(await create(stranger, group.id))).toBe('NOT_FOUND');
    expect(errorCode(await save(stranger, task.id, [{ studentId: child.id, grade: 'F' }]))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.request(PUBLISH, { id: task.id }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.request(OF_STUDENT, { id: child.id }))).toBe('NOT_FOUND');
    // The guardian is refused the staff fields themselves (graphql/guard.ts).
    expect(errorCode(await guardian.request(GROUP, { id: group.id }))).toBe('FORBIDDEN');
    expect(errorCode(await create(guardian, group.id))).toBe('FORBIDDEN');
    // A teacher reads assessments through the group, not the student's whole record.
    expect(errorCode(await teacher.request(OF_STUDENT, { id: child.id }))).toBe('NOT_FOUND');

    // A colleague who co-teaches the group may enter results on the draft, but only its creator publishes it.
    const draft = (await create(teacher, group.id, 'Muntlig redovisning')).data!.createAssessmentTask;
    const coTeaching = await prisma().staffDuty.create({
      data: { staffId: strangerStaffId, kind: 'TEACHER', groupId: group.id, validFrom: new Date('2026-08-01T00:00:00Z') },
    });
    try {
      const entered = await save(stranger, draft.id, [{ studentId: child.id, grade: 'D' }]);
      expect(entered.errors).toBeUndefined();
      const refused = await stranger.request(PUBLISH, { id: draft.id });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.problems).toEqual(['NOT_YOUR_DRAFT']);
      // Nor may the colleague change the creator's published task, while the draft's details are theirs to fix too.
      const correction = await save(stranger, task.id, [{ studentId: child.id, grade: 'F' }]);
      expect(correction.errors?.[0]?.extensions?.problems).toEqual(['NOT_AUTHOR']);
      const input = { title: 'Muntlig redovisning: energi', date: '2026-11-23' };
      expect((await stranger.request(UPDATE, { id: task.id, input })).errors?.[0]?.extensions?.problems).toEqual(['NOT_AUTHOR']);
      const renamed = await stranger.request<{ updateAssessmentTask: Task }>(UPDATE, { id: draft.id, input });
      expect(renamed.data?.updateAssessmentTask).toMatchObject({ title: 'Muntlig redovisning: energi', createdByMe: false });
      expect((await prisma().assessmentTask.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).toBeNull();
    } finally {
      await prisma().staffDuty.delete({ where: { id: coTeaching.id } });
    }
  });

  it("an adult student's guardian without consent sees nothing and is not told", async () => {
    const adult = await prisma().student.findFirstOrThrow({
      where: { account: { username: 'myndig' } },
      select: {
        id: true,
        guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
        memberships: {
          where: { validTo: null, group: { kind: 'TEACHING', subjectId: { not: null }, duties: { some: { kind: 'TEACHER' } } } },
          select: {
            groupId: true,
            group: {
              select: {
                duties: { where: { kind: 'TEACHER' }, select: { staff: { select: { account: { select: { username: true } } } } } },
              },
            },
          },
          take: 1,
        },
      },
    });
    const without = adult.guardianships.find((g) => !adult.consents.some((c) => c.guardianId === g.guardianId));
    const membership = adult.memberships[0];
    const adultsTeacher = await loggedIn(server, membership?.group.duties[0]?.staff.account?.username ?? '');
    const adultTask = (await create(adultsTeacher, membership!.groupId, 'Essä')).data!.createAssessmentTask;
    expect((await save(adultsTeacher, adultTask.id, [{ studentId: adult.id, grade: 'B' }])).errors).toBeUndefined();
    expect((await adultsTeacher.request(PUBLISH, { id: adultTask.id })).errors).toBeUndefined();

    const outsider = await loggedIn(server, without!.guardian.account!.username);
    expect(errorCode(await outsider.request(OF_STUDENT, { id: adult.id }))).toBe('NOT_FOUND');
    expect(resultsOf(await readStudent(await loggedIn(server, 'myndig'), adult.id), adultTask.id)).toHaveLength(1);
    const told = await prisma().outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `assessmentTask:${adultTask.id}:` } } });
    expect(told.some((message) => message.guardianId === without!.guardianId)).toBe(false);
  });
});
