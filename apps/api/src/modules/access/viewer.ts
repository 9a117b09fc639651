import type { DutyFacts, ViewerFacts } from '@insyn/domain';
import { Prisma } from '@insyn/db';
import { queryRows, type RequestContext } from '../../context.ts';
import { appError, unauthenticated } from '../../errors.ts';
import { isId } from './ids.ts';

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

/** A row of `session_viewer` (migration session_viewer_and_roll_call_lesson): one statement whose plan is kept. */
interface SessionViewerRow {
  userId: string;
  revoked: boolean;
  disabled: boolean;
  username: string;
  locale: string;
  studentId: string | null;
  studentFirstName: string | null;
  studentLastName: string | null;
  guardianId: string | null;
  guardianFirstName: string | null;
  guardianLastName: string | null;
  staffId: string | null;
  staffFirstName: string | null;
  staffLastName: string | null;
  staffOrganisationId: string | null;
  duties: { kind: DutyFacts['kind']; schoolId: string | null; groupId: string | null; validFrom: string; validTo: string | null }[];
}

async function loadViewer(ctx: RequestContext): Promise<Viewer> {
  if (!ctx.auth) throw unauthenticated();
  const [row] = isId(ctx.auth.sessionId)
    ? await queryRows<SessionViewerRow>(ctx, Prisma.sql`SELECT * FROM session_viewer(${ctx.auth.sessionId}::uuid)`)
    : [];
  if (!row || row.revoked || row.userId !== ctx.auth.userId || row.disabled) {
    throw unauthenticated('Your session has ended; log in again');
  }
  const locale = row.locale === 'en' ? 'en' : 'sv';
  const base = { userId: row.userId, username: row.username, locale } as const;
  if (row.studentId) {
    return { ...base, displayName: `${row.studentFirstName} ${row.studentLastName}`, facts: { kind: 'STUDENT', studentId: row.studentId } };
  }
  if (row.guardianId) {
    return {
      ...base,
      displayName: `${row.guardianFirstName} ${row.guardianLastName}`,
      facts: { kind: 'GUARDIAN', guardianId: row.guardianId },
    };
  }
  if (row.staffId) {
    const duties: DutyFacts[] = row.duties.map((duty) => ({
      kind: duty.kind,
      // An administrator administers the organisation that employs them, and only that one.
      organisationId: duty.kind === 'ADMINISTRATOR' ? row.staffOrganisationId : null,
      schoolId: duty.schoolId,
      groupId: duty.groupId,
      validFrom: duty.validFrom,
      validTo: duty.validTo,
    }));
    return { ...base, displayName: `${row.staffFirstName} ${row.staffLastName}`, facts: { kind: 'STAFF', staffId: row.staffId, duties } };
  }
  throw unauthenticated('This account is not linked to a person');
}
