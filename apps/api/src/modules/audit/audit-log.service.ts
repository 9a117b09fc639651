// The audit-log viewer (issue 17): an administrator reads who read or changed what about whom in their own
// organisation, filtered by person, actor, action and days, newest first, a page at a time or all of it for a file.
//
// Whose an event is: the organisation of the student it is about; an event about no student (a login, a guardian's
// record changed, a group's roster read) is its actor's, the organisation of the person whose account did it; one done
// by nobody about an organisation (a nightly retention run) is that organisation's. An event with none of these (a
// login with an unknown name, a refused phone call) belongs to no organisation and is shown to nobody. Every page read and every export is itself an event, with its filter.
import { schoolDateOf, schoolInstant } from '@insyn/domain';
import { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError, badInput } from '../../errors.ts';
import { isId } from '../access/access.service.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { requireAdministration } from '../administration/administration.access.ts';
import { identityNumberPart, isoDate, searchWords } from '../administration/people/people.shared.ts';
import { actionMatch, AUDIT_LOG_ACTIONS } from './audit-actions.ts';
import { summarizeDetails } from './audit-summary.ts';
import { audit } from './audit.service.ts';

export const MAX_AUDIT_PAGE_SIZE = 200;
/** The most rows one export holds: the newest of them when more match. */
export const AUDIT_EXPORT_LIMIT = 10_000;
const PEOPLE_A_KIND = 5;

type PersonKind = 'STUDENT' | 'GUARDIAN' | 'STAFF';
type DutyKind = 'TEACHER' | 'MENTOR' | 'PRINCIPAL' | 'ADMINISTRATOR';
const DUTY_ORDER: readonly DutyKind[] = ['ADMINISTRATOR', 'PRINCIPAL', 'MENTOR', 'TEACHER'];
/** The entity type an event about a person has elsewhere in the log (e.g. `student.read`). */
const PERSON_ENTITY: Record<PersonKind, string> = { STUDENT: 'Student', GUARDIAN: 'Guardian', STAFF: 'Staff' };

export interface AuditLogFilterArgs {
  personId?: string | null;
  actor?: string | null;
  action?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
}

export interface AuditLogPerson {
  id: string;
  kind: PersonKind;
  firstName: string;
  lastName: string;
  detail: string | null;
}

interface ResolvedFilter {
  person: AuditLogPerson | null;
  /** the person's own account, so that what they did is theirs too */
  personAccountId: string | null;
  actorId: string | null;
  action: { exact: string } | { prefix: string } | null;
  from: Date | null;
  /** the midnight after the last day */
  until: Date | null;
}

const present = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

const nextDay = (date: string): string => {
  const day = dateValue(date);
  day.setUTCDate(day.getUTCDate() + 1);
  return isoDate(day);
};

/** A student, guardian or staff member of the organisation by id, with their account; null for any other id. */
async function personOf(
  ctx: RequestContext,
  organisationId: string,
  id: string,
): Promise<{ person: AuditLogPerson; accountId: string | null } | null> {
  if (!isId(id)) return null;
  const today = inForceOn(dateValue(ctx.today));
  const student = await ctx.prisma.student.findFirst({
    where: { id, organisationId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      account: { select: { id: true } },
      memberships: { where: { ...today, group: { kind: 'CLASS' } }, select: { group: { select: { name: true } } }, take: 1 },
    },
  });
  if (student) {
    const { memberships, account, ...name } = student;
    return { person: { ...name, kind: 'STUDENT', detail: memberships[0]?.group.name ?? null }, accountId: account?.id ?? null };
  }
  const guardian = await ctx.prisma.guardian.findFirst({
    where: { id, organisationId },
    select: { id: true, firstName: true, lastName: true, account: { select: { id: true } }, ...CHILDREN },
  });
  if (guardian) return { person: guardianPerson(guardian), accountId: guardian.account?.id ?? null };
  const staff = await ctx.prisma.staff.findFirst({
    where: { id, organisationId },
    select: { id: true, firstName: true, lastName: true, signature: true, account: { select: { id: true } } },
  });
  if (!staff) return null;
  const { signature, account, ...name } = staff;
  return { person: { ...name, kind: 'STAFF', detail: signature }, accountId: account?.id ?? null };
}

const CHILDREN = {
  guardianships: {
    select: { student: { select: { firstName: true, lastName: true } } },
    orderBy: { createdAt: 'asc' },
    take: 3,
  },
} satisfies Prisma.GuardianSelect;

/** A guardian with their children's names as what tells them apart. */
function guardianPerson(guardian: {
  id: string;
  firstName: string;
  lastName: string;
  guardianships: { student: { firstName: string; lastName: string } }[];
}): AuditLogPerson {
  const children = guardian.guardianships.map(({ student }) => `${student.firstName} ${student.lastName}`);
  return {
    id: guardian.id,
    kind: 'GUARDIAN',
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    detail: children.length > 0 ? children.join(', ') : null,
  };
}

/** An account of the organisation's people by username or id; another organisation's is NOT_FOUND, as a made-up one. */
async function actorOf(ctx: RequestContext, organisationId: string, actor: string): Promise<string> {
  const organisation = { select: { organisationId: true } } as const;
  const account = await ctx.prisma.userAccount.findUnique({
    where: isId(actor) ? { id: actor } : { username: actor.toLowerCase() },
    select: { id: true, student: organisation, guardian: organisation, staff: organisation },
  });
  const owner = account?.student?.organisationId ?? account?.guardian?.organisationId ?? account?.staff?.organisationId;
  if (!account || owner !== organisationId) throw appError('NOT_FOUND', 'User not found', { field: 'filter.actor' });
  return account.id;
}

/** The filter checked and looked up: the person and the actor must be the organisation's, the action one offered. */
async function resolveFilter(
  ctx: RequestContext,
  organisationId: string,
  filter: AuditLogFilterArgs | null | undefined,
): Promise<ResolvedFilter> {
  const personId = present(filter?.personId);
  const actor = present(filter?.actor);
  const action = present(filter?.action);
  const fromDate = present(filter?.fromDate);
  const toDate = present(filter?.toDate);
  const match = action ? actionMatch(action) : null;
  if (action && !match) throw badInput(`No such action: ${action}`, 'filter.action');
  if (fromDate && toDate && fromDate > toDate) throw badInput('The last day is before the first', 'filter.toDate');
  const found = personId ? await personOf(ctx, organisationId, personId) : null;
  if (personId && !found) throw appError('NOT_FOUND', 'Person not found', { field: 'filter.personId' });
  return {
    person: found?.person ?? null,
    personAccountId: found?.accountId ?? null,
    actorId: actor ? await actorOf(ctx, organisationId, actor) : null,
    action: match,
    from: fromDate ? schoolInstant(fromDate) : null,
    until: toDate ? schoolInstant(nextDay(toDate)) : null,
  };
}

/** The filter as the read's own audit row keeps it: what was asked, as it was asked. */
function filterDetails(filter: AuditLogFilterArgs | null | undefined): Prisma.InputJsonObject {
  const entries = (['personId', 'actor', 'action', 'fromDate', 'toDate'] as const).flatMap((key) => {
    const value = present(filter?.[key]);
    return value ? [[key, value] as const] : [];
  });
  return Object.fromEntries(entries);
}

// The actor's person: a student, guardian or staff member, whichever the account belongs to.
const FROM = Prisma.sql`
  FROM "AuditEvent" e
  LEFT JOIN "Student" s ON s.id = e."studentId"
  LEFT JOIN "UserAccount" u ON u.id = e."userId"
  LEFT JOIN "Student" actorStudent ON actorStudent.id = u."studentId"
  LEFT JOIN "Guardian" actorGuardian ON actorGuardian.id = u."guardianId"
  LEFT JOIN "Staff" actorStaff ON actorStaff.id = u."staffId"`;

function whereOf(organisationId: string, filter: ResolvedFilter, cursor: string | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    // The organisation's events: those about its students, those about no student done by its people, and those done
    // by nobody about the organisation itself (as the database's audit_event_purge reads them, migration retention).
    Prisma.sql`(CASE WHEN e."studentId" IS NOT NULL THEN s."organisationId"
      ELSE COALESCE(actorStudent."organisationId", actorGuardian."organisationId", actorStaff."organisationId",
        CASE WHEN e."entityType" = 'organisation' AND e."entityId" ~* '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$'
             THEN e."entityId"::uuid END) END) = ${organisationId}::uuid`,
  ];
  const { person, personAccountId } = filter;
  if (person) {
    const about =
      person.kind === 'STUDENT'
        ? Prisma.sql`e."studentId" = ${person.id}::uuid OR e."entityId" = ${person.id}`
        : Prisma.sql`e."entityId" = ${person.id}`;
    conditions.push(personAccountId ? Prisma.sql`(${about} OR e."userId" = ${personAccountId}::uuid)` : Prisma.sql`(${about})`);
  }
  if (filter.actorId) conditions.push(Prisma.sql`e."userId" = ${filter.actorId}::uuid`);
  if (filter.action) {
    conditions.push(
      'exact' in filter.action ? Prisma.sql`e.action = ${filter.action.exact}` : Prisma.sql`e.action LIKE ${`${filter.action.prefix}%`}`,
    );
  }
  if (filter.from) conditions.push(Prisma.sql`e.at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.until) conditions.push(Prisma.sql`e.at < ${filter.until.toISOString()}::timestamptz`);
  // Keyset: the rows after the cursor's in the order below, so that rows logged meanwhile do not shift the pages.
  if (cursor) conditions.push(Prisma.sql`(e.at, e.id) < (SELECT c.at, c.id FROM "AuditEvent" c WHERE c.id = ${cursor}::bigint)`);
  return Prisma.join(conditions, ' AND ');
}

interface EventRow {
  id: bigint;
  at: Date;
  userId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  studentId: string | null;
  ip: string | null;
  details: unknown;
  studentFirstName: string | null;
  studentLastName: string | null;
  username: string | null;
  actorKind: PersonKind | null;
  actorFirstName: string | null;
  actorLastName: string | null;
  actorStaffId: string | null;
}

/** One statement: the page's rows, newest first (ties by id), with the student's and the actor's names. */
function eventRows(ctx: RequestContext, organisationId: string, filter: ResolvedFilter, cursor: string | null, limit: number) {
  return ctx.prisma.$queryRaw<EventRow[]>`
    SELECT e.id, e.at, e."userId", e.action, e."entityType", e."entityId", e."studentId", e.ip, e.details,
      s."firstName" AS "studentFirstName", s."lastName" AS "studentLastName",
      u.username, u."staffId" AS "actorStaffId",
      CASE WHEN u."studentId" IS NOT NULL THEN 'STUDENT' WHEN u."guardianId" IS NOT NULL THEN 'GUARDIAN'
        WHEN u."staffId" IS NOT NULL THEN 'STAFF' END AS "actorKind",
      COALESCE(actorStudent."firstName", actorGuardian."firstName", actorStaff."firstName") AS "actorFirstName",
      COALESCE(actorStudent."lastName", actorGuardian."lastName", actorStaff."lastName") AS "actorLastName"
    ${FROM}
    WHERE ${whereOf(organisationId, filter, cursor)}
    ORDER BY e.at DESC, e.id DESC
    LIMIT ${limit}`;
}

/** The rows as the API answers them: a staff actor with the duties they had on the day of the event. */
async function toEntries(ctx: RequestContext, rows: EventRow[]) {
  const staffIds = [...new Set(rows.flatMap((row) => (row.actorStaffId ? [row.actorStaffId] : [])))];
  const duties =
    staffIds.length === 0
      ? []
      : await ctx.prisma.staffDuty.findMany({
          where: { staffId: { in: staffIds } },
          select: { staffId: true, kind: true, validFrom: true, validTo: true },
        });
  const dutiesOn = (staffId: string, day: string): DutyKind[] => {
    const kinds = new Set(
      duties
        .filter((duty) => duty.staffId === staffId && isoDate(duty.validFrom) <= day && (!duty.validTo || isoDate(duty.validTo) >= day))
        .map((duty) => duty.kind),
    );
    return DUTY_ORDER.filter((kind) => kinds.has(kind));
  };
  return rows.map((row) => ({
    id: String(row.id),
    at: row.at.toISOString(),
    action: row.action,
    actor:
      row.userId && row.username
        ? {
            userId: row.userId,
            username: row.username,
            kind: row.actorKind,
            firstName: row.actorFirstName,
            lastName: row.actorLastName,
            duties: row.actorStaffId ? dutiesOn(row.actorStaffId, schoolDateOf(row.at)) : [],
          }
        : null,
    entityType: row.entityType,
    entityId: row.entityId,
    student:
      row.studentId && row.studentFirstName !== null && row.studentLastName !== null
        ? { id: row.studentId, firstName: row.studentFirstName, lastName: row.studentLastName }
        : null,
    ip: row.ip,
    summary: summarizeDetails(row.details),
  }));
}

/** One event as the viewer and its export show it. */
export type AuditLogEntryRecord = Awaited<ReturnType<typeof toEntries>>[number];

/** Rows a statement reads for `personAuditEntries`: its events are all kept, a batch at a time. */
const PERSON_EVENTS_A_STATEMENT = 1000;

/**
 * Every event of the organisation about one of its people, newest first, as the viewer shows them, for the register
 * extract (GDPR art. 15); with `theirOwn`, also what their own account did, as the viewer's person filter has it.
 * Unlike the viewer's export, nothing is cut off: the events are read in batches along the same keyset.
 */
export async function personAuditEntries(
  ctx: RequestContext,
  organisationId: string,
  personId: string,
  { theirOwn }: { theirOwn: boolean },
): Promise<AuditLogEntryRecord[]> {
  const resolved = await resolveFilter(ctx, organisationId, { personId });
  const filter = theirOwn ? resolved : { ...resolved, personAccountId: null };
  const entries: AuditLogEntryRecord[] = [];
  let cursor: string | null = null;
  for (;;) {
    const rows = await eventRows(ctx, organisationId, filter, cursor, PERSON_EVENTS_A_STATEMENT);
    entries.push(...(await toEntries(ctx, rows)));
    const last = rows.at(-1);
    if (!last || rows.length < PERSON_EVENTS_A_STATEMENT) return entries;
    cursor = String(last.id);
  }
}

/** What the read's own audit row says it was about: the filter's person, if any. */
const readAbout = (person: AuditLogPerson | null) =>
  person
    ? { ...(person.kind === 'STUDENT' ? { studentId: person.id } : {}), entityType: PERSON_ENTITY[person.kind], entityId: person.id }
    : {};

export async function auditLog(
  ctx: RequestContext,
  filter: AuditLogFilterArgs | null | undefined,
  page: { cursor?: string | null; limit?: number | null } | null | undefined,
) {
  const { organisationId } = await requireAdministration(ctx);
  const limit = page?.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE_SIZE) {
    throw badInput(`page.limit must be 1–${MAX_AUDIT_PAGE_SIZE}`, 'page.limit');
  }
  const cursor = present(page?.cursor);
  if (cursor && !/^\d{1,18}$/.test(cursor)) throw badInput('Not a cursor of this list', 'page.cursor');
  const resolved = await resolveFilter(ctx, organisationId, filter);
  const rows = await eventRows(ctx, organisationId, resolved, cursor, limit + 1);
  const shown = rows.slice(0, limit);
  const entries = await toEntries(ctx, shown);
  await audit(ctx, 'auditLog.read', {
    ...readAbout(resolved.person),
    details: { filter: filterDetails(filter), ...(cursor ? { cursor } : {}), rows: entries.length },
  });
  return {
    entries,
    nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null,
    person: resolved.person,
  };
}

export async function auditLogExport(ctx: RequestContext, filter: AuditLogFilterArgs | null | undefined) {
  const { organisationId } = await requireAdministration(ctx);
  const resolved = await resolveFilter(ctx, organisationId, filter);
  const rows = await eventRows(ctx, organisationId, resolved, null, AUDIT_EXPORT_LIMIT + 1);
  const entries = await toEntries(ctx, rows.slice(0, AUDIT_EXPORT_LIMIT));
  const truncated = rows.length > AUDIT_EXPORT_LIMIT;
  await audit(ctx, 'auditLog.exported', {
    ...readAbout(resolved.person),
    details: { filter: filterDetails(filter), rows: entries.length, truncated },
  });
  return { entries, limit: AUDIT_EXPORT_LIMIT, truncated };
}

export async function auditLogActions(ctx: RequestContext): Promise<readonly string[]> {
  await requireAdministration(ctx);
  return AUDIT_LOG_ACTIONS;
}

/** The organisation's people matching every word of the search (or its id), a few of each kind, by name. */
export async function auditLogPeople(ctx: RequestContext, search: string): Promise<AuditLogPerson[]> {
  const { organisationId } = await requireAdministration(ctx);
  const text = search.trim();
  if (isId(text)) {
    const found = await personOf(ctx, organisationId, text);
    return found ? [found.person] : [];
  }
  const words = searchWords(text);
  if (words.join('').length < 2) return [];
  const name = (word: string) => [
    { firstName: { contains: word, mode: 'insensitive' as const } },
    { lastName: { contains: word, mode: 'insensitive' as const } },
  ];
  const number = (word: string) => {
    const part = identityNumberPart(word);
    return part ? [{ personalIdentityNumber: { contains: part } }] : [];
  };
  const orderBy = [{ lastName: 'asc' as const }, { firstName: 'asc' as const }, { id: 'asc' as const }];
  const today = inForceOn(dateValue(ctx.today));
  const students = await ctx.prisma.student.findMany({
    where: { organisationId, AND: words.map((word) => ({ OR: [...name(word), ...number(word)] })) },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      memberships: { where: { ...today, group: { kind: 'CLASS' } }, select: { group: { select: { name: true } } }, take: 1 },
    },
    orderBy,
    take: PEOPLE_A_KIND,
  });
  const guardians = await ctx.prisma.guardian.findMany({
    where: { organisationId, AND: words.map((word) => ({ OR: [...name(word), ...number(word)] })) },
    select: { id: true, firstName: true, lastName: true, ...CHILDREN },
    orderBy,
    take: PEOPLE_A_KIND,
  });
  const staff = await ctx.prisma.staff.findMany({
    where: {
      organisationId,
      AND: words.map((word) => ({ OR: [...name(word), { signature: { contains: word, mode: 'insensitive' as const } }] })),
    },
    select: { id: true, firstName: true, lastName: true, signature: true },
    orderBy,
    take: PEOPLE_A_KIND,
  });
  return [
    ...students.map(({ memberships, ...student }) => ({
      ...student,
      kind: 'STUDENT' as const,
      detail: memberships[0]?.group.name ?? null,
    })),
    ...guardians.map(guardianPerson),
    ...staff.map(({ signature, ...member }) => ({ ...member, kind: 'STAFF' as const, detail: signature })),
  ];
}
