import type { ApolloClient } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { endSession, startSession } from '../auth/session';
import { clearQueue, enqueueRollCall, queueHoldsOthers, queueSnapshot, sendBeforeLogout, unsentOf } from './queue';

// Node has no IndexedDB: the queue then lives in memory only, with the same rules.

const rollCall = (userId: string, submissionId: string) => ({
  submissionId,
  userId,
  lessonId: `lesson-${submissionId}`,
  lessonLabel: `Ma 7B ${submissionId}`,
  entries: [{ studentId: 'student-1', status: 'ABSENT' as const, lateMinutes: null, note: 'a note' }],
  reason: null,
  takenAt: '2026-11-25T08:00:00.000Z',
});

/** A client whose roll-call mutation fails as offline, or succeeds. */
function client(online: boolean): ApolloClient {
  return {
    mutate: () =>
      online ? Promise.resolve({ data: { saveRollCall: { applied: true } } }) : Promise.reject(new TypeError('Failed to fetch')),
    refetchQueries: () => Promise.resolve([]),
  } as unknown as ApolloClient;
}

describe('the roll-call queue at the end of a session', () => {
  it('sends before a logout and counts what is left unsent; keeps only the owner at a session end', async () => {
    await clearQueue();
    await enqueueRollCall(rollCall('teacher', 's1'));
    await enqueueRollCall(rollCall('other', 's2'));
    expect(unsentOf(queueSnapshot(), 'teacher').pending.map((item) => item.submissionId)).toEqual(['s1']);
    expect(await queueHoldsOthers('teacher')).toBe(true);

    startSession({ accessToken: 'token', expiresAt: '2999-01-01T00:00:00.000Z', viewer: {} as never });
    try {
      // Offline: the teacher's roll call stays, and is counted; the other user's is never sent by this session.
      expect(await sendBeforeLogout(client(false), 'teacher', 1_000)).toBe(1);
      // Back online: sent, nothing left of the teacher's.
      expect(await sendBeforeLogout(client(true), 'teacher', 1_000)).toBe(0);
      expect(queueSnapshot().pending.map((item) => item.submissionId)).toEqual(['s2']);
    } finally {
      endSession();
    }

    await enqueueRollCall(rollCall('teacher', 's3'));
    await clearQueue('teacher');
    expect(queueSnapshot().pending.map((item) => item.submissionId)).toEqual(['s3']);
    expect(await queueHoldsOthers('teacher')).toBe(false);
    await clearQueue();
    expect(queueSnapshot()).toMatchObject({ pending: [], refused: [] });
  });
});
