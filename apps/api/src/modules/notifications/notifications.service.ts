// Guardians' contact choices (set by themselves, or by staff on their behalf) and the
// administrators' view of messages sent home.
import { checkContactChoices, type ContactChoices } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { administeredOrganisationIds, authorizeStudent, isId } from '../access/access.service.ts';
import { requireGuardianViewer, requireViewer } from '../access/viewer.ts';
import { audit } from '../audit/audit.service.ts';
import { deliveryTimes } from './queue.ts';

/** The choices, and whether e-mail may come during the school's quiet hours (left as it is when not given). */
type ContactInput = ContactChoices & { emailDuringQuietHours?: boolean | null };

const preferencesSelect = {
  id: true,
  firstName: true,
  lastName: true,
  mobilePhone: true,
  email: true,
  notifyBySms: true,
  notifyByEmail: true,
  emailDuringQuietHours: true,
  messageLocale: true,
  preferencesChangedAt: true,
  preferencesChangedById: true,
  account: { select: { id: true } },
} satisfies Prisma.GuardianSelect;

export type ContactPreferencesRecord = Prisma.GuardianGetPayload<{ select: typeof preferencesSelect }>;

async function requireGuardianId(ctx: RequestContext): Promise<string> {
  return (await requireGuardianViewer(ctx)).facts.guardianId;
}

export async function myContactPreferences(ctx: RequestContext): Promise<ContactPreferencesRecord> {
  const guardianId = await requireGuardianId(ctx);
  return ctx.prisma.guardian.findUniqueOrThrow({ where: { id: guardianId }, select: preferencesSelect });
}

async function save(ctx: RequestContext, guardianId: string, input: ContactInput, studentId?: string): Promise<ContactPreferencesRecord> {
  const checked = checkContactChoices(input);
  if (!checked.ok) {
    throw appError(
      'BAD_USER_INPUT',
      `The contact choices were not saved: ${checked.problems.map((p) => `${p.field} ${p.code}`).join(', ')}`,
      {
        problems: checked.problems,
      },
    );
  }
  const viewer = await requireViewer(ctx);
  const { value } = checked;
  const saved = await ctx.prisma.guardian.update({
    where: { id: guardianId },
    data: {
      notifyBySms: value.bySms,
      notifyByEmail: value.byEmail,
      emailDuringQuietHours: input.emailDuringQuietHours ?? undefined,
      mobilePhone: value.mobilePhone,
      email: value.email,
      messageLocale: value.locale,
      preferencesChangedAt: ctx.now,
      preferencesChangedById: viewer.userId,
    },
    select: preferencesSelect,
  });
  await audit(ctx, 'contact.changed', {
    entityType: 'Guardian',
    entityId: guardianId,
    ...(studentId ? { studentId } : {}),
    details: {
      bySms: value.bySms,
      byEmail: value.byEmail,
      emailDuringQuietHours: saved.emailDuringQuietHours,
      locale: value.locale,
      byStaff: viewer.facts.kind === 'STAFF',
    },
  });
  return saved;
}

export async function updateMyContactPreferences(ctx: RequestContext, input: ContactInput): Promise<ContactPreferencesRecord> {
  return save(ctx, await requireGuardianId(ctx), input);
}

/** A student's guardians, for staff who keep in touch with the home (mentor, principal, administrator). */
export async function guardianContacts(ctx: RequestContext, studentId: string): Promise<ContactPreferencesRecord[]> {
  await authorizeStudent(ctx, studentId, 'student:manageGuardianContacts');
  const guardianships = await ctx.prisma.guardianship.findMany({
    where: { studentId },
    select: { guardian: { select: preferencesSelect } },
    orderBy: { guardian: { lastName: 'asc' } },
  });
  return guardianships.map(({ guardian }) => guardian);
}

export async function updateGuardianContactPreferences(
  ctx: RequestContext,
  studentId: string,
  guardianId: string,
  input: ContactInput,
): Promise<ContactPreferencesRecord> {
  await authorizeStudent(ctx, studentId, 'student:manageGuardianContacts');
  if (!isId(guardianId)) throw notFound('Guardian');
  const guardianship = await ctx.prisma.guardianship.findUnique({ where: { studentId_guardianId: { studentId, guardianId } } });
  if (!guardianship) throw notFound('Guardian');
  return save(ctx, guardianId, input, studentId);
}

/** Whether the last change came from staff rather than from the guardian's own account. */
export const changedByStaff = (record: ContactPreferencesRecord): boolean =>
  record.preferencesChangedById !== null && record.preferencesChangedById !== record.account?.id;

/** The messages an administrator may see: those about the students of the organisations they administer. */
async function administeredMessages(ctx: RequestContext): Promise<Prisma.OutboundMessageWhereInput> {
  const organisationIds = administeredOrganisationIds(await requireViewer(ctx), ctx.today);
  if (organisationIds.length === 0) throw appError('FORBIDDEN', 'For administrators');
  return { student: { school: { organisationId: { in: organisationIds } } } };
}

const messageSelect = {
  id: true,
  kind: true,
  channel: true,
  recipient: true,
  subject: true,
  body: true,
  status: true,
  attempts: true,
  lastError: true,
  provider: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
  guardian: { select: { firstName: true, lastName: true } },
  student: { select: { firstName: true, lastName: true } },
} satisfies Prisma.OutboundMessageSelect;

export type OutboundMessageRecord = Prisma.OutboundMessageGetPayload<{ select: typeof messageSelect }>;

export async function outbox(
  ctx: RequestContext,
  args: { status?: 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | null; limit?: number | null; offset?: number | null },
) {
  const administered = await administeredMessages(ctx);
  const limit = args.limit ?? 50;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw appError('BAD_USER_INPUT', 'limit must be 1–200', { field: 'limit' });
  if (!Number.isInteger(offset) || offset < 0) throw appError('BAD_USER_INPUT', 'offset must be 0 or more', { field: 'offset' });
  const where = { ...administered, ...(args.status ? { status: args.status } : {}) };
  const [messages, totalCount, failedCount] = await Promise.all([
    ctx.prisma.outboundMessage.findMany({
      where,
      select: messageSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: limit,
      skip: offset,
    }),
    ctx.prisma.outboundMessage.count({ where }),
    ctx.prisma.outboundMessage.count({ where: { ...administered, status: 'FAILED' } }),
  ]);
  return {
    messages,
    totalCount,
    failedCount,
    smsProviderConfigured: ctx.config.notifications.sms !== undefined,
    emailProviderConfigured: ctx.config.notifications.smtp !== undefined,
  };
}

export async function retryMessage(ctx: RequestContext, id: string): Promise<OutboundMessageRecord> {
  const administered = await administeredMessages(ctx);
  if (!isId(id)) throw notFound('Message');
  // The answer is the message as the retry left it: read in the same transaction, before a delivery worker can claim
  // it (the worker skips rows locked by the update), not after a worker has already started sending it.
  const message = await ctx.prisma.$transaction(async (tx) => {
    const retried = await tx.outboundMessage.findFirst({
      where: { ...administered, id },
      select: { kind: true, channel: true, guardianId: true, studentId: true },
    });
    // Retried in the quiet hours, an absence SMS waits for the morning as a new one would.
    const sendAt = retried ? (await deliveryTimes(tx, ctx.now, [retried]))(retried) : ctx.now;
    const updated = await tx.outboundMessage.updateMany({
      where: { ...administered, id, status: 'FAILED' },
      data: { status: 'QUEUED', attempts: 0, nextAttemptAt: sendAt, lockedUntil: null },
    });
    const found = await tx.outboundMessage.findFirst({ where: { ...administered, id }, select: messageSelect });
    if (!found) throw notFound('Message');
    if (updated.count === 0) throw appError('BAD_USER_INPUT', 'Only a message that gave up can be retried', { problems: ['NOT_FAILED'] });
    await audit({ ...ctx, prisma: tx }, 'message.retried', { entityType: 'OutboundMessage', entityId: id });
    return found;
  });
  ctx.wakeDelivery();
  return message;
}
