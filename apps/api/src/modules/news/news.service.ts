// News (issue 6): the principal, a mentor or a teacher informs a school's, class's or group's guardians and/or
// students. The post is written with its audit row and the e-mails to guardians who chose e-mail, in one
// transaction; readers mark it read when they open it, and the sender follows who has. Who a post reaches is
// worked out when asked, from today's memberships, guardianships and consents (rule 2), not stored.
import {
  checkNewsPost,
  mayFollowNews,
  mayPostNews,
  newsReachesGuardian,
  newsReachesStudent,
  studentInAudience,
  type NewsAudience,
  type NewsProblem,
  type StudentFacts,
} from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { administeredOrganisationIds, currentDuties, isId, loadGroupFacts, ownStudents, schoolFacts } from '../access/access.service.ts';
import { isoDate, requireStaffViewer, requireViewer, type Viewer } from '../access/viewer.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { audit } from '../audit/audit.service.ts';
import { newsText } from '../notifications/messages.ts';
import { messagesFor, queueMessages, recipientsOf, type NewMessage } from '../notifications/queue.ts';
import { unnameablePeople, type UnnameablePeople } from '../access/protected-identity.ts';

const MAX_LISTED = 100;
const person = { select: { firstName: true, lastName: true } } as const;
const fullName = (someone: { firstName: string; lastName: string }) => `${someone.firstName} ${someone.lastName}`;
/** Names and group names sort the Swedish way, with 7B before 10A. */
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

const postSelect = {
  id: true,
  schoolId: true,
  groupId: true,
  toGuardians: true,
  toStudents: true,
  title: true,
  body: true,
  publishedAt: true,
  authorStaffId: true,
  author: person,
  school: { select: { name: true, organisationId: true } },
  group: { select: { name: true, kind: true } },
} satisfies Prisma.NewsPostSelect;

type PostRow = Prisma.NewsPostGetPayload<{ select: typeof postSelect }>;

export type NewsTargetKind = 'SCHOOL' | 'CLASS' | 'TEACHING';

export interface NewsTargetRecord {
  schoolId: string;
  groupId: string | null;
  kind: NewsTargetKind;
  name: string;
}

export interface NewsItemRecord {
  id: string;
  title: string;
  body: string;
  publishedAt: string;
  author: string;
  target: NewsTargetRecord;
  readAt: string | null;
  children: { id: string; firstName: string }[];
}

export interface NewsRecipientRecord {
  id: string;
  name: string;
  role: 'GUARDIAN' | 'STUDENT';
  children: string[];
  readAt: string | null;
}

export interface SentNewsRecord {
  id: string;
  title: string;
  body: string;
  publishedAt: string;
  author: string;
  target: NewsTargetRecord;
  toGuardians: boolean;
  toStudents: boolean;
  recipientCount: number;
  readCount: number;
  recipients: NewsRecipientRecord[];
}

const targetOf = (row: PostRow): NewsTargetRecord => ({
  schoolId: row.schoolId,
  groupId: row.groupId,
  kind: row.group?.kind ?? 'SCHOOL',
  name: row.group?.name ?? row.school.name,
});

const audienceOf = (row: Pick<PostRow, 'schoolId' | 'groupId' | 'toGuardians' | 'toStudents'>): NewsAudience => ({
  schoolId: row.schoolId,
  groupId: row.groupId,
  toGuardians: row.toGuardians,
  toStudents: row.toStudents,
});

interface AudienceStudent {
  facts: StudentFacts;
  firstName: string;
  name: string;
  userId: string | null;
  guardians: { id: string; name: string; userId: string | null }[];
}

/** The school's students who belong to a group today, or the group's members today, with their guardians. */
async function studentsOf(ctx: RequestContext, target: { schoolId: string; groupId: string | null }): Promise<AudienceStudent[]> {
  const day = dateValue(ctx.today);
  const account = { select: { id: true } } as const;
  const rows = await ctx.prisma.student.findMany({
    where: target.groupId
      ? { memberships: { some: { groupId: target.groupId, ...inForceOn(day) } } }
      : { schoolId: target.schoolId, memberships: { some: inForceOn(day) } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      schoolId: true,
      school: { select: { organisationId: true } },
      account,
      memberships: { where: inForceOn(day), select: { groupId: true } },
      consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
      guardianships: { select: { guardian: { select: { id: true, firstName: true, lastName: true, account } } } },
    },
  });
  return rows.map((row) => ({
    facts: {
      id: row.id,
      birthDate: isoDate(row.birthDate),
      schoolId: row.schoolId,
      organisationId: row.school.organisationId,
      groupIds: row.memberships.map((membership) => membership.groupId),
      guardianIds: row.guardianships.map(({ guardian }) => guardian.id),
      consentingGuardianIds: row.consents.map((consent) => consent.guardianId),
    },
    firstName: row.firstName,
    name: fullName(row),
    userId: row.account?.id ?? null,
    guardians: row.guardianships.map(({ guardian }) => ({
      id: guardian.id,
      name: fullName(guardian),
      userId: guardian.account?.id ?? null,
    })),
  }));
}

/**
 * Everyone the post reaches today, by name; a guardian once, with the children they receive it through. The
 * `unnameable` (rule 9) are left out, and a protected child is not named among a guardian's children.
 */
function postRecipients(
  audience: NewsAudience,
  students: readonly AudienceStudent[],
  today: string,
  unnameable: UnnameablePeople = { students: new Set(), guardians: new Set() },
): (Omit<NewsRecipientRecord, 'readAt'> & { userId: string | null })[] {
  const studentRecipients = students
    .filter((student) => newsReachesStudent(audience, student.facts) && !unnameable.students.has(student.facts.id))
    .map((student) => ({ id: student.facts.id, name: student.name, role: 'STUDENT' as const, children: [], userId: student.userId }));
  const guardians = new Map<string, { id: string; name: string; role: 'GUARDIAN'; children: string[]; userId: string | null }>();
  for (const student of students) {
    for (const guardian of student.guardians) {
      if (!newsReachesGuardian(audience, student.facts, guardian.id, today) || unnameable.guardians.has(guardian.id)) continue;
      const known = guardians.get(guardian.id) ?? { ...guardian, role: 'GUARDIAN' as const, children: [] };
      if (!unnameable.students.has(student.facts.id)) known.children.push(student.firstName);
      guardians.set(guardian.id, known);
    }
  }
  return [...studentRecipients, ...guardians.values()].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** Posts with their recipients and reads; the audience of each school or group is read once. */
async function toSentRecords(ctx: RequestContext, rows: PostRow[]): Promise<SentNewsRecord[]> {
  const viewer = await requireViewer(ctx);
  const audiences = new Map<string, Promise<AudienceStudent[]>>();
  const studentsFor = (row: PostRow) => {
    const key = row.groupId ?? row.schoolId;
    const found = audiences.get(key) ?? studentsOf(ctx, row);
    audiences.set(key, found);
    return found;
  };
  const reads = await ctx.prisma.newsRead.findMany({
    where: { postId: { in: rows.map((row) => row.id) } },
    select: { postId: true, userId: true, readAt: true },
  });
  const readAt = new Map(reads.map((read) => [`${read.postId}:${read.userId}`, read.readAt.toISOString()]));
  return Promise.all(
    rows.map(async (row) => {
      const students = await studentsFor(row);
      const withReads = (list: ReturnType<typeof postRecipients>) =>
        list.map(({ userId, ...recipient }) => ({ ...recipient, readAt: userId ? (readAt.get(`${row.id}:${userId}`) ?? null) : null }));
      // Everyone reached is counted; those the viewer may not name are left out of the list.
      const reached = withReads(postRecipients(audienceOf(row), students, ctx.today));
      const unnameable = await unnameablePeople(ctx, viewer, {
        studentIds: students.map((student) => student.facts.id),
        guardianIds: students.flatMap((student) => student.guardians.map((guardian) => guardian.id)),
      });
      const recipients = withReads(postRecipients(audienceOf(row), students, ctx.today, unnameable));
      return {
        id: row.id,
        title: row.title,
        body: row.body,
        publishedAt: row.publishedAt.toISOString(),
        author: fullName(row.author),
        target: targetOf(row),
        toGuardians: row.toGuardians,
        toStudents: row.toStudents,
        recipientCount: reached.length,
        readCount: reached.filter((recipient) => recipient.readAt !== null).length,
        recipients,
      };
    }),
  );
}

/** Where the viewer may post: schools first, then classes, then teaching groups, each by name; groups with members today. */
export async function newsTargets(ctx: RequestContext): Promise<NewsTargetRecord[]> {
  const viewer = await requireStaffViewer(ctx);
  const duties = currentDuties(viewer, ctx.today);
  const administered = administeredOrganisationIds(viewer, ctx.today);
  const principalOf = duties.flatMap((duty) => (duty.kind === 'PRINCIPAL' && duty.schoolId ? [duty.schoolId] : []));
  const groupIds = duties.flatMap((duty) => (duty.kind !== 'PRINCIPAL' && duty.groupId ? [duty.groupId] : []));
  const [schools, groupRows] = await Promise.all([
    ctx.prisma.school.findMany({
      where: { OR: [{ id: { in: principalOf } }, { organisationId: { in: administered } }] },
      select: { id: true, name: true, organisationId: true },
    }),
    ctx.prisma.group.findMany({
      where: {
        OR: [{ schoolId: { in: principalOf } }, { id: { in: groupIds } }, { school: { organisationId: { in: administered } } }],
        memberships: { some: inForceOn(dateValue(ctx.today)) },
      },
      select: { id: true, schoolId: true, kind: true, name: true, school: { select: { organisationId: true } } },
    }),
  ]);
  const groups = groupRows.map(({ school, ...group }) => ({ ...group, organisationId: school.organisationId }));
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  return [
    ...schools
      .filter((school) => mayPostNews(viewer.facts, { ...schoolFacts(school), group: null }, ctx.today))
      .sort(byName)
      .map((school) => ({ schoolId: school.id, groupId: null, kind: 'SCHOOL' as const, name: school.name })),
    ...groups
      .filter((group) => mayPostNews(viewer.facts, { schoolId: group.schoolId, organisationId: group.organisationId, group }, ctx.today))
      .sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'CLASS' ? -1 : 1))
      .map((group) => ({ schoolId: group.schoolId, groupId: group.id, kind: group.kind, name: group.name })),
  ];
}

/** Posts the viewer wrote, and for a principal the school's, for administrators their organisation's; newest first. */
export async function sentNews(ctx: RequestContext): Promise<SentNewsRecord[]> {
  const viewer = await requireStaffViewer(ctx);
  const duties = currentDuties(viewer, ctx.today);
  const principalOf = duties.flatMap((duty) => (duty.kind === 'PRINCIPAL' && duty.schoolId ? [duty.schoolId] : []));
  const rows = await ctx.prisma.newsPost.findMany({
    where: {
      OR: [
        { authorStaffId: viewer.facts.staffId },
        { schoolId: { in: principalOf } },
        { school: { organisationId: { in: administeredOrganisationIds(viewer, ctx.today) } } },
      ],
    },
    select: postSelect,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: MAX_LISTED,
  });
  // The query narrows; the rule decides, as for one post.
  const followed = rows.filter((row) => mayFollowNews(viewer.facts, { ...row, organisationId: row.school.organisationId }, ctx.today));
  const records = await toSentRecords(ctx, followed);
  // The list names everyone each post reached: one audit row for the read, naming the people shown.
  const named = (role: 'STUDENT' | 'GUARDIAN') => [
    ...new Set(
      records.flatMap((record) => record.recipients.filter((recipient) => recipient.role === role).map((recipient) => recipient.id)),
    ),
  ];
  if (records.length > 0) {
    await audit(ctx, 'news.recipientsRead', {
      entityType: 'NewsPost',
      details: { postIds: records.map((record) => record.id), studentIds: named('STUDENT'), guardianIds: named('GUARDIAN') },
    });
  }
  return records;
}

export async function newsPost(ctx: RequestContext, id: string): Promise<SentNewsRecord> {
  const viewer = await requireViewer(ctx);
  if (!isId(id)) throw notFound('News post');
  const row = await ctx.prisma.newsPost.findUnique({ where: { id }, select: postSelect });
  if (!row || !mayFollowNews(viewer.facts, { ...row, organisationId: row.school.organisationId }, ctx.today)) {
    throw notFound('News post');
  }
  // The list names students and guardians: reading it is logged like a class list.
  await audit(ctx, 'news.recipientsRead', { entityType: 'NewsPost', entityId: id });
  return (await toSentRecords(ctx, [row]))[0] as SentNewsRecord;
}

/** The posts that reach a guardian or student through `students` (their children, or themself), newest first. */
async function readerNews(
  ctx: RequestContext,
  viewer: Viewer,
  students: readonly StudentFacts[],
  only?: string,
): Promise<NewsItemRecord[]> {
  const guardianId = viewer.facts.kind === 'GUARDIAN' ? viewer.facts.guardianId : null;
  if (students.length === 0) return [];
  const [rows, names] = await Promise.all([
    ctx.prisma.newsPost.findMany({
      where: {
        ...(only ? { id: only } : {}),
        ...(guardianId ? { toGuardians: true } : { toStudents: true }),
        OR: [
          { groupId: null, schoolId: { in: [...new Set(students.map((student) => student.schoolId))] } },
          { groupId: { in: [...new Set(students.flatMap((student) => student.groupIds))] } },
        ],
      },
      select: { ...postSelect, reads: { where: { userId: viewer.userId }, select: { readAt: true } } },
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      take: MAX_LISTED,
    }),
    ctx.prisma.student.findMany({ where: { id: { in: students.map((student) => student.id) } }, select: { id: true, firstName: true } }),
  ]);
  const firstNames = new Map(names.map((student) => [student.id, student.firstName]));
  return rows.flatMap((row) => {
    const audience = audienceOf(row);
    const through = students.filter((student) =>
      guardianId ? newsReachesGuardian(audience, student, guardianId, ctx.today) : newsReachesStudent(audience, student),
    );
    if (through.length === 0) return [];
    return [
      {
        id: row.id,
        title: row.title,
        body: row.body,
        publishedAt: row.publishedAt.toISOString(),
        author: fullName(row.author),
        target: targetOf(row),
        readAt: row.reads[0]?.readAt.toISOString() ?? null,
        children: guardianId ? through.map((student) => ({ id: student.id, firstName: firstNames.get(student.id) ?? '' })) : [],
      },
    ];
  });
}

/** A guardian's children (one of them if named) or the student themself; staff read no news here. */
async function readerStudents(ctx: RequestContext, viewer: Viewer, studentId: string | null | undefined): Promise<StudentFacts[]> {
  if (viewer.facts.kind === 'STAFF') return [];
  const own = await ownStudents(ctx, viewer);
  if (studentId === null || studentId === undefined) return own;
  const chosen = own.filter((student) => student.id === studentId);
  if (chosen.length === 0) throw notFound('Student');
  return chosen;
}

export async function myNews(ctx: RequestContext, studentId?: string | null): Promise<NewsItemRecord[]> {
  const viewer = await requireViewer(ctx);
  return readerNews(ctx, viewer, await readerStudents(ctx, viewer, studentId));
}

export async function markNewsRead(ctx: RequestContext, id: string): Promise<NewsItemRecord> {
  const viewer = await requireViewer(ctx);
  if (!isId(id)) throw notFound('News post');
  const students = await readerStudents(ctx, viewer, null);
  if (!(await readerNews(ctx, viewer, students, id))[0]) throw notFound('News post');
  // The first opening counts; opening again keeps that time.
  await ctx.prisma.newsRead.createMany({ data: [{ postId: id, userId: viewer.userId, readAt: ctx.now }], skipDuplicates: true });
  return (await readerNews(ctx, viewer, students, id))[0] as NewsItemRecord;
}

export interface NewsPostInput {
  schoolId: string;
  groupId?: string | null;
  toGuardians: boolean;
  toStudents: boolean;
  title: string;
  body: string;
}

const refused = (problems: NewsProblem[]) =>
  appError('BAD_USER_INPUT', `The news post was not published: ${problems.join(', ')}`, { problems });

export async function postNews(ctx: RequestContext, input: NewsPostInput): Promise<SentNewsRecord> {
  const viewer = await requireStaffViewer(ctx);
  const groupId = input.groupId ?? null;
  if (!isId(input.schoolId) || (groupId !== null && !isId(groupId))) throw notFound('School');
  const [school, group] = await Promise.all([
    ctx.prisma.school.findUnique({ where: { id: input.schoolId }, select: { id: true, name: true, organisationId: true } }),
    groupId ? loadGroupFacts(ctx, [groupId]).then(([facts]) => facts ?? null) : null,
  ]);
  // One refusal for a missing target and a forbidden one, so that probing ids reveals nothing.
  const refusal = notFound(groupId === null ? 'School' : 'Group');
  if (!school || (groupId !== null && !group)) throw refusal;
  if (!mayPostNews(viewer.facts, { ...schoolFacts(school), group }, ctx.today)) throw refusal;
  const groupName = group ? (await ctx.prisma.group.findUniqueOrThrow({ where: { id: group.id }, select: { name: true } })).name : null;
  const problems = checkNewsPost(input);
  if (problems.length > 0) throw refused(problems);
  const audience: NewsAudience = { schoolId: school.id, groupId, toGuardians: input.toGuardians, toStudents: input.toStudents };
  const students = await studentsOf(ctx, audience);
  const recipientCount = postRecipients(audience, students, ctx.today).length;
  if (recipientCount === 0) throw refused(['NO_RECIPIENTS']);
  const { staffId } = viewer.facts;
  const content = { title: input.title.trim(), body: input.body.trim() };
  const targetName = groupName ? `${groupName}, ${school.name}` : school.name;
  // The post, its audit row and the e-mails home: all or nothing.
  const id = await ctx.prisma.$transaction(async (tx) => {
    const post = await tx.newsPost.create({
      data: { ...audience, ...content, authorStaffId: staffId, publishedAt: ctx.now },
      select: { id: true },
    });
    await audit({ prisma: tx, ip: ctx.ip, auth: ctx.auth }, 'news.posted', {
      entityType: 'NewsPost',
      entityId: post.id,
      details: { schoolId: school.id, groupId, toGuardians: input.toGuardians, toStudents: input.toStudents, recipientCount },
    });
    if (input.toGuardians) {
      // recipientsOf applies rule 2 and the guardians' choices; news goes by e-mail only, once per guardian,
      // filed under the first of their children it reaches them through.
      const inAudience = students.filter((student) => studentInAudience(audience, student.facts)).map((student) => student.facts.id);
      const told = new Set<string>();
      const messages: NewMessage[] = [];
      for (const [studentId, guardians] of await recipientsOf(tx, inAudience, ctx.today)) {
        for (const guardian of guardians) {
          if (!guardian.email || told.has(guardian.guardianId)) continue;
          told.add(guardian.guardianId);
          messages.push(
            ...messagesFor(`news:${post.id}`, 'NEWS', studentId, { ...guardian, sms: null }, (locale) =>
              newsText(locale, { ...content, targetName, authorName: viewer.displayName }, ctx.config.notifications),
            ),
          );
        }
      }
      await queueMessages(tx, ctx.now, messages);
    }
    return post.id;
  });
  ctx.wakeDelivery();
  const row = await ctx.prisma.newsPost.findUniqueOrThrow({ where: { id }, select: postSelect });
  return (await toSentRecords(ctx, [row]))[0] as SentNewsRecord;
}
