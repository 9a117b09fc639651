import type { DutyFacts, ViewerFacts } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { unauthenticated } from '../../errors.ts';

export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  locale: 'sv' | 'en';
  facts: ViewerFacts;
}

export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The logged-in user with the facts access decisions need, read fresh on every request: a
 * duty that ended or a revoked session counts at once, whatever the token still says.
 */
export function requireViewer(ctx: RequestContext): Promise<Viewer> {
  ctx.viewer ??= loadViewer(ctx);
  return ctx.viewer;
}

async function loadViewer(ctx: RequestContext): Promise<Viewer> {
  if (!ctx.auth) throw unauthenticated();
  const session = await ctx.prisma.authSession.findUnique({
    where: { id: ctx.auth.sessionId },
    include: { user: { include: { student: true, guardian: true, staff: { include: { duties: true } } } } },
  });
  const user = session?.user;
  if (!session || session.revokedAt || !user || user.id !== ctx.auth.userId || user.disabledAt) {
    throw unauthenticated('Your session has ended; log in again');
  }
  const locale = user.locale === 'en' ? 'en' : 'sv';
  const base = { userId: user.id, username: user.username, locale } as const;
  if (user.student) {
    const { student } = user;
    return { ...base, displayName: `${student.firstName} ${student.lastName}`, facts: { kind: 'STUDENT', studentId: student.id } };
  }
  if (user.guardian) {
    const { guardian } = user;
    return { ...base, displayName: `${guardian.firstName} ${guardian.lastName}`, facts: { kind: 'GUARDIAN', guardianId: guardian.id } };
  }
  if (user.staff) {
    const { staff } = user;
    const duties: DutyFacts[] = staff.duties.map((duty) => ({
      kind: duty.kind,
      // An administrator administers the organisation that employs them, and only that one.
      organisationId: duty.kind === 'ADMINISTRATOR' ? staff.organisationId : null,
      schoolId: duty.schoolId,
      groupId: duty.groupId,
      validFrom: isoDate(duty.validFrom),
      validTo: duty.validTo ? isoDate(duty.validTo) : null,
    }));
    return { ...base, displayName: `${staff.firstName} ${staff.lastName}`, facts: { kind: 'STAFF', staffId: staff.id, duties } };
  }
  throw unauthenticated('This account is not linked to a person');
}
