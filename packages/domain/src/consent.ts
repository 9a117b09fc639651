// Consent at 18 (rule 2, issue 15): from their 18th birthday a student decides, guardian by guardian, who may see
// their data. Each giving is a row; withdrawing sets its withdrawnAt, so the rows are the history of the choices.
import type { StudentFacts, ViewerFacts } from './access/index.ts';
import { isAdultOn } from './age.ts';

/** One giving of consent; instants are ISO 8601 strings as `Date.toISOString()` writes them, so they sort as text. */
export interface ConsentRecord {
  guardianId: string;
  givenAt: string;
  withdrawnAt: string | null;
}

export type ConsentChoiceKind = 'GIVEN' | 'WITHDRAWN';

export interface ConsentChoice {
  kind: ConsentChoiceKind;
  at: string;
}

export interface GuardianConsentState {
  guardianId: string;
  /** the guardian may see the student now */
  given: boolean;
  /** newest first */
  history: ConsentChoice[];
}

/** Each guardian's state, in the order given; records of someone who is no longer a guardian are left out. */
export function guardianConsentStates(guardianIds: readonly string[], records: readonly ConsentRecord[]): GuardianConsentState[] {
  return guardianIds.map((guardianId) => {
    const own = records.filter((record) => record.guardianId === guardianId);
    const history: ConsentChoice[] = own.flatMap((record) => [
      { kind: 'GIVEN' as const, at: record.givenAt },
      ...(record.withdrawnAt === null ? [] : [{ kind: 'WITHDRAWN' as const, at: record.withdrawnAt }]),
    ]);
    // A withdrawal made in the same instant as its giving still comes after it.
    history.sort((a, b) => (a.at === b.at ? (a.kind === 'WITHDRAWN' ? -1 : 1) : a.at < b.at ? 1 : -1));
    return { guardianId, given: own.some((record) => record.withdrawnAt === null), history };
  });
}

export type ConsentRefusal =
  /** a guardian or staff: consent is the student's own choice */
  | 'NOT_STUDENT'
  /** under 18 the guardians see everything, and there is nothing to choose */
  | 'NOT_ADULT';

/** Only the student themself, from the day they turn 18, sees and changes whom of their guardians they let in. */
export function consentRefusal(viewer: ViewerFacts, student: Pick<StudentFacts, 'id' | 'birthDate'>, today: string): ConsentRefusal | null {
  if (viewer.kind !== 'STUDENT' || viewer.studentId !== student.id) return 'NOT_STUDENT';
  return isAdultOn(student.birthDate, today) ? null : 'NOT_ADULT';
}

export type ConsentWish = 'GIVE' | 'WITHDRAW';

/**
 * Whether a wish changes anything: giving what is given, or withdrawing what is not, leaves the state (and the
 * guardian, who is told of each change) alone, so a double tap or a second open tab does no harm.
 */
export const consentChanges = (state: Pick<GuardianConsentState, 'given'>, wish: ConsentWish): boolean => state.given !== (wish === 'GIVE');
