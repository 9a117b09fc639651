// What one API call may read: the client's organisation, whether it sees protected identities, and the call's clock.
import { createHash } from 'node:crypto';

export interface ExportScope {
  organisationId: string;
  /** may read persons with protected identity; without it they are left out of every answer */
  protectedIdentity: boolean;
  now: Date;
  today: string;
}

/** SS 12000 meta: when the record was made and last changed. */
export const meta = (createdAt: Date, modifiedAt: Date) => ({ created: createdAt.toISOString(), modified: modifiedAt.toISOString() });

export const reference = (id: string) => ({ id });

/** Where protected students and guardians are to be left out: a Prisma where clause on the person. */
export const visiblePerson = (scope: ExportScope) => (scope.protectedIdentity ? {} : { protectedIdentity: false });

// An activity is Insyn's teaching of one subject to one group. It has no row of its own, so its id is derived
// (a name-based UUID, version 5 layout) from the pair: the same pair always gives the same id.
const ACTIVITY_NAMESPACE = 'insyn:ss12000:activity:';

export function activityId(groupId: string, subjectId: string): string {
  const bytes = createHash('sha1').update(`${ACTIVITY_NAMESPACE}${groupId}:${subjectId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
