// The register extract (GDPR art. 15) from the outside: an administrator downloads everything Insyn holds about a
// student, a guardian or a staff member as JSON and as a PDF; every section is there and matches the tables; the log
// of who read the data is in it; each extract is audited; everybody else gets the refusal they get elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_DATABASE, errorCode, loggedIn, startTestServer, TestClient, type TestServer } from '../../test/harness.ts';
import { pdfPages } from '../../test/pdf-text.ts';
import { EXTRACT_SECTIONS, type RegisterExtract } from './register-extract.service.ts';
import { EXTRACT_TEXTS } from './register-extract.texts.ts';

const CONTENTS = 'query($id: ID!) { registerExtractContents(personId: $id) { personKind sections } }';
const STUDENT = 'query($id: ID!) { student(id: $id) { id firstName } }';
const REPORT_SICK = 'mutation($input: SickReportInput!) { reportSick(input: $input) { id } }';

type SectionsOf = { [K in RegisterExtract['kind']]: Extract<RegisterExtract, { kind: K }>['sections'] };

/** The extract's sections of one kind of person, as the JSON file holds them. */
function sectionsOf<K extends keyof SectionsOf>(extract: RegisterExtract, kind: K): SectionsOf[K] {
  expect(extract.kind).toBe(kind);
  return extract.sections as SectionsOf[K];
}

describe.each(SERVER_DATABASE)('the register extract, on %s', (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let studentId: string;
  let guardianId: string;
  let mentorStaffId: string;

  const download = (client: TestClient, personId: string, format: 'json' | 'pdf', query = '') =>
    fetch(`${server.url}/api/register-extract/${personId}/${format}${query}`, {
      headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    });
  const extractOf = async (personId: string): Promise<RegisterExtract> => {
    const response = await download(admin, personId, 'json');
    expect(response.status).toBe(200);
    return (await response.json()) as RegisterExtract;
  };
  const pdfTextOf = async (personId: string, query = ''): Promise<string[]> => {
    const response = await download(admin, personId, 'pdf', query);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    return pdfPages(new Uint8Array(await response.arrayBuffer()));
  };
  const personOf = async (username: string) =>
    server.db.prisma.userAccount.findUniqueOrThrow({
      where: { username },
      select: { id: true, studentId: true, guardianId: true, staffId: true },
    });

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await loggedIn(server, 'admin');
    studentId = (await personOf('elev')).studentId!;
    guardianId = (await personOf('vardnadshavare')).guardianId!;
    mentorStaffId = (await personOf('mentor')).staffId!;
  });
  afterAll(async () => {
    await server.stop();
  });

  it("a student: every section, each as the tables hold it, and the log of who read the student's data", async () => {
    const prisma = server.db.prisma;
    const mentor = await loggedIn(server, 'mentor');
    expect((await mentor.request(STUDENT, { id: studentId })).errors).toBeUndefined();

    const response = await download(admin, studentId, 'json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="registerutdrag-${server.today}-${studentId.slice(0, 8)}.json"`,
    );
    const text = await response.text();
    const extract = JSON.parse(text) as RegisterExtract;

    const student = await prisma.student.findUniqueOrThrow({
      where: { id: studentId },
      include: { school: { include: { organisation: true } } },
    });
    expect(extract).toMatchObject({
      format: 'insyn-register-extract',
      version: 1,
      generatedBy: { username: 'admin' },
      organisation: { id: student.organisationId, name: student.school.organisation.name },
      subject: { kind: 'STUDENT', id: studentId, firstName: student.firstName, lastName: student.lastName, protectedIdentity: false },
    });
    expect(extract.generatedAt.slice(0, 10)).toBe(server.today);
    // Complete against the sections list the administration's page shows.
    const contents = await admin.request<{ registerExtractContents: { personKind: string; sections: string[] } }>(CONTENTS, {
      id: studentId,
    });
    expect(contents.data?.registerExtractContents).toEqual({ personKind: 'STUDENT', sections: [...EXTRACT_SECTIONS.STUDENT] });
    expect(extract.sectionOrder).toEqual([...EXTRACT_SECTIONS.STUDENT]);
    expect(Object.keys(extract.sections)).toEqual([...EXTRACT_SECTIONS.STUDENT]);

    const sections = sectionsOf(extract, 'STUDENT');
    expect(sections.person).toMatchObject({
      personalIdentityNumber: student.personalIdentityNumber,
      school: { name: student.school.name },
    });
    expect(sections.accounts.map((account) => account.username)).toEqual(['elev']);
    const where = { studentId };
    const counts: Record<string, number> = {
      guardians: await prisma.guardianship.count({ where }),
      consents: await prisma.guardianConsent.count({ where }),
      memberships: await prisma.groupMembership.count({ where }),
      attendance: await prisma.attendance.count({ where }),
      attendanceChanges: await prisma.attendanceChange.count({ where }),
      sickReports: await prisma.sickReport.count({ where }),
      leaveApplications: await prisma.leaveApplication.count({ where }),
      messages: await prisma.outboundMessage.count({ where }),
      assessmentResults: await prisma.assessmentResult.count({ where }),
      subjectAssessments: await prisma.subjectAssessment.count({ where }),
      gradeWarnings: await prisma.gradeWarning.count({ where }),
      studyPlan: await prisma.studyPlanCourse.count({ where }),
      developmentPlans: await prisma.developmentPlan.count({ where }),
      supportDecisions: await prisma.supportDecision.count({ where }),
      newsReads: await prisma.newsRead.count({ where: { user: { studentId } } }),
    };
    for (const [section, count] of Object.entries(counts))
      expect((sections as Record<string, unknown>)[section], section).toHaveLength(count);
    expect(counts.attendance).toBeGreaterThan(0);
    expect(counts.guardians).toBeGreaterThan(0);

    // Every mark with its lesson: one with most to tell, as the table has it.
    const mark = await prisma.attendance.findFirstOrThrow({
      where: { studentId, status: { not: 'PRESENT' } },
      include: { lesson: { include: { subject: true } } },
      orderBy: { id: 'asc' },
    });
    const marker = await prisma.staff.findUniqueOrThrow({ where: { id: mark.markedById } });
    expect(sections.attendance.find((row) => row.lessonId === mark.lessonId)).toMatchObject({
      date: mark.lesson.date.toISOString().slice(0, 10),
      status: mark.status,
      lateMinutes: mark.lateMinutes,
      note: mark.note,
      markedBy: `${marker.firstName} ${marker.lastName}`,
      subject: { code: mark.lesson.subject.code },
    });

    // Who read the data: the mentor's read, and this extract itself.
    const mentorRead = sections.auditLog.find((entry) => entry.action === 'student.read' && entry.actor?.username === 'mentor');
    expect(mentorRead).toMatchObject({ byThePerson: false, ip: null, student: `${student.firstName} ${student.lastName}` });
    expect(sections.auditLog[0]).toMatchObject({
      action: 'registerExtract.exported',
      actor: { username: 'admin' },
      details: 'format: json',
    });

    // No secret and no document bytes.
    expect(text).not.toMatch(/passwordHash|tokenHash|codeHash|secretHash/);
    for (const decision of sections.supportDecisions) expect(Object.keys(decision.document).sort()).toEqual(['bytes', 'name']);
  });

  it("the student's PDF: Swedish by default, English on request, with the name, every heading and page numbers", async () => {
    const student = await server.db.prisma.student.findUniqueOrThrow({ where: { id: studentId } });
    const swedish = await pdfTextOf(studentId);
    const all = swedish.join('\n');
    expect(all).toContain('Registerutdrag');
    expect(all).toContain(`${student.firstName} ${student.lastName}`);
    expect(all).toContain(student.personalIdentityNumber);
    EXTRACT_SECTIONS.STUDENT.forEach((section, index) => expect(all).toContain(`${index + 1}. ${EXTRACT_TEXTS.sv.sections[section]}`));
    expect(all).toContain('Det här finns inte med');
    // The attendance of a term runs over many pages, each with its number.
    expect(swedish.length).toBeGreaterThan(3);
    expect(swedish[0]).toContain(`Sida 1 av ${swedish.length}`);
    expect(swedish.at(-1)).toContain(`Sida ${swedish.length} av ${swedish.length}`);

    const english = (await pdfTextOf(studentId, '?locale=en')).join('\n');
    expect(english).toContain('Register extract');
    EXTRACT_SECTIONS.STUDENT.forEach((section, index) => expect(english).toContain(`${index + 1}. ${EXTRACT_TEXTS.en.sections[section]}`));
    expect(english).not.toContain('Personuppgifter');

    const refused = await download(admin, studentId, 'pdf', '?locale=de');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a guardian: contact choices, children, messages to them, what they reported and did, and the log', async () => {
    const prisma = server.db.prisma;
    const parent = await loggedIn(server, 'vardnadshavare');
    const child = (await prisma.guardianship.findFirstOrThrow({ where: { guardianId }, orderBy: { studentId: 'asc' } })).studentId;
    const reported = await parent.request(REPORT_SICK, {
      input: { studentId: child, fromDate: server.today, toDate: server.today, note: 'Feber' },
    });
    expect(reported.errors).toBeUndefined();

    const extract = await extractOf(guardianId);
    expect(extract.subject).toMatchObject({ kind: 'GUARDIAN', id: guardianId });
    expect(Object.keys(extract.sections)).toEqual([...EXTRACT_SECTIONS.GUARDIAN]);
    const sections = sectionsOf(extract, 'GUARDIAN');
    const guardian = await prisma.guardian.findUniqueOrThrow({ where: { id: guardianId } });
    expect(sections.person).toMatchObject({
      mobilePhone: guardian.mobilePhone,
      email: guardian.email,
      contactChoices: { notifyBySms: guardian.notifyBySms, notifyByEmail: guardian.notifyByEmail, messageLocale: guardian.messageLocale },
    });
    expect(sections.accounts.map((account) => account.username)).toEqual(['vardnadshavare']);
    expect(sections.children).toHaveLength(await prisma.guardianship.count({ where: { guardianId } }));
    expect(sections.consents).toHaveLength(await prisma.guardianConsent.count({ where: { guardianId } }));
    expect(sections.messages).toHaveLength(await prisma.outboundMessage.count({ where: { guardianId } }));
    expect(sections.sickReports).toHaveLength(await prisma.sickReport.count({ where: { reportedByGuardianId: guardianId } }));
    expect(sections.sickReports).toContainEqual(
      expect.objectContaining({ note: 'Feber', reportedBy: `${guardian.firstName} ${guardian.lastName}` }),
    );
    expect(sections.leaveApplications).toHaveLength(await prisma.leaveApplication.count({ where: { appliedByGuardianId: guardianId } }));
    // What they did is theirs, with the address they did it from.
    const own = sections.auditLog.find((entry) => entry.action === 'sickReport.created');
    expect(own).toMatchObject({ byThePerson: true, actor: { username: 'vardnadshavare' } });
    expect(own?.ip).toBeTruthy();

    const pdf = (await pdfTextOf(guardianId)).join('\n');
    expect(pdf).toContain(`${guardian.firstName} ${guardian.lastName}`);
    EXTRACT_SECTIONS.GUARDIAN.forEach((section, index) => expect(pdf).toContain(`${index + 1}. ${EXTRACT_TEXTS.sv.sections[section]}`));
    expect(pdf).toContain('Feber');
  });

  it('a staff member: duties, account, teaching, what they recorded counted, and only the log about them', async () => {
    const prisma = server.db.prisma;
    const extract = await extractOf(mentorStaffId);
    expect(extract.subject).toMatchObject({ kind: 'STAFF', id: mentorStaffId, protectedIdentity: false });
    expect(Object.keys(extract.sections)).toEqual([...EXTRACT_SECTIONS.STAFF]);
    const sections = sectionsOf(extract, 'STAFF');
    expect(sections.accounts.map((account) => account.username)).toEqual(['mentor']);
    expect(sections.duties).toHaveLength(await prisma.staffDuty.count({ where: { staffId: mentorStaffId } }));
    expect(sections.teaching).toHaveLength(await prisma.lessonSeriesTeacher.count({ where: { staffId: mentorStaffId } }));
    expect(sections.teaching.length).toBeGreaterThan(0);
    expect(sections.recordedWork.attendanceMarks).toBe(await prisma.attendance.count({ where: { markedById: mentorStaffId } }));
    expect(sections.recordedWork.attendanceMarks).toBeGreaterThan(0);
    // The mentor read a student's details in an earlier test: that is the student's, not in the mentor's extract.
    const actions = sections.auditLog.map((entry) => entry.action);
    expect(actions).toContain('registerExtract.exported');
    expect(actions).not.toContain('student.read');
    expect(sections.auditLog.every((entry) => entry.entityId === mentorStaffId)).toBe(true);

    const pdf = (await pdfTextOf(mentorStaffId, '?locale=en')).join('\n');
    EXTRACT_SECTIONS.STAFF.forEach((section, index) => expect(pdf).toContain(`${index + 1}. ${EXTRACT_TEXTS.en.sections[section]}`));
    expect(pdf).toContain(EXTRACT_TEXTS.en.recordedWork.attendanceMarks);
  });

  it('every extract writes an audit row, which the audit log shows under the person', async () => {
    const prisma = server.db.prisma;
    const adminAccount = (await personOf('admin')).id;
    const before = await prisma.auditEvent.count({ where: { action: 'registerExtract.exported' } });
    expect((await download(admin, studentId, 'json')).status).toBe(200);
    expect((await download(admin, studentId, 'pdf', '?locale=en')).status).toBe(200);
    const rows = await prisma.auditEvent.findMany({ where: { action: 'registerExtract.exported' }, orderBy: { id: 'asc' }, skip: before });
    expect(
      rows.map(({ userId, studentId: about, entityType, entityId, details }) => ({ userId, about, entityType, entityId, details })),
    ).toEqual([
      { userId: adminAccount, about: studentId, entityType: 'Student', entityId: studentId, details: { format: 'json' } },
      { userId: adminAccount, about: studentId, entityType: 'Student', entityId: studentId, details: { format: 'pdf', locale: 'en' } },
    ]);
    const log = await admin.request<{ auditLog: { entries: { action: string; summary: string }[] } }>(
      'query($filter: AuditLogFilter) { auditLog(filter: $filter) { entries { action summary } } }',
      { filter: { personId: studentId, action: 'registerExtract.exported' } },
    );
    expect(log.data?.auditLog.entries.slice(0, 2)).toEqual([
      { action: 'registerExtract.exported', summary: 'format: pdf; locale: en' },
      { action: 'registerExtract.exported', summary: 'format: json' },
    ]);
  });

  it("only an administrator of the person's organisation: everybody else gets the usual refusal, and nothing is audited", async () => {
    const prisma = server.db.prisma;
    const before = await prisma.auditEvent.count({ where: { action: 'registerExtract.exported' } });
    const refusals: [string, TestClient, number][] = [
      ['student', await loggedIn(server, 'elev'), 403],
      ['guardian', await loggedIn(server, 'vardnadshavare'), 403],
      ['teacher', await loggedIn(server, 'larare'), 403],
      ['mentor', await loggedIn(server, 'mentor'), 403],
      ['principal', await loggedIn(server, 'rektor'), 403],
      ['administrator of another organisation', await loggedIn(server, 'grannby.admin'), 404],
      ['no session', new TestClient(server), 401],
    ];
    for (const [who, client, status] of refusals) {
      for (const personId of [studentId, guardianId, mentorStaffId]) {
        for (const format of ['json', 'pdf'] as const) {
          const response = await download(client, personId, format);
          expect(response.status, `${who} ${format}`).toBe(status);
          expect(response.headers.get('content-type'), `${who} ${format}`).toMatch(/^application\/json/);
        }
      }
    }
    expect(errorCode(await refusals[0]![1].request(CONTENTS, { id: studentId }))).toBe('FORBIDDEN');
    expect(errorCode(await refusals[4]![1].request(CONTENTS, { id: studentId }))).toBe('FORBIDDEN');
    expect(errorCode(await refusals[5]![1].request(CONTENTS, { id: studentId }))).toBe('NOT_FOUND');
    expect(errorCode(await refusals[6]![1].request(CONTENTS, { id: studentId }))).toBe('UNAUTHENTICATED');
    // An id of nobody, or no id at all, is what another organisation's person is.
    expect((await download(admin, '00000000-0000-4000-8000-000000000000', 'json')).status).toBe(404);
    expect((await download(admin, 'not-an-id', 'pdf')).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { action: 'registerExtract.exported' } })).toBe(before);
  });

  it('a student with protected identity: extracted in full for the administrator, the PDF marked, others still refused', async () => {
    const prisma = server.db.prisma;
    const other = await prisma.student.findFirstOrThrow({
      where: {
        id: { not: studentId },
        organisationId: (await prisma.student.findUniqueOrThrow({ where: { id: studentId } })).organisationId,
      },
      orderBy: { id: 'asc' },
    });
    await prisma.student.update({ where: { id: other.id }, data: { protectedIdentity: true } });
    const extract = await extractOf(other.id);
    expect(extract.subject).toMatchObject({ id: other.id, protectedIdentity: true });
    expect(sectionsOf(extract, 'STUDENT').person).toMatchObject({
      personalIdentityNumber: other.personalIdentityNumber,
      protectedIdentity: true,
    });
    const pdf = await pdfTextOf(other.id);
    expect(pdf[0]).toContain('Skyddad personuppgift');
    expect(pdf[0]).toContain(`${other.firstName} ${other.lastName}`);
    expect((await download(await loggedIn(server, 'mentor'), other.id, 'pdf')).status).toBe(403);
    const unprotected = await pdfTextOf(studentId);
    expect(unprotected[0]).not.toContain('Skyddad personuppgift');
  });
});
