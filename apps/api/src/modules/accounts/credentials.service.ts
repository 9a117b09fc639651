// Who gets a letter with an activation code, and who gets a slip on their mentor's class sheet. The school
// letter says it: guardians' credentials are sent home by post, students get theirs through their mentor.
import { guardianMaySee } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { authorizeGroup, authorizeSchool } from '../access/access.service.ts';
import { dateValue, inForceOn } from '../access/validity.ts';
import { isoDate } from '../access/viewer.ts';
import { audit } from '../audit/audit.service.ts';
import { recordChanges } from '../administration/administration.changes.ts';
import { ensureAccounts, issueActivationCodes } from './accounts.service.ts';

export interface GuardianLetterChoice {
  schoolId: string;
  /** one class of the school; none: the whole school */
  groupId?: string | null;
  /** leave out guardians who have already chosen a password */
  onlyWithoutActivatedAccount: boolean;
}

/** Why a guardian gets no letter: the school handles them another way. */
export type SkipReason = 'PROTECTED_IDENTITY' | 'NO_ADDRESS' | 'ADULT_CHILD_WITHOUT_CONSENT';

interface ChosenGuardian {
  id: string;
  firstName: string;
  lastName: string;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  protectedIdentity: boolean;
  /** first names of the children at the school the guardian may follow */
  children: string[];
}

export interface GuardianLetterPlan {
  schoolName: string;
  recipients: ChosenGuardian[];
  skipped: { guardianId: string; name: string; reason: SkipReason }[];
}

export interface Credential {
  username: string;
  code: string;
}

/** The guardians a letter batch reaches, and those it leaves to the school; writes nothing. */
export async function planGuardianLetters(ctx: RequestContext, choice: GuardianLetterChoice): Promise<GuardianLetterPlan> {
  const { school } = await authorizeSchool(ctx, choice.schoolId, 'school:issueCredentials');
  if (choice.groupId) {
    const { group } = await authorizeGroup(ctx, choice.groupId, 'group:issueCredentials');
    // A class of another school is as unknown here as a class that does not exist.
    if (group.schoolId !== school.id || group.kind !== 'CLASS') throw notFound('Class');
  }
  const today = dateValue(ctx.today);
  const students = await ctx.prisma.student.findMany({
    where: {
      schoolId: school.id,
      memberships: { some: { ...inForceOn(today), ...(choice.groupId ? { groupId: choice.groupId } : { group: { kind: 'CLASS' } }) } },
    },
    select: {
      id: true,
      firstName: true,
      birthDate: true,
      guardianships: { select: { guardian: { include: { account: { select: { activatedAt: true } } } } } },
      consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
    },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });

  const guardians = new Map<string, ChosenGuardian & { activated: boolean; mayFollow: boolean }>();
  for (const student of students) {
    const facts = {
      birthDate: isoDate(student.birthDate),
      guardianIds: student.guardianships.map(({ guardian }) => guardian.id),
      consentingGuardianIds: student.consents.map((consent) => consent.guardianId),
    };
    for (const { guardian } of student.guardianships) {
      const entry = guardians.get(guardian.id) ?? {
        id: guardian.id,
        firstName: guardian.firstName,
        lastName: guardian.lastName,
        streetAddress: guardian.streetAddress,
        postalCode: guardian.postalCode,
        city: guardian.city,
        protectedIdentity: guardian.protectedIdentity,
        children: [],
        activated: guardian.account?.activatedAt != null,
        mayFollow: false,
      };
      if (guardianMaySee(facts, guardian.id, ctx.today)) {
        entry.children.push(student.firstName);
        entry.mayFollow = true;
      }
      guardians.set(guardian.id, entry);
    }
  }

  const plan: GuardianLetterPlan = { schoolName: school.name, recipients: [], skipped: [] };
  const byName = [...guardians.values()].sort(
    (a, b) => a.lastName.localeCompare(b.lastName, 'sv') || a.firstName.localeCompare(b.firstName, 'sv'),
  );
  for (const { activated, mayFollow, ...guardian } of byName) {
    if (choice.onlyWithoutActivatedAccount && activated) continue;
    const skip = (reason: SkipReason) =>
      plan.skipped.push({ guardianId: guardian.id, name: `${guardian.firstName} ${guardian.lastName}`, reason });
    if (!mayFollow) skip('ADULT_CHILD_WITHOUT_CONSENT');
    else if (guardian.protectedIdentity) skip('PROTECTED_IDENTITY');
    else if (!guardian.streetAddress || !guardian.postalCode || !guardian.city) skip('NO_ADDRESS');
    else plan.recipients.push(guardian);
  }
  return plan;
}

/**
 * Issues the letters' codes: an account for each guardian who has none, a new code for each (voiding any
 * earlier), and one audit row naming who issued them, when and for whom; all in one transaction.
 */
export async function issueGuardianLetters(
  ctx: RequestContext,
  choice: GuardianLetterChoice,
): Promise<GuardianLetterPlan & { credentials: Map<string, Credential> }> {
  const plan = await planGuardianLetters(ctx, choice);
  if (plan.recipients.length === 0) throw appError('BAD_USER_INPUT', 'No guardian to send a letter to', { field: 'groupId' });
  const credentials = await issueCredentials(
    ctx,
    plan.recipients.map((guardian) => ({ kind: 'GUARDIAN' as const, ...guardian })),
    { kind: 'GUARDIAN_LETTERS', schoolId: choice.schoolId, groupId: choice.groupId ?? null },
  );
  return { ...plan, credentials };
}

export interface ClassSheet {
  className: string;
  schoolName: string;
  students: { id: string; firstName: string; lastName: string }[];
  credentials: Map<string, Credential>;
}

/** The mentor's class sheet: every student of the class today, each with a new code. */
export async function issueClassSheet(ctx: RequestContext, groupId: string): Promise<ClassSheet> {
  const { group: facts } = await authorizeGroup(ctx, groupId, 'group:issueCredentials');
  if (facts.kind !== 'CLASS') throw notFound('Class');
  const group = await ctx.prisma.group.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      name: true,
      school: { select: { name: true } },
      memberships: {
        where: inForceOn(dateValue(ctx.today)),
        select: { student: { select: { id: true, firstName: true, lastName: true } } },
      },
    },
  });
  const students = group.memberships
    .map(({ student }) => student)
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'sv') || a.firstName.localeCompare(b.firstName, 'sv'));
  if (students.length === 0) throw appError('BAD_USER_INPUT', 'The class has no students today', { field: 'groupId' });
  const credentials = await issueCredentials(
    ctx,
    students.map((student) => ({ kind: 'STUDENT' as const, ...student })),
    { kind: 'CLASS_SHEET', schoolId: facts.schoolId, groupId },
  );
  return { className: group.name, schoolName: group.school.name, students, credentials };
}

async function issueCredentials(
  ctx: RequestContext,
  people: { kind: 'GUARDIAN' | 'STUDENT'; id: string; firstName: string; lastName: string }[],
  batch: { kind: 'GUARDIAN_LETTERS' | 'CLASS_SHEET'; schoolId: string; groupId: string | null },
): Promise<Map<string, Credential>> {
  const issuedById = ctx.auth?.userId;
  if (!issuedById) throw appError('UNAUTHENTICATED', 'Log in to continue');
  return ctx.prisma.$transaction(async (tx) => {
    const { accounts, changes } = await ensureAccounts(tx, people);
    await recordChanges({ ...ctx, prisma: tx }, changes);
    const userIds = people.map((person) => accounts.get(person.id)!.userId);
    const codes = await issueActivationCodes(tx, userIds, issuedById, ctx.now);
    await audit({ ...ctx, prisma: tx }, 'account.credentialsIssued', {
      entityType: batch.kind,
      entityId: batch.groupId ?? batch.schoolId,
      details: { ...batch, people: people.map((person) => ({ kind: person.kind, id: person.id })) },
    });
    return new Map(
      people.map((person) => {
        const account = accounts.get(person.id)!;
        return [person.id, { username: account.username, code: codes.get(account.userId)! }];
      }),
    );
  });
}
