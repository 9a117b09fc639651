import type { ApolloClient } from '@apollo/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endSession, startSession } from '../auth/session';
import { clearQueue, enqueueRollCall, flushQueue, queueHoldsOthers, queueSnapshot, sendBeforeLogout, unsentOf } from './queue';

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

describe('the roll-call queue across a loss of network', () => {
  /** A client whose roll-call mutation answers with what `answers` gives, one call after another. */
  function clientAnswering(answers: (() => Promise<unknown>)[]): { client: ApolloClient; calls: () => number } {
    let calls = 0;
    const client = {
      mutate: () => answers[Math.min(calls++, answers.length - 1)]!(),
      refetchQueries: () => Promise.resolve([]),
    } as unknown as ApolloClient;
    return { client, calls: () => calls };
  }
  const networkFailure = () => Promise.reject(new TypeError('Failed to fetch'));

  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    endSession();
    await clearQueue();
  });

  it('waits for the network without retrying on a timer or lengthening the wait it will have once back', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('navigator', { onLine: false });
    startSession({ accessToken: 'token', expiresAt: '2999-01-01T00:00:00.000Z', viewer: {} as never });
    await enqueueRollCall(rollCall('teacher', 'offline-1'));
    const { client, calls } = clientAnswering([networkFailure]);

    await flushQueue(client, 'teacher');
    await flushQueue(client, 'teacher');
    expect(calls()).toBe(2);
    expect(queueSnapshot().pending[0]?.attempts).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    // With a network, a failure counts and a retry is due after the first back-off.
    vi.stubGlobal('navigator', { onLine: true });
    await flushQueue(client, 'teacher');
    expect(queueSnapshot().pending[0]?.attempts).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('sends again when asked while a send that began before the network came back is still failing', async () => {
    vi.stubGlobal('navigator', { onLine: true });
    startSession({ accessToken: 'token', expiresAt: '2999-01-01T00:00:00.000Z', viewer: {} as never });
    await enqueueRollCall(rollCall('teacher', 'mid-send'));
    let failFirst: (error: Error) => void = () => undefined;
    const { client, calls } = clientAnswering([
      () =>
        new Promise((_, reject) => {
          failFirst = reject;
        }),
      () => Promise.resolve({ data: { saveRollCall: { applied: true } } }),
    ]);

    const first = flushQueue(client, 'teacher');
    await vi.waitFor(() => expect(calls()).toBe(1));
    // The 'online' event's flush arrives while the first request hangs, which then fails.
    const second = flushQueue(client, 'teacher');
    failFirst(new TypeError('Failed to fetch'));
    await Promise.all([first, second]);

    expect(calls()).toBe(2);
    expect(unsentOf(queueSnapshot(), 'teacher').pending).toEqual([]);
  });
});
