import type { DutyFacts, ViewerFacts } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { appError, unauthenticated } from '../../errors.ts';

export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  locale: 'sv' | 'en';
  facts: ViewerFacts;
}

export type StaffViewer = Viewer & { facts: Extract<ViewerFacts, { kind: 'STAFF' }> };
export type GuardianViewer = Viewer & { facts: Extract<ViewerFacts, { kind: 'GUARDIAN' }> };

export const isStaffViewer = (viewer: Viewer): viewer is StaffViewer => viewer.facts.kind === 'STAFF';
const isGuardianViewer = (viewer: Viewer): viewer is GuardianViewer => viewer.facts.kind === 'GUARDIAN';

/**
 * The signed-in staff member, for work only staff do (their own teaching schedule, the lessons they teach). A root field
 * with the STAFF rule reaches its service with staff only, the guard refusing everyone else first; this is where the
 * service learns it, refusing as the guard does.
 */
export async function requireStaffViewer(ctx: RequestContext): Promise<StaffViewer> {
  const viewer = await requireViewer(ctx);
  if (!isStaffViewer(viewer)) throw appError('FORBIDDEN', 'This is for staff only');
  return viewer;
}

/** The signed-in guardian, for what only a guardian has (their own contact choices). */
export async function requireGuardianViewer(ctx: RequestContext): Promise<GuardianViewer> {
  const viewer = await requireViewer(ctx);
  if (!isGuardianViewer(viewer)) throw appError('FORBIDDEN', 'This is for guardians only');
  return viewer;
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
