// Importing the school's guardian list (vårdnadshavarlista): each row a guardian of a student already in the
// organisation, matched by the guardian's personnummer within it. A dry run first, then one transaction with every
// change audited; a list with any problem writes nothing. Absent columns change nothing; a guardian with protected
// identity keeps no address.
import { randomUUID } from 'node:crypto';
import {
  GUARDIAN_LIST_COLUMNS,
  readGuardianListRow,
  type GuardianImportChange,
  type GuardianListColumn,
  type GuardianListRow,
} from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import type { RecordedChange } from '../administration.changes.ts';
import { guardianSnapshot } from '../people/guardians.service.ts';
import { guardianshipSnapshot } from '../people/students.service.ts';
import { readListFile, runListImport, type ListReport, type ListReportRow, type WriteCursor } from './list-file.ts';
import { ensureAccountsOf } from '../../accounts/accounts.service.ts';

const readList = (bytes: Uint8Array) =>
  readListFile(bytes, GUARDIAN_LIST_COLUMNS, readGuardianListRow, (row: GuardianListRow) => ({
    key: `${row.studentPersonalIdentityNumber} ${row.guardian.personalIdentityNumber}`,
    column: 'personalIdentityNumber',
  }));

type ListedDetails = Pick<
  GuardianListRow['guardian'],
  'firstName' | 'lastName' | 'mobilePhone' | 'email' | 'streetAddress' | 'postalCode' | 'city'
>;

/** The details a row gives, only of the columns the list has; an address is all three parts or none. */
function listedDetails(row: GuardianListRow, columns: ReadonlySet<GuardianListColumn>) {
  const { guardian } = row;
  const protectedIdentity = row.protectedIdentity;
  const hasAddress = columns.has('streetAddress') || columns.has('postalCode') || columns.has('city');
  return {
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    ...(columns.has('mobilePhone') ? { mobilePhone: guardian.mobilePhone } : {}),
    ...(columns.has('email') ? { email: guardian.email } : {}),
    ...(hasAddress || protectedIdentity
      ? { streetAddress: guardian.streetAddress, postalCode: guardian.postalCode, city: guardian.city }
      : {}),
    ...(protectedIdentity !== null ? { protectedIdentity } : {}),
  } satisfies Partial<ListedDetails> & { protectedIdentity?: boolean };
}

type Details = ReturnType<typeof listedDetails>;

interface PlannedGuardian extends ListReportRow<GuardianImportChange> {
  row: GuardianListRow;
  studentId: string;
  /** the guardian already in the register, or the id the new one gets (shared by their rows) */
  guardianId: string;
  existing: boolean;
  /** the details to write, on the first row of a guardian only */
  details: Details | null;
  links: boolean;
}

function changedDetails(before: ListedDetails & { protectedIdentity: boolean }, details: Details): GuardianImportChange[] {
  const changes: GuardianImportChange[] = [];
  if (before.firstName !== details.firstName) changes.push('firstName');
  if (before.lastName !== details.lastName) changes.push('lastName');
  if ('mobilePhone' in details && before.mobilePhone !== details.mobilePhone) changes.push('mobilePhone');
  if ('email' in details && before.email !== details.email) changes.push('email');
  if (
    'streetAddress' in details &&
    (before.streetAddress !== details.streetAddress || before.postalCode !== details.postalCode || before.city !== details.city)
  ) {
    changes.push('address');
  }
  if (details.protectedIdentity !== undefined && before.protectedIdentity !== details.protectedIdentity) changes.push('protectedIdentity');
  return changes;
}

async function planImport(ctx: RequestContext, organisationId: string, list: ReturnType<typeof readList>) {
  const [students, guardians] = await Promise.all([
    ctx.prisma.student.findMany({
      where: { organisationId, personalIdentityNumber: { in: list.rows.map((row) => row.studentPersonalIdentityNumber) } },
      select: { id: true, personalIdentityNumber: true, firstName: true, lastName: true },
    }),
    ctx.prisma.guardian.findMany({
      where: { organisationId, personalIdentityNumber: { in: list.rows.map((row) => row.guardian.personalIdentityNumber) } },
      include: { guardianships: { select: { studentId: true } } },
    }),
  ]);
  const studentByNumber = new Map(students.map((student) => [student.personalIdentityNumber, student]));
  const guardianByNumber = new Map(
    guardians.flatMap((guardian) => (guardian.personalIdentityNumber ? [[guardian.personalIdentityNumber, guardian]] : [])),
  );
  const problems = [...list.problems];
  const planned: PlannedGuardian[] = [];
  /** A guardian's first row: the details the later rows must repeat, and the id a new guardian gets. */
  const firstRowOf = new Map<string, { details: Details; guardianId: string }>();
  for (const row of list.rows) {
    const student = studentByNumber.get(row.studentPersonalIdentityNumber);
    if (!student) {
      problems.push({ line: row.line, column: 'studentPersonalIdentityNumber', code: 'UNKNOWN_STUDENT' });
      continue;
    }
    const number = row.guardian.personalIdentityNumber;
    const existing = guardianByNumber.get(number);
    const details = listedDetails(row, list.columns);
    const first = firstRowOf.get(number);
    if (first && JSON.stringify(first.details) !== JSON.stringify(details)) {
      problems.push({ line: row.line, column: 'personalIdentityNumber', code: 'CONFLICTING_DETAILS' });
      continue;
    }
    // A guardian already protected keeps no address, whether or not the list has the column to say so.
    if (existing?.protectedIdentity && details.protectedIdentity !== false && details.streetAddress) {
      problems.push({ line: row.line, column: 'streetAddress', code: 'PROTECTED_IDENTITY' });
      continue;
    }
    const guardianId = first?.guardianId ?? existing?.id ?? randomUUID();
    if (!first) firstRowOf.set(number, { details, guardianId });
    const changes: GuardianImportChange[] = first || !existing ? [] : changedDetails(existing, details);
    const links = !existing?.guardianships.some((link) => link.studentId === student.id);
    if (links) changes.push('guardianship');
    planned.push({
      line: row.line,
      identifier: number,
      name: `${row.guardian.firstName} ${row.guardian.lastName}`,
      detail: `${student.firstName} ${student.lastName}`,
      outcome: !existing && !first ? 'ADD' : changes.length > 0 ? 'CHANGE' : 'UNCHANGED',
      changes,
      row,
      studentId: student.id,
      guardianId,
      existing: existing !== undefined,
      details: first ? null : details,
      links,
    });
  }
  return { planned, problems };
}

/** New guardians and links in bulk, changed guardians one by one, and an audit row for each change. */
async function writePlan(
  prisma: Prisma.TransactionClient,
  organisationId: string,
  planned: readonly PlannedGuardian[],
  cursor: WriteCursor,
): Promise<RecordedChange[]> {
  const changes: RecordedChange[] = [];
  const newGuardians: (Prisma.GuardianCreateManyInput & { id: string })[] = [];
  const links: Prisma.GuardianshipCreateManyInput[] = [];
  for (const plan of planned) {
    cursor.line = plan.line;
    if (plan.details && !plan.existing) {
      const created = { ...plan.row.guardian, ...plan.details, id: plan.guardianId, organisationId };
      newGuardians.push(created);
      changes.push({
        entity: 'guardian',
        kind: 'created',
        entityId: plan.guardianId,
        before: null,
        after: guardianSnapshot(created),
      });
    } else if (plan.details && plan.changes.some((change) => change !== 'guardianship')) {
      const before = await prisma.guardian.findUniqueOrThrow({ where: { id: plan.guardianId } });
      const after = await prisma.guardian.update({ where: { id: plan.guardianId }, data: plan.details });
      changes.push({
        entity: 'guardian',
        kind: 'updated',
        entityId: plan.guardianId,
        before: guardianSnapshot(before),
        after: guardianSnapshot(after),
      });
    }
    if (plan.links) {
      links.push({ studentId: plan.studentId, guardianId: plan.guardianId, organisationId });
      changes.push({
        entity: 'guardianship',
        kind: 'created',
        entityId: plan.guardianId,
        studentId: plan.studentId,
        before: null,
        after: guardianshipSnapshot(plan.studentId, plan.guardianId),
      });
    }
  }
  // What goes in bulk has no one line to blame if the database refuses it.
  cursor.line = 0;
  await prisma.guardian.createMany({ data: newGuardians });
  changes.push(...(await ensureAccountsOf(prisma, 'GUARDIAN', newGuardians)));
  await prisma.guardianship.createMany({ data: links });
  return changes;
}

/**
 * The administrator's import of a guardian list: with `apply` false a dry run (the report, problems included);
 * with `apply` true the same plan written, or, if the list has any problem, BAD_USER_INPUT and nothing written.
 */
export async function importGuardianList(
  ctx: RequestContext,
  input: { bytes: Uint8Array; apply: boolean },
): Promise<ListReport<GuardianImportChange>> {
  return runListImport(ctx, 'GUARDIANS', input.apply, {
    plan: (organisationId) => planImport(ctx, organisationId, readList(input.bytes)),
    write: (prisma, organisationId, planned, cursor) => writePlan(prisma, organisationId, planned, cursor),
    refusalOf: (error, line) =>
      // A guardian entered by hand meanwhile with the same personnummer: the checks before could not see it.
      error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
        ? { line, column: 'personalIdentityNumber', code: 'DUPLICATE' }
        : null,
  });
}
