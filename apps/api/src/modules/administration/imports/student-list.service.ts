// Importing the school's student list (elevlista): a dry run that says, row by row, who would be added or changed
// and why not; then the same plan applied in one transaction, every change audited as if made by hand. A list with
// any problem writes nothing. Students are matched by personnummer within the organisation.
import { randomUUID } from 'node:crypto';
import {
  dayBefore,
  isIsoDate,
  readStudentListRow,
  STUDENT_LIST_COLUMNS,
  type ListProblem,
  type StudentImportChange,
  type StudentListColumn,
  type StudentListRow,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { dateValue } from '../../access/validity.ts';
import type { RecordedChange } from '../administration.changes.ts';
import { databaseCode } from '../administration.problems.ts';
import { membershipSnapshot } from '../groups/groups.service.ts';
import { studentSnapshot } from '../people/students.service.ts';
import { readListFile, refusedList, runListImport, type ListReport, type ListReportRow, type WriteCursor } from './list-file.ts';
import { ensureAccountsOf } from '../../accounts/accounts.service.ts';

interface PlannedStudent extends ListReportRow<StudentImportChange> {
  row: StudentListRow;
  schoolId: string;
  existingId: string | null;
  /** the class to be in from `fromDate`, and the class membership that ends the day before (a move) */
  enrolIn: string | null;
  endMembership: { id: string; groupId: string; validFrom: Date; validTo: Date | null } | null;
}

const readList = (bytes: Uint8Array) =>
  readListFile(bytes, STUDENT_LIST_COLUMNS, readStudentListRow, (row: StudentListRow) => ({
    key: row.student.personalIdentityNumber,
    column: 'personalIdentityNumber',
  }));

/** Who would be added or changed, and every problem the organisation's data finds with the rows. */
async function planImport(
  ctx: RequestContext,
  organisationId: string,
  fromDate: string,
  list: ReturnType<typeof readList>,
): Promise<{ planned: PlannedStudent[]; problems: ListProblem[] }> {
  const from = dateValue(fromDate);
  const [schools, schoolYear, existing] = await Promise.all([
    ctx.prisma.school.findMany({ where: { organisationId }, select: { id: true, unitCode: true } }),
    ctx.prisma.schoolYear.findFirst({ where: { organisationId, startDate: { lte: from }, endDate: { gte: from } }, select: { id: true } }),
    ctx.prisma.student.findMany({
      where: { organisationId, personalIdentityNumber: { in: list.rows.map((row) => row.student.personalIdentityNumber) } },
      include: {
        memberships: {
          where: { group: { kind: 'CLASS' }, validFrom: { lte: from }, OR: [{ validTo: null }, { validTo: { gte: from } }] },
          select: { id: true, groupId: true, studentId: true, validFrom: true, validTo: true },
        },
      },
    }),
  ]);
  const classes = schoolYear
    ? await ctx.prisma.group.findMany({
        where: { kind: 'CLASS', schoolYearId: schoolYear.id, school: { organisationId } },
        select: { id: true, name: true, schoolId: true },
      })
    : [];
  const schoolByCode = new Map(schools.map((school) => [school.unitCode, school.id]));
  const classOf = (schoolId: string, name: string) =>
    classes.find((group) => group.schoolId === schoolId && group.name.toLowerCase() === name.toLowerCase()) ?? null;
  const existingByNumber = new Map(existing.map((student) => [student.personalIdentityNumber, student]));

  const problems = [...list.problems];
  const planned: PlannedStudent[] = [];
  for (const row of list.rows) {
    const problem = (column: StudentListColumn, code: string) => problems.push({ line: row.line, column, code });
    const schoolId = schoolByCode.get(row.schoolUnitCode);
    if (!schoolId) {
      problem('schoolUnitCode', 'UNKNOWN_SCHOOL');
      continue;
    }
    const targetClass = row.className ? classOf(schoolId, row.className) : null;
    if (row.className && !schoolYear) problem('className', 'NO_SCHOOL_YEAR');
    else if (row.className && !targetClass) problem('className', 'UNKNOWN_CLASS');
    const student = existingByNumber.get(row.student.personalIdentityNumber);
    if (student && student.schoolId !== schoolId) problem('schoolUnitCode', 'OTHER_SCHOOL');
    const current = student?.memberships[0] ?? null;
    const changes: StudentImportChange[] = [];
    if (student) {
      if (student.firstName !== row.student.firstName) changes.push('firstName');
      if (student.lastName !== row.student.lastName) changes.push('lastName');
      if (list.columns.has('programmeCode') && student.programmeCode !== row.student.programmeCode) changes.push('programmeCode');
      if (row.protectedIdentity !== null && student.protectedIdentity !== row.protectedIdentity) changes.push('protectedIdentity');
    }
    const moves = targetClass !== null && current?.groupId !== targetClass.id;
    // A class that began on or after the day of the move cannot end the day before it; that one is for a person.
    if (moves && current && isoDay(current.validFrom) >= fromDate) problem('className', 'CLASS_STARTS_LATER');
    if (moves) changes.push('class');
    planned.push({
      line: row.line,
      identifier: row.student.personalIdentityNumber,
      name: `${row.student.firstName} ${row.student.lastName}`,
      detail: row.className,
      outcome: !student ? 'ADD' : changes.length > 0 ? 'CHANGE' : 'UNCHANGED',
      changes,
      row,
      schoolId,
      existingId: student?.id ?? null,
      enrolIn: moves ? targetClass.id : null,
      endMembership: moves && current ? current : null,
    });
  }
  return { planned, problems };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Writes the plan: the students, their class memberships, and an audit row for each change. Changes to students
 * already there go one by one (few, and each needs its record before); new students, their classes and all the
 * audit rows go in bulk, so that a school's whole list is a handful of statements.
 */
async function writePlan(
  prisma: Prisma.TransactionClient,
  organisationId: string,
  fromDate: string,
  planned: readonly PlannedStudent[],
  cursor: WriteCursor,
): Promise<RecordedChange[]> {
  const changes: RecordedChange[] = [];
  const newStudents: (Prisma.StudentCreateManyInput & { id: string })[] = [];
  const enrolments: (Prisma.GroupMembershipCreateManyInput & { id: string })[] = [];
  for (const plan of planned) {
    if (plan.outcome === 'UNCHANGED') continue;
    cursor.line = plan.line;
    const { student: checked, protectedIdentity } = plan.row;
    const fields = {
      firstName: checked.firstName,
      lastName: checked.lastName,
      ...(plan.changes.includes('programmeCode') || !plan.existingId ? { programmeCode: checked.programmeCode } : {}),
      ...(protectedIdentity !== null ? { protectedIdentity } : {}),
    };
    const studentId = plan.existingId ?? randomUUID();
    if (!plan.existingId) {
      const created = {
        id: studentId,
        ...fields,
        personalIdentityNumber: checked.personalIdentityNumber,
        birthDate: dateValue(checked.birthDate),
        schoolId: plan.schoolId,
        organisationId,
      };
      newStudents.push(created);
      changes.push({
        entity: 'student',
        kind: 'created',
        entityId: studentId,
        studentId,
        before: null,
        after: studentSnapshot({ programmeCode: null, protectedIdentity: false, ...created }),
      });
    } else if (plan.changes.some((change) => change !== 'class')) {
      const before = await prisma.student.findUniqueOrThrow({ where: { id: studentId } });
      const after = await prisma.student.update({ where: { id: studentId }, data: fields });
      changes.push({
        entity: 'student',
        kind: 'updated',
        entityId: studentId,
        studentId,
        before: studentSnapshot(before),
        after: studentSnapshot(after),
      });
    }
    if (plan.endMembership) {
      const ended = await prisma.groupMembership.update({
        where: { id: plan.endMembership.id },
        data: { validTo: dateValue(dayBefore(fromDate)) },
      });
      changes.push({
        entity: 'groupMembership',
        kind: 'ended',
        entityId: ended.id,
        studentId,
        before: membershipSnapshot({ ...plan.endMembership, studentId }),
        after: membershipSnapshot(ended),
      });
    }
    if (plan.enrolIn) {
      const enrolment = { id: randomUUID(), groupId: plan.enrolIn, studentId, validFrom: dateValue(fromDate), validTo: null };
      enrolments.push(enrolment);
      changes.push({
        entity: 'groupMembership',
        kind: 'created',
        entityId: enrolment.id,
        studentId,
        before: null,
        after: membershipSnapshot(enrolment),
      });
    }
  }
  // What goes in bulk has no one line to blame if the database refuses it.
  cursor.line = 0;
  await prisma.student.createMany({ data: newStudents });
  changes.push(...(await ensureAccountsOf(prisma, 'STUDENT', newStudents)));
  await prisma.groupMembership.createMany({ data: enrolments });
  return changes;
}

/**
 * The administrator's import of a student list: with `apply` false a dry run (the report, problems included);
 * with `apply` true the same plan written, or, if the list has any problem, BAD_USER_INPUT and nothing written.
 * Classes are those of the school year that `fromDate` falls in; an enrolment or move starts on `fromDate`.
 */
export async function importStudentList(
  ctx: RequestContext,
  input: { bytes: Uint8Array; fromDate: string; apply: boolean },
): Promise<ListReport<StudentImportChange>> {
  return runListImport(ctx, 'STUDENTS', input.apply, {
    plan: async (organisationId) => {
      if (!isIsoDate(input.fromDate)) throw refusedList([{ line: 0, column: null, code: 'FROM_DATE' }]);
      return planImport(ctx, organisationId, input.fromDate, readList(input.bytes));
    },
    write: (prisma, organisationId, planned, cursor) => writePlan(prisma, organisationId, input.fromDate, planned, cursor),
    refusalOf: (error, line) =>
      // What the checks could not see: a personnummer entered meanwhile, a later class the move would overlap.
      error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
        ? { line, column: 'personalIdentityNumber', code: 'DUPLICATE' }
        : databaseCode(error) === '23P01'
          ? { line, column: 'className', code: 'OVERLAPS' }
          : null,
  });
}
