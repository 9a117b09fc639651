// Grade warnings (rule 6, "the home must know in time"): a teacher warns that a student risks an F, the
// guardians are told in the same transaction, the school records each contact with the home, and the
// principal sees which warnings have had no contact within the school's number of school days.
import {
  checkClose,
  checkContact,
  checkGradeWarning,
  contactOverdue,
  mayIssueGradeWarning,
  mayRecordGradeWarningContact,
  schoolDateOf,
  type DateRange,
  type GradeWarningProblem,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import type { ContactMethod, GradeWarningContact } from '../../generated/graphql.ts';
import { authorizeGroup, authorizeSchool, authorizeStudent, isId, loadStudentFacts } from '../access/access.service.ts';
import { isoDate, requireStaffViewer } from '../access/viewer.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';
import { gradeWarningText } from '../notifications/messages.ts';
import { messagesFor, queueMessages, recipientsOf } from '../notifications/queue.ts';

const person = { select: { firstName: true, lastName: true } } as const;

const warningSelect = {
  id: true,
  studentId: true,
  groupId: true,
  missing: true,
  issuedAt: true,
  closedAt: true,
  closeNote: true,
  student: {
    select: {
      firstName: true,
      lastName: true,
      schoolId: true,
      school: { select: { organisationId: true, gradeWarningContactDays: true } },
    },
  },
  group: { select: { name: true } },
  subject: { select: { nameSv: true, nameEn: true } },
  issuedBy: person,
  closedBy: person,
  contacts: {
    select: { id: true, contactedAt: true, method: true, withWhom: true, agreed: true, staff: person },
    orderBy: [{ contactedAt: 'asc' }, { recordedAt: 'asc' }],
  },
} satisfies Prisma.GradeWarningSelect;

type WarningRow = Prisma.GradeWarningGetPayload<{ select: typeof warningSelect }>;

export interface GradeWarningRecord {
  id: string;
  student: { id: string; name: string };
  subjectSv: string;
  subjectEn: string;
  groupId: string;
  groupName: string;
  missing: string;
  issuedAt: string;
  issuedBy: string;
  contacts: GradeWarningContact[];
  overdue: boolean;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
}

const fullName = (someone: { firstName: string; lastName: string }) => `${someone.firstName} ${someone.lastName}`;

/** The breaks of each organisation from `fromDate` on, for counting school days. */
async function breaksFrom(ctx: RequestContext, organisationIds: string[], fromDate: string): Promise<Map<string, DateRange[]>> {
  const byOrganisation = new Map<string, DateRange[]>();
  if (organisationIds.length === 0) return byOrganisation;
  const breaks = await ctx.prisma.schoolBreak.findMany({
    where: { endDate: { gte: dateValue(fromDate) }, term: { schoolYear: { organisationId: { in: [...new Set(organisationIds)] } } } },
    select: { startDate: true, endDate: true, term: { select: { schoolYear: { select: { organisationId: true } } } } },
  });
  for (const range of breaks) {
    const organisationId = range.term.schoolYear.organisationId;
    byOrganisation.set(organisationId, [
      ...(byOrganisation.get(organisationId) ?? []),
      { startDate: isoDate(range.startDate), endDate: isoDate(range.endDate) },
    ]);
  }
  return byOrganisation;
}

/** Rows as the API shows them; one read of breaks for all of them (only open ones without contact can be overdue). */
async function toRecords(ctx: RequestContext, rows: WarningRow[]): Promise<GradeWarningRecord[]> {
  const candidates = rows.filter((row) => row.closedAt === null && row.contacts.length === 0);
  const earliest = candidates.map((row) => schoolDateOf(row.issuedAt)).sort()[0];
  const breaks = earliest
    ? await breaksFrom(
        ctx,
        candidates.map((row) => row.student.school.organisationId),
        earliest,
      )
    : new Map<string, DateRange[]>();
  return rows.map((row) => {
    const firstContact = row.contacts[0];
    const overdue =
      row.closedAt === null &&
      contactOverdue(
        schoolDateOf(row.issuedAt),
        firstContact ? schoolDateOf(firstContact.contactedAt) : null,
        ctx.today,
        row.student.school.gradeWarningContactDays,
        breaks.get(row.student.school.organisationId) ?? [],
      );
    return {
      id: row.id,
      student: { id: row.studentId, name: fullName(row.student) },
      subjectSv: row.subject.nameSv,
      subjectEn: row.subject.nameEn,
      groupId: row.groupId,
      groupName: row.group.name,
      missing: row.missing,
      issuedAt: row.issuedAt.toISOString(),
      issuedBy: fullName(row.issuedBy),
      contacts: row.contacts.map((contact) => ({
        id: contact.id,
        contactedAt: contact.contactedAt.toISOString(),
        method: contact.method,
        withWhom: contact.withWhom,
        agreed: contact.agreed,
        contactedBy: fullName(contact.staff),
      })),
      overdue,
      closedAt: row.closedAt?.toISOString() ?? null,
      closedBy: row.closedBy ? fullName(row.closedBy) : null,
      closeNote: row.closeNote,
    };
  });
}

const MAX_LISTED = 200;

export async function studentGradeWarnings(ctx: RequestContext, studentId: string): Promise<GradeWarningRecord[]> {
  await authorizeStudent(ctx, studentId, 'student:readAssessments');
  const rows = await ctx.prisma.gradeWarning.findMany({
    where: { studentId },
    select: warningSelect,
    orderBy: [{ issuedAt: 'desc' }],
    take: MAX_LISTED,
  });
  await audit(ctx, 'gradeWarning.read', { studentId, entityType: 'Student', entityId: studentId });
  return toRecords(ctx, rows);
}

/** A teaching group's warnings, or those of a class's current members in every subject. */
export async function groupGradeWarnings(ctx: RequestContext, groupId: string): Promise<GradeWarningRecord[]> {
  const { group } = await authorizeGroup(ctx, groupId, 'group:readAssessments');
  const rows = await ctx.prisma.gradeWarning.findMany({
    where:
      group.kind === 'TEACHING' ? { groupId } : { student: { memberships: { some: { groupId, ...inForceOn(dateValue(ctx.today)) } } } },
    select: warningSelect,
    orderBy: [{ issuedAt: 'desc' }],
    take: MAX_LISTED,
  });
  await audit(ctx, 'gradeWarning.read', { entityType: 'Group', entityId: groupId });
  return toRecords(ctx, rows);
}

export interface ClassWarningCounts {
  classId: string | null;
  className: string | null;
  open: number;
  withoutContact: number;
  overdue: number;
}

export interface GradeWarningRoutine {
  schoolId: string;
  contactDays: number;
  open: number;
  withoutContact: number;
  overdue: number;
  classes: ClassWarningCounts[];
  overdueWarnings: GradeWarningRecord[];
}

/** Open warnings of the school's students by class: one read of the warnings (with their classes), one of breaks. */
export async function schoolGradeWarningRoutine(ctx: RequestContext, schoolId: string): Promise<GradeWarningRoutine> {
  const { school } = await authorizeSchool(ctx, schoolId, 'school:readGradeWarnings');
  const rows = await ctx.prisma.gradeWarning.findMany({
    where: { closedAt: null, student: { schoolId } },
    select: {
      ...warningSelect,
      student: {
        select: {
          ...warningSelect.student.select,
          memberships: {
            where: { group: { kind: 'CLASS' }, ...inForceOn(dateValue(ctx.today)) },
            select: { group: { select: { id: true, name: true } } },
            take: 1,
          },
        },
      },
    },
    orderBy: [{ issuedAt: 'asc' }],
  });
  const records = await toRecords(ctx, rows);
  const classes = new Map<string, ClassWarningCounts>();
  rows.forEach((row, index) => {
    const record = records[index] as GradeWarningRecord;
    const schoolClass = row.student.memberships[0]?.group ?? null;
    const key = schoolClass?.id ?? '';
    const counts = classes.get(key) ?? {
      classId: schoolClass?.id ?? null,
      className: schoolClass?.name ?? null,
      open: 0,
      withoutContact: 0,
      overdue: 0,
    };
    counts.open += 1;
    if (record.contacts.length === 0) counts.withoutContact += 1;
    if (record.overdue) counts.overdue += 1;
    classes.set(key, counts);
  });
  const byClass = [...classes.values()].sort((a, b) => (a.className ?? '\uffff').localeCompare(b.className ?? '\uffff', 'sv'));
  const overdueWarnings = records.filter((record) => record.overdue);
  return {
    schoolId,
    contactDays: school.gradeWarningContactDays,
    open: records.length,
    withoutContact: records.filter((record) => record.contacts.length === 0).length,
    overdue: overdueWarnings.length,
    classes: byClass,
    overdueWarnings,
  };
}

const refused = (problems: GradeWarningProblem[]) =>
  appError('BAD_USER_INPUT', `The grade warning was not saved: ${problems.join(', ')}`, { problems });

const readWarning = async (ctx: RequestContext, id: string): Promise<GradeWarningRecord> => {
  const row = await ctx.prisma.gradeWarning.findUniqueOrThrow({ where: { id }, select: warningSelect });
  return (await toRecords(ctx, [row]))[0] as GradeWarningRecord;
};

export interface IssueInput {
  studentId: string;
  groupId: string;
  missing: string;
}

export async function issueGradeWarning(ctx: RequestContext, input: IssueInput): Promise<GradeWarningRecord> {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(input.studentId) || !isId(input.groupId)) throw notFound('Student');
  const [[student], group] = await Promise.all([
    loadStudentFacts(ctx, { ids: [input.studentId] }),
    ctx.prisma.group.findUnique({ where: { id: input.groupId }, select: { id: true, kind: true, subjectId: true } }),
  ]);
  if (!student || !group || !mayIssueGradeWarning(viewer.facts, group.id, student.groupIds, ctx.today)) throw notFound('Student');
  const problems = checkGradeWarning({ group, missing: input.missing });
  if (problems.length > 0 || !group.subjectId) throw refused(problems);
  const { staffId } = viewer.facts;
  const subjectId = group.subjectId;
  const missing = input.missing.trim();
  // The warning, its audit row and the messages home: all or nothing.
  const id = await ctx.prisma.$transaction(async (tx) => {
    const warning = await tx.gradeWarning.create({
      data: { studentId: student.id, groupId: group.id, subjectId, missing, issuedByStaffId: staffId, issuedAt: ctx.now },
      select: { id: true, student: { select: { firstName: true } }, subject: { select: { nameSv: true, nameEn: true } } },
    });
    await audit({ ...ctx, prisma: tx }, 'gradeWarning.issued', { studentId: student.id, entityType: 'GradeWarning', entityId: warning.id });
    const recipients = (await recipientsOf(tx, [student.id], ctx.today)).get(student.id) ?? [];
    const text = {
      childName: warning.student.firstName,
      subjectSv: warning.subject.nameSv,
      subjectEn: warning.subject.nameEn,
      missing,
      teacherName: viewer.displayName,
    };
    await queueMessages(
      tx,
      ctx.now,
      recipients.flatMap((recipient) =>
        messagesFor(`gradeWarning:${warning.id}`, 'GRADE_WARNING', student.id, recipient, (locale) =>
          gradeWarningText(locale, text, ctx.config.notifications),
        ),
      ),
    );
    return warning.id;
  });
  ctx.wakeDelivery();
  return readWarning(ctx, id);
}

/** The warning, if the viewer may record contacts on it and close it; otherwise NOT_FOUND, as for one that does not exist. */
async function authorizeHandling(
  ctx: RequestContext,
  warningId: string,
): Promise<{ staffId: string; issuedAt: Date; closed: boolean; studentId: string }> {
  const viewer = await requireStaffViewer(ctx);
  if (!isId(warningId)) throw notFound('Grade warning');
  const warning = await ctx.prisma.gradeWarning.findUnique({
    where: { id: warningId },
    select: { studentId: true, groupId: true, issuedAt: true, closedAt: true },
  });
  if (!warning) throw notFound('Grade warning');
  const [student] = await loadStudentFacts(ctx, { ids: [warning.studentId] });
  const handlers = { groupId: warning.groupId, schoolId: student?.schoolId ?? '', studentGroupIds: student?.groupIds ?? [] };
  if (!mayRecordGradeWarningContact(viewer.facts, handlers, ctx.today)) throw notFound('Grade warning');
  return { staffId: viewer.facts.staffId, issuedAt: warning.issuedAt, closed: warning.closedAt !== null, studentId: warning.studentId };
}

export interface ContactRecordInput {
  warningId: string;
  contactedAt: string;
  method: ContactMethod;
  withWhom: string;
  agreed: string;
}

export async function recordGradeWarningContact(ctx: RequestContext, input: ContactRecordInput): Promise<GradeWarningRecord> {
  const { staffId, issuedAt, studentId } = await authorizeHandling(ctx, input.warningId);
  const problems = checkContact(input, issuedAt, ctx.now);
  if (problems.length > 0) throw refused(problems);
  await ctx.prisma.$transaction(async (tx) => {
    const contact = await tx.gradeWarningContact.create({
      data: {
        warningId: input.warningId,
        staffId,
        contactedAt: new Date(input.contactedAt),
        method: input.method,
        withWhom: input.withWhom.trim(),
        agreed: input.agreed.trim(),
        recordedAt: ctx.now,
      },
      select: { id: true },
    });
    await audit({ ...ctx, prisma: tx }, 'gradeWarning.contactRecorded', {
      studentId,
      entityType: 'GradeWarning',
      entityId: input.warningId,
      details: { contactId: contact.id, method: input.method },
    });
  });
  return readWarning(ctx, input.warningId);
}

export async function closeGradeWarning(ctx: RequestContext, warningId: string, note: string): Promise<GradeWarningRecord> {
  const { staffId, closed, studentId } = await authorizeHandling(ctx, warningId);
  const problems = checkClose(note, closed);
  if (problems.length > 0) throw refused(problems);
  await ctx.prisma.$transaction(async (tx) => {
    // Only an open warning is closed, so two closings at once leave the first one's note.
    const updated = await tx.gradeWarning.updateMany({
      where: { id: warningId, closedAt: null },
      data: { closedAt: ctx.now, closedByStaffId: staffId, closeNote: note.trim() },
    });
    if (updated.count === 0) throw refused(['ALREADY_CLOSED']);
    await audit({ ...ctx, prisma: tx }, 'gradeWarning.closed', { studentId, entityType: 'GradeWarning', entityId: warningId });
  });
  return readWarning(ctx, warningId);
}
