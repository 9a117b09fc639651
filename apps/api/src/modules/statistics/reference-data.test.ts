// The subjects, terms and schools' thresholds each API process holds for the statistics: read once and shared, read
// again after a change made through the process at once, after a change made elsewhere within REFERENCE_DATA_MAX_AGE_MS, and for a subject
// not held as soon as a figure names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, SERVER_DATABASE, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { firstChild, type Child } from '../../test/fixtures.ts';
import { REFERENCE_DATA_MAX_AGE_MS, ReferenceData } from './reference-data.ts';

const TODAY = '2026-11-25';
const STUDENT_TERM = `query($s: ID!) { studentAbsenceStatistics(studentId: $s, range: { period: TERM }) { from to bySubject { subjectCode } } }`;
const UPDATE_TERM = 'mutation($id: ID!, $input: TermInput!) { updateTerm(id: $id, input: $input) { id } }';
const UPDATE_SUBJECT = 'mutation($id: ID!, $input: SubjectInput!) { updateSubject(id: $id, input: $input) { id } }';
const STUDENT_THRESHOLDS = `query($s: ID!) { studentAbsenceStatistics(studentId: $s, range: { period: TERM }) { thresholds { warningPercent alarmPercent } } }`;
const UPDATE_SETTINGS = 'mutation($id: ID!, $input: SchoolSettingsInput!) { updateSchoolSettings(id: $id, input: $input) { id } }';

interface TermStatistics {
  studentAbsenceStatistics: { from: string; to: string; bySubject: { subjectCode: string }[] };
}

describe.each(SERVER_DATABASE)('subjects, terms and thresholds held by the process, on %s', (kind) => {
  let server: TestServer;
  let guardian: TestClient;
  let admin: TestClient;
  let child: Child;
  let organisationId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [guardian, admin] = await Promise.all([loggedIn(server, 'vardnadshavare'), loggedIn(server, 'admin')]);
    child = await firstChild(server, guardian, 'vardnadshavare');
    ({ organisationId } = await server.db.prisma.school.findUniqueOrThrow({ where: { id: child.schoolId } }));
  });
  afterAll(() => server?.stop());

  const autumnTerm = () =>
    server.db.prisma.term.findFirstOrThrow({
      where: { schoolYear: { organisationId }, startDate: { lte: new Date(TODAY) }, endDate: { gte: new Date(TODAY) } },
    });

  it('keeps what it read for its time and shares one read, then reads again', async () => {
    let now = 0;
    const held = new ReferenceData(server.db.prisma, () => now);
    const term = await autumnTerm();
    const [first, second] = await Promise.all([held.currentTerm(organisationId, TODAY), held.currentTerm(organisationId, TODAY)]);
    expect(first?.term).toEqual({ from: term.startDate.toISOString().slice(0, 10), to: term.endDate.toISOString().slice(0, 10) });
    expect(second).toEqual(first);

    // Changed by another process (here: straight in the database): not seen until the time is up.
    await server.db.prisma.term.update({ where: { id: term.id }, data: { endDate: new Date('2026-12-23') } });
    try {
      now = REFERENCE_DATA_MAX_AGE_MS - 1;
      expect((await held.currentTerm(organisationId, TODAY))?.term.to).toBe(first?.term.to);
      now = REFERENCE_DATA_MAX_AGE_MS;
      expect((await held.currentTerm(organisationId, TODAY))?.term.to).toBe('2026-12-23');
    } finally {
      await server.db.prisma.term.update({ where: { id: term.id }, data: { endDate: term.endDate } });
    }
    // Before the organisation's first term there is none.
    expect(await held.currentTerm(organisationId, '2000-01-01')).toBeNull();
  });

  it("keeps a school's thresholds for their time, then reads them again", async () => {
    let now = 0;
    const held = new ReferenceData(server.db.prisma, () => now);
    const school = await server.db.prisma.school.findUniqueOrThrow({ where: { id: child.schoolId } });
    const [first, second] = await Promise.all([held.school(school.id), held.school(school.id)]);
    expect(first).toEqual({
      organisationId,
      warningPercent: school.absenceWarningPercent,
      alarmPercent: school.absenceAlarmPercent,
      csnThresholdMinutes: school.csnThresholdMinutes,
    });
    expect(second).toEqual(first);
    await server.db.prisma.school.update({ where: { id: school.id }, data: { absenceAlarmPercent: school.absenceAlarmPercent + 5 } });
    try {
      now = REFERENCE_DATA_MAX_AGE_MS - 1;
      expect((await held.school(school.id)).alarmPercent).toBe(school.absenceAlarmPercent);
      now = REFERENCE_DATA_MAX_AGE_MS;
      expect((await held.school(school.id)).alarmPercent).toBe(school.absenceAlarmPercent + 5);
    } finally {
      await server.db.prisma.school.update({ where: { id: school.id }, data: { absenceAlarmPercent: school.absenceAlarmPercent } });
    }
    // A school that does not exist is not held as one.
    await expect(held.school('00000000-0000-4000-8000-000000000000')).rejects.toThrow();
  });

  it("shows the administrator's change of a school's thresholds in the next statistics at once", async () => {
    const read = async () => {
      const result = await guardian.request<{ studentAbsenceStatistics: { thresholds: { warningPercent: number; alarmPercent: number } } }>(
        STUDENT_THRESHOLDS,
        { s: child.id },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.studentAbsenceStatistics.thresholds;
    };
    const school = await server.db.prisma.school.findUniqueOrThrow({ where: { id: child.schoolId } });
    const settings = (warningPercent: number, alarmPercent: number) => ({
      mentorLeaveDayLimit: school.mentorLeaveDayLimit,
      sickReportDaysBack: school.sickReportDaysBack,
      absenceWarningPercent: warningPercent,
      absenceAlarmPercent: alarmPercent,
      csnThresholdMinutes: school.csnThresholdMinutes,
      gradeWarningContactDays: school.gradeWarningContactDays,
    });
    expect(await read()).toEqual({ warningPercent: school.absenceWarningPercent, alarmPercent: school.absenceAlarmPercent });
    const change = async (input: ReturnType<typeof settings>) => {
      const result = await admin.request(UPDATE_SETTINGS, { id: school.id, input });
      expect(result.errors).toBeUndefined();
    };
    try {
      await change(settings(school.absenceWarningPercent + 1, school.absenceAlarmPercent + 2));
      expect(await read()).toEqual({ warningPercent: school.absenceWarningPercent + 1, alarmPercent: school.absenceAlarmPercent + 2 });
    } finally {
      await change(settings(school.absenceWarningPercent, school.absenceAlarmPercent));
    }
  });

  it('reads the subjects again at once when a figure names one it does not hold', async () => {
    const held = new ReferenceData(server.db.prisma, () => 0);
    const before = await held.subjects();
    const created = await server.db.prisma.subject.create({
      data: { organisationId, code: 'REFD', nameSv: 'Referens', nameEn: 'Reference' },
    });
    try {
      expect((await held.subjects()).has(created.id)).toBe(false);
      const after = await held.subjects([null, created.id]);
      expect(after.get(created.id)).toEqual({ code: 'REFD', nameSv: 'Referens', nameEn: 'Reference' });
      expect(after.size).toBe(before.size + 1);
    } finally {
      await server.db.prisma.subject.delete({ where: { id: created.id } });
    }
  });

  it("shows the administrator's change of a term or a subject in the next statistics at once", async () => {
    const read = async () => {
      const result = await guardian.request<TermStatistics>(STUDENT_TERM, { s: child.id });
      expect(result.errors).toBeUndefined();
      return result.data!.studentAbsenceStatistics;
    };
    const term = await autumnTerm();
    const before = await read();
    expect(before.to).toBe(term.endDate.toISOString().slice(0, 10));
    const subjectCode = before.bySubject[0]!.subjectCode;
    const subject = await server.db.prisma.subject.findFirstOrThrow({ where: { organisationId, code: subjectCode } });

    const change = async (query: string, variables: Record<string, unknown>) => {
      const result = await admin.request(query, variables);
      expect(result.errors).toBeUndefined();
    };
    const termInput = (endDate: string) => ({
      kind: term.kind,
      startDate: term.startDate.toISOString().slice(0, 10),
      endDate,
    });
    const subjectInput = (code: string) => ({ code, nameSv: subject.nameSv, nameEn: subject.nameEn });
    try {
      await change(UPDATE_TERM, { id: term.id, input: termInput('2026-12-23') });
      await change(UPDATE_SUBJECT, { id: subject.id, input: subjectInput(`${subjectCode}X`) });
      const after = await read();
      expect(after.to).toBe('2026-12-23');
      expect(after.bySubject.map((row) => row.subjectCode)).toContain(`${subjectCode}X`);
      expect(after.bySubject.map((row) => row.subjectCode)).not.toContain(subjectCode);
    } finally {
      await change(UPDATE_TERM, { id: term.id, input: termInput(term.endDate.toISOString().slice(0, 10)) });
      await change(UPDATE_SUBJECT, { id: subject.id, input: subjectInput(subjectCode) });
    }
  });
});
