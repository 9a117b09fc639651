import type { AttendanceStatus } from '../../gql/graphql';

/** One entry of a roll call's history as the API gives it: a student's mark before and after one save. */
export interface AttendanceChange {
  studentId: string;
  studentName: string;
  changedAt: string;
  changedBy: string;
  beforeStatus?: AttendanceStatus | null;
  beforeLateMinutes?: number | null;
  afterStatus: AttendanceStatus;
  afterLateMinutes?: number | null;
  reason?: string | null;
  /** a late arrival: when the device took it offline on the lesson's day (changedAt is when it arrived) */
  takenOfflineAt?: string | null;
}

/**
 * A line of the history as a person reads it: the roll call taken (the first marks of a save, one line however many
 * students), or one student's mark corrected.
 */
export type HistoryLine = {
  key: string;
  changedAt: string;
  changedBy: string;
  reason: string | null;
  /** set for a save that arrived after the lesson's day, taken offline on the day */
  takenOfflineAt: string | null;
} & (
  | {
      kind: 'taken';
      counts: { present: number; absent: number; late: number };
      /** the students not marked present, in the order given */
      notPresent: AttendanceChange[];
    }
  | { kind: 'correction'; change: AttendanceChange }
);

/**
 * The history's lines, newest first as given. A save is the entries with the same time and the same person (the API
 * writes one time for all of a save): its entries without a mark before are the roll call taken, one line; the others
 * are corrections, a line each.
 */
export function historyLines(history: readonly AttendanceChange[]): HistoryLine[] {
  const lines: HistoryLine[] = [];
  let taken: Extract<HistoryLine, { kind: 'taken' }> | null = null;
  for (const [index, change] of history.entries()) {
    if (taken && (taken.changedAt !== change.changedAt || taken.changedBy !== change.changedBy)) taken = null;
    if (change.beforeStatus) {
      lines.push({
        kind: 'correction',
        key: `${change.studentId}-${change.changedAt}-${index}`,
        changedAt: change.changedAt,
        changedBy: change.changedBy,
        reason: change.reason ?? null,
        takenOfflineAt: change.takenOfflineAt ?? null,
        change,
      });
      continue;
    }
    if (!taken) {
      taken = {
        kind: 'taken',
        key: `taken-${change.changedAt}-${index}`,
        changedAt: change.changedAt,
        changedBy: change.changedBy,
        reason: change.reason ?? null,
        takenOfflineAt: change.takenOfflineAt ?? null,
        counts: { present: 0, absent: 0, late: 0 },
        notPresent: [],
      };
      lines.push(taken);
    }
    if (change.afterStatus === 'PRESENT') taken.counts.present += 1;
    else {
      if (change.afterStatus === 'ABSENT') taken.counts.absent += 1;
      else taken.counts.late += 1;
      taken.notPresent.push(change);
    }
  }
  return lines;
}
