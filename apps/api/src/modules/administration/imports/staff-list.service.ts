// Importing the school's staff list (personallista): staff known again by their signature within the organisation,
// each row's duty added unless the same duty from the same day is there already. A dry run first, then one
// transaction with every change audited; a list with any problem writes nothing. Duties not on the list stay.
import { randomUUID } from 'node:crypto';
import {
  DUTY_TARGET,
  readStaffListRow,
  STAFF_LIST_COLUMNS,
  type DutyKindName,
  type StaffImportChange,
  type StaffListRow,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import { dateValue } from '../../access/validity.ts';
import type { RecordedChange } from '../administration.changes.ts';
import { dutySnapshot, staffSnapshot } from '../people/staff.service.ts';
import { readListFile, runListImport, type ListReport, type ListReportRow, type WriteCursor } from './list-file.ts';
import { ensureAccountsOf } from '../../accounts/accounts.service.ts';

const readList = (bytes: Uint8Array) =>
  readListFile(bytes, STAFF_LIST_COLUMNS, readStaffListRow, (row: StaffListRow) => ({
    // A staff member may be on several rows, one per duty; the same duty twice is the duplicate.
    key: JSON.stringify([row.staff.signature, row.duty ?? null]),
    column: 'signature',
  }));

interface PlannedStaff extends ListReportRow<StaffImportChange> {
  row: StaffListRow;
  staffId: string;
  existing: boolean;
  /** the details to write, on the first row of a staff member only: the e-mail only where the list has the column */
  details: { firstName: string; lastName: string; signature: string; email?: string | null } | null;
  duty: PlannedDuty | null;
}

interface PlannedDuty {
  id: string;
  staffId: string;
  kind: DutyKindName;
  schoolId: string | null;
  groupId: string | null;
  validFrom: Date;
  validTo: Date | null;
}

async function planImport(ctx: RequestContext, organisationId: string, list: ReturnType<typeof readList>) {
  const signatures = [...new Set(list.rows.map((row) => row.staff.signature))];
  const [staff, schools] = await Promise.all([
    ctx.prisma.staff.findMany({ where: { organisationId, signature: { in: signatures } }, include: { duties: true } }),
    ctx.prisma.school.findMany({ where: { organisationId }, select: { id: true, unitCode: true } }),
  ]);
  const groups = await ctx.prisma.group.findMany({
    where: { school: { organisationId } },
    select: { id: true, name: true, kind: true, schoolId: true, schoolYear: { select: { startDate: true, endDate: true } } },
  });
  const staffBySignature = new Map(staff.map((member) => [member.signature, member]));
  const schoolByCode = new Map(schools.map((school) => [school.unitCode, school.id]));
  const problems = [...list.problems];
  const planned: PlannedStaff[] = [];
  const firstRowOf = new Map<string, { details: string; staffId: string }>();
  for (const row of list.rows) {
    const problem = (column: string, code: string) => problems.push({ line: row.line, column, code });
    const existing = staffBySignature.get(row.staff.signature);
    const details = JSON.stringify(row.staff);
    const first = firstRowOf.get(row.staff.signature);
    if (first && first.details !== details) {
      problem('signature', 'CONFLICTING_DETAILS');
      continue;
    }
    const staffId = first?.staffId ?? existing?.id ?? randomUUID();
    if (!first) firstRowOf.set(row.staff.signature, { details, staffId });
    const changes: StaffImportChange[] = [];
    if (existing && !first) {
      if (existing.firstName !== row.staff.firstName) changes.push('firstName');
      if (existing.lastName !== row.staff.lastName) changes.push('lastName');
      if (list.columns.has('email') && existing.email !== row.staff.email) changes.push('email');
    }
    let duty: PlannedDuty | null = null;
    if (row.duty) {
      const schoolId = row.duty.schoolUnitCode ? schoolByCode.get(row.duty.schoolUnitCode) : undefined;
      if (row.duty.schoolUnitCode && !schoolId) problem('schoolUnitCode', 'UNKNOWN_SCHOOL');
      const target = DUTY_TARGET[row.duty.kind];
      const from = dateValue(row.duty.validFrom);
      const group =
        schoolId && row.duty.groupName
          ? groups.find(
              (candidate) =>
                candidate.schoolId === schoolId &&
                candidate.name.toLowerCase() === row.duty?.groupName?.toLowerCase() &&
                candidate.schoolYear.startDate <= from &&
                candidate.schoolYear.endDate >= from,
            )
          : undefined;
      if (schoolId && row.duty.groupName && !group) problem('groupName', 'UNKNOWN_GROUP');
      else if (group && group.kind !== target) problem('groupName', 'WRONG_GROUP_KIND');
      const data = {
        staffId,
        kind: row.duty.kind,
        // A teacher's or mentor's duty is of the group; a principal's of the school.
        schoolId: target === 'SCHOOL' ? (schoolId ?? null) : null,
        groupId: group?.id ?? null,
        validFrom: from,
        validTo: row.duty.validTo ? dateValue(row.duty.validTo) : null,
      };
      const held = existing?.duties.some(
        (other) =>
          other.kind === data.kind &&
          other.schoolId === data.schoolId &&
          other.groupId === data.groupId &&
          other.validFrom.getTime() === data.validFrom.getTime(),
      );
      if (!held) {
        duty = { id: randomUUID(), ...data };
        changes.push('duty');
      }
    }
    planned.push({
      line: row.line,
      identifier: row.staff.signature,
      name: `${row.staff.firstName} ${row.staff.lastName}`,
      detail: row.duty ? (row.duty.groupName ?? row.duty.schoolUnitCode) : null,
      outcome: !existing && !first ? 'ADD' : changes.length > 0 ? 'CHANGE' : 'UNCHANGED',
      changes,
      row,
      staffId,
      existing: existing !== undefined,
      details: first
        ? null
        : {
            firstName: row.staff.firstName,
            lastName: row.staff.lastName,
            signature: row.staff.signature,
            ...(list.columns.has('email') ? { email: row.staff.email } : {}),
          },
      duty,
    });
  }
  return { planned, problems };
}

/** New staff and duties in bulk, changed staff one by one, and an audit row for each change. */
async function writePlan(
  prisma: Prisma.TransactionClient,
  organisationId: string,
  planned: readonly PlannedStaff[],
  cursor: WriteCursor,
): Promise<RecordedChange[]> {
  const changes: RecordedChange[] = [];
  const newStaff: (Prisma.StaffCreateManyInput & { id: string })[] = [];
  const duties: PlannedDuty[] = [];
  for (const plan of planned) {
    cursor.line = plan.line;
    if (plan.details && !plan.existing) {
      const created = { ...plan.row.staff, id: plan.staffId, organisationId };
      newStaff.push(created);
      changes.push({ entity: 'staff', kind: 'created', entityId: plan.staffId, before: null, after: staffSnapshot(created) });
    } else if (plan.details && plan.changes.some((change) => change !== 'duty')) {
      const before = await prisma.staff.findUniqueOrThrow({ where: { id: plan.staffId } });
      const after = await prisma.staff.update({ where: { id: plan.staffId }, data: plan.details });
      changes.push({
        entity: 'staff',
        kind: 'updated',
        entityId: plan.staffId,
        before: staffSnapshot(before),
        after: staffSnapshot(after),
      });
    }
    if (plan.duty) {
      duties.push(plan.duty);
      changes.push({
        entity: 'staffDuty',
        kind: 'created',
        entityId: plan.duty.id,
        before: null,
        after: dutySnapshot(plan.duty),
      });
    }
  }
  // What goes in bulk has no one line to blame if the database refuses it.
  cursor.line = 0;
  await prisma.staff.createMany({ data: newStaff });
  changes.push(...(await ensureAccountsOf(prisma, 'STAFF', newStaff)));
  await prisma.staffDuty.createMany({ data: duties });
  return changes;
}

/**
 * The administrator's import of a staff list: with `apply` false a dry run (the report, problems included); with
 * `apply` true the same plan written, or, if the list has any problem, BAD_USER_INPUT and nothing written.
 */
export async function importStaffList(
  ctx: RequestContext,
  input: { bytes: Uint8Array; apply: boolean },
): Promise<ListReport<StaffImportChange>> {
  return runListImport(ctx, 'STAFF', input.apply, {
    plan: (organisationId) => planImport(ctx, organisationId, readList(input.bytes)),
    write: (prisma, organisationId, planned, cursor) => writePlan(prisma, organisationId, planned, cursor),
    refusalOf: (error, line) =>
      // A staff member entered by hand meanwhile with the same signature: the checks before could not see it.
      error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
        ? { line, column: 'signature', code: 'DUPLICATE' }
        : null,
  });
}
