// Consent at 18 (issue 15): the adult student gives or withdraws each guardian's access. The choice, its audit row and
// the message to that guardian are saved together; the access rules read consent on every request, so the change
// counts from the next one.
import { consentChanges, guardianConsentStates, isAdultOn, type ConsentWish, type GuardianConsentState } from '@insyn/domain';
import type { Prisma, PrismaClient } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { authorizeConsentManagement, authorizeStudent, isId } from '../access/access.service.ts';
import { audit } from '../audit/audit.service.ts';
import { consentText } from '../notifications/messages.ts';
import { guardianRecipient, messagesFor, queueMessages } from '../notifications/queue.ts';

export interface GuardianConsentRecord extends GuardianConsentState {
  firstName: string;
  lastName: string;
}

/** The student's guardians (one of them, if named) by name, with their state and history. */
async function consentStates(db: PrismaClient, studentId: string, guardianId?: string): Promise<GuardianConsentRecord[]> {
  const [guardianships, consents] = await Promise.all([
    db.guardianship.findMany({
      where: { studentId, ...(guardianId ? { guardianId } : {}) },
      select: { guardian: { select: { id: true, firstName: true, lastName: true } } },
      orderBy: [{ guardian: { lastName: 'asc' } }, { guardian: { firstName: 'asc' } }, { guardianId: 'asc' }],
    }),
    db.guardianConsent.findMany({
      where: { studentId, ...(guardianId ? { guardianId } : {}) },
      select: { guardianId: true, givenAt: true, withdrawnAt: true },
    }),
  ]);
  const states = guardianConsentStates(
    guardianships.map(({ guardian }) => guardian.id),
    consents.map((consent) => ({
      guardianId: consent.guardianId,
      givenAt: consent.givenAt.toISOString(),
      withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
    })),
  );
  return states.map((state, index) => {
    const { firstName, lastName } = (guardianships[index] as (typeof guardianships)[number]).guardian;
    return { ...state, firstName, lastName };
  });
}

export async function myGuardianConsents(ctx: RequestContext): Promise<GuardianConsentRecord[]> {
  const { student } = await authorizeConsentManagement(ctx);
  return consentStates(ctx.prisma, student.id);
}

/** Read-only, for those who see the student's guardians; from the same facts the access rules decide on. */
export async function guardianConsents(ctx: RequestContext, studentId: string): Promise<{ guardianId: string; given: boolean }[]> {
  const { student } = await authorizeStudent(ctx, studentId, 'student:readGuardianConsents');
  if (!isAdultOn(student.birthDate, ctx.today)) return [];
  return student.guardianIds.map((guardianId) => ({ guardianId, given: student.consentingGuardianIds.includes(guardianId) }));
}

export async function changeGuardianConsent(ctx: RequestContext, guardianId: string, wish: ConsentWish): Promise<GuardianConsentRecord> {
  const { student } = await authorizeConsentManagement(ctx);
  if (!isId(guardianId)) throw notFound('Guardian');
  const { firstName } = await ctx.prisma.student.findUniqueOrThrow({ where: { id: student.id }, select: { firstName: true } });
  const changed = await ctx.prisma.$transaction(async (tx) => {
    // Two requests for one guardian at once are decided one after the other, so a consent is given (and told) once.
    const guardianship = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM "Guardianship" WHERE "studentId" = ${student.id}::uuid AND "guardianId" = ${guardianId}::uuid FOR UPDATE`;
    if (guardianship.length === 0) throw notFound('Guardian');
    const inForce = await tx.guardianConsent.findMany({
      where: { studentId: student.id, guardianId, withdrawnAt: null },
      select: { id: true },
      orderBy: { givenAt: 'desc' },
    });
    if (!consentChanges({ given: inForce.length > 0 }, wish)) return false;
    const consentId = wish === 'GIVE' ? await give(tx, ctx.now, student.id, guardianId) : await withdraw(tx, ctx.now, inForce);
    await audit({ prisma: tx, ip: ctx.ip, auth: ctx.auth }, wish === 'GIVE' ? 'consent.given' : 'consent.withdrawn', {
      studentId: student.id,
      entityType: 'Guardian',
      entityId: guardianId,
      details: { consentId },
    });
    // By the channels the guardian chose, if any; a withdrawn guardian is told too, though they no longer see the student.
    const recipient = await guardianRecipient(tx, guardianId);
    if (recipient) {
      const given = wish === 'GIVE';
      const key = `consent:${consentId}:${given ? 'given' : 'withdrawn'}`;
      const kind = given ? 'CONSENT_GIVEN' : 'CONSENT_WITHDRAWN';
      await queueMessages(
        tx,
        ctx.now,
        messagesFor(key, kind, student.id, recipient, (locale) => consentText(locale, firstName, given)),
      );
    }
    return true;
  });
  if (changed) ctx.wakeDelivery();
  return (await consentStates(ctx.prisma, student.id, guardianId))[0] as GuardianConsentRecord;
}

async function give(tx: Prisma.TransactionClient, now: Date, studentId: string, guardianId: string): Promise<string> {
  return (await tx.guardianConsent.create({ data: { studentId, guardianId, givenAt: now }, select: { id: true } })).id;
}

/** Ends every consent in force (there is one, unless older data has more); the newest names the change. */
async function withdraw(tx: Prisma.TransactionClient, now: Date, inForce: readonly { id: string }[]): Promise<string> {
  await tx.guardianConsent.updateMany({ where: { id: { in: inForce.map((consent) => consent.id) } }, data: { withdrawnAt: now } });
  return (inForce[0] as { id: string }).id;
}
