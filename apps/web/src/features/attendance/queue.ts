import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { clear, createStore, get, set } from 'idb-keyval';
import type { AttendanceStatus } from '../../gql/graphql';
import { errorCodes } from '../../lib/graphql-errors';
import { getAccessToken, renewSession, reportSessionExpired } from '../auth/session';
import { SaveRollCallDocument } from './operations';

/**
 * The roll-call outbox. Every save is first written to IndexedDB, then sent. The queue holds the roll calls of
 * one user at a time: a logout sends it first (or warns), a session's end empties it (device-data.ts), and a
 * login of another user drops what the previous one left. A submission stays in
 * the queue until the API has answered it: on success it leaves; when the API refuses it (bad input,
 * not found, forbidden, cancelled) it moves to `refused` for the teacher to see; on any other failure
 * (offline, network error, 5xx, session not renewable yet) it stays and is retried when the browser
 * comes back online, on app start and on a timer with back-off. Resending the same `submissionId` is
 * harmless: the API applies a submission once.
 */

export interface QueuedEntry {
  studentId: string;
  status: AttendanceStatus;
  lateMinutes: number | null;
  note: string | null;
}

export interface QueuedRollCall {
  submissionId: string;
  /** The user who saved it: only their session sends it. */
  userId: string;
  lessonId: string;
  /** For the pending list, e.g. "Ma 7B 08:10". */
  lessonLabel: string;
  entries: QueuedEntry[];
  reason: string | null;
  takenAt: string;
  /**
   * The roll call's offline proof as the device last got it (on the lesson's day): a save that reaches the server after
   * that day counts for it only with the proof. Absent in items queued before the proof existed.
   */
  offlineProof?: string | null;
  attempts: number;
}

export type RefusalCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'LESSON_CANCELLED' | 'OTHER';

export interface RefusedRollCall extends QueuedRollCall {
  code: RefusalCode;
  /** `extensions.reason` (FORBIDDEN) or the problem codes (BAD_USER_INPUT). */
  details: string[];
}

interface QueueState {
  loaded: boolean;
  pending: QueuedRollCall[];
  refused: RefusedRollCall[];
  sending: boolean;
}

const store = typeof indexedDB === 'undefined' ? undefined : createStore('insyn-roll-call', 'outbox');
const PENDING_KEY = 'pending';
const REFUSED_KEY = 'refused';

let state: QueueState = { loaded: false, pending: [], refused: [], sending: false };
const listeners = new Set<() => void>();

function setState(next: Partial<QueueState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function subscribeToQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function queueSnapshot(): QueueState {
  return state;
}

let loading: Promise<void> | null = null;

export function loadQueue(): Promise<void> {
  loading ??= (async () => {
    if (!store) return setState({ loaded: true });
    const [pending, refused] = await Promise.all([get<QueuedRollCall[]>(PENDING_KEY, store), get<RefusedRollCall[]>(REFUSED_KEY, store)]);
    setState({ loaded: true, pending: pending ?? [], refused: refused ?? [] });
  })();
  return loading;
}

async function persist(pending: QueuedRollCall[], refused: RefusedRollCall[]): Promise<void> {
  if (store) {
    await set(PENDING_KEY, pending, store);
    await set(REFUSED_KEY, refused, store);
  }
  setState({ pending, refused });
}

/** Writes a submission to the device's queue; resolves once it is stored (before anything is sent). */
export async function enqueueRollCall(item: Omit<QueuedRollCall, 'attempts'>): Promise<void> {
  await loadQueue();
  // A newer roll call of the same lesson replaces a refused one of it.
  const refused = state.refused.filter((other) => other.lessonId !== item.lessonId);
  await persist([...state.pending, { ...item, attempts: 0 }], refused);
}

export async function dismissRefused(submissionId: string): Promise<void> {
  await persist(
    state.pending,
    state.refused.filter((item) => item.submissionId !== submissionId),
  );
}

/** The newest waiting submission of a lesson: its marks are shown instead of the server's older ones. */
export function pendingForLesson(snapshot: QueueState, lessonId: string, userId: string): QueuedRollCall | null {
  const mine = snapshot.pending.filter((item) => item.lessonId === lessonId && item.userId === userId);
  return mine[mine.length - 1] ?? null;
}

/** The newest refused submission of a lesson: its marks are shown again, to be corrected and saved anew. */
export function refusedForLesson(snapshot: QueueState, lessonId: string, userId: string): RefusedRollCall | null {
  const mine = snapshot.refused.filter((item) => item.lessonId === lessonId && item.userId === userId);
  return mine[mine.length - 1] ?? null;
}

const REFUSALS = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'LESSON_CANCELLED']);

function refusalOf(error: unknown): { code: RefusalCode; details: string[] } | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const code = errorCodes(error).find((candidate) => REFUSALS.has(candidate));
  if (!code) return null;
  const details = error.errors.flatMap((item) => {
    const extensions: Record<string, unknown> | undefined = item.extensions;
    const reason = extensions?.reason;
    const problems = extensions?.problems;
    const found: string[] = typeof reason === 'string' ? [reason] : [];
    if (Array.isArray(problems)) {
      for (const problem of problems as unknown[]) {
        if (typeof problem === 'object' && problem !== null && 'code' in problem && typeof problem.code === 'string')
          found.push(problem.code);
      }
    }
    return found;
  });
  return { code: code as RefusalCode, details };
}

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let flushing: Promise<void> | null = null;
/** Set when a flush is asked for while one runs (the browser came back online mid-send): it runs again after. */
let flushRequested = false;

/** Whether the browser knows it has no network; the `online` event then sends, not a timer. */
export function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && !navigator.onLine;
}

function scheduleRetry(flushAgain: () => void, attempts: number): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  // Timers while offline would only fail, and each failure would lengthen the wait after the network is back.
  if (browserOffline()) return;
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  retryTimer = setTimeout(() => {
    retryTimer = null;
    flushAgain();
  }, delay);
}

async function sendAll(client: ApolloClient, userId: string): Promise<void> {
  await loadQueue();
  const retry = () => void flushQueue(client, userId);
  let sentAny = false;
  for (;;) {
    const item = state.pending.find((candidate) => candidate.userId === userId);
    if (!item) break;
    if (getAccessToken() === null) {
      // Started offline: the session is renewed with the cookie first.
      const renewal = await renewSession();
      if (!renewal.ok) {
        if (renewal.reason === 'unauthenticated') reportSessionExpired();
        else scheduleRetry(retry, item.attempts + 1);
        break;
      }
    }
    try {
      await client.mutate({
        mutation: SaveRollCallDocument,
        variables: {
          input: {
            submissionId: item.submissionId,
            lessonId: item.lessonId,
            entries: item.entries,
            reason: item.reason,
            takenAt: item.takenAt,
            offlineProof: item.offlineProof ?? null,
          },
        },
      });
      sentAny = true;
      await persist(
        state.pending.filter((other) => other.submissionId !== item.submissionId),
        state.refused,
      );
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) {
        await persist(
          state.pending.filter((other) => other.submissionId !== item.submissionId),
          [...state.refused, { ...item, ...refusal }],
        );
        continue;
      }
      // Offline, a network error, a server fault or a session that could not be renewed yet: keep it. Only a failure
      // with a network counts towards the back-off: a lesson spent offline must not delay the send when it is back.
      const attempts = browserOffline() ? item.attempts : item.attempts + 1;
      if (attempts !== item.attempts) {
        await persist(
          state.pending.map((other) => (other.submissionId === item.submissionId ? { ...other, attempts } : other)),
          state.refused,
        );
      }
      scheduleRetry(retry, attempts);
      break;
    }
  }
  if (sentAny) await client.refetchQueries({ include: ['MyLessons', 'RollCall', 'ClassDay'] }).catch(() => undefined);
}

/** The user's roll calls the device holds that the API has not recorded: waiting to be sent, or refused. */
export function unsentOf(snapshot: QueueState, userId: string): { pending: QueuedRollCall[]; refused: RefusedRollCall[] } {
  return {
    pending: snapshot.pending.filter((item) => item.userId === userId),
    refused: snapshot.refused.filter((item) => item.userId === userId),
  };
}

/** Whether the queue holds anything of a user other than `userId`. */
export async function queueHoldsOthers(userId: string): Promise<boolean> {
  await loadQueue();
  return [...state.pending, ...state.refused].some((item) => item.userId !== userId);
}

/**
 * Before a logout: sends the user's waiting roll calls, waiting for the network at most `timeoutMs` (the flush goes
 * on afterwards); answers how many of theirs are still unsent, waiting or refused.
 */
export async function sendBeforeLogout(client: ApolloClient, userId: string, timeoutMs = 15_000): Promise<number> {
  await loadQueue();
  if (state.pending.some((item) => item.userId === userId)) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([flushQueue(client, userId), timeout]);
    clearTimeout(timer);
  }
  const unsent = unsentOf(state, userId);
  return unsent.pending.length + unsent.refused.length;
}

/**
 * Empties the queue on the device and stops its retries, keeping only `keepOf`'s roll calls when given (a session that
 * ended without a logout keeps its owner's unsent roll calls for their next login). Only device-data.ts calls this.
 */
export async function clearQueue(keepOf?: string): Promise<void> {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  await loadQueue();
  const pending = state.pending.filter((item) => item.userId === keepOf);
  const refused = state.refused.filter((item) => item.userId === keepOf);
  if (pending.length > 0 || refused.length > 0) return persist(pending, refused);
  if (store) await clear(store);
  setState({ pending: [], refused: [] });
}

/**
 * Sends the user's waiting submissions in the order they were saved; one flush at a time. Asked again while one runs,
 * it sends once more when that one ends: a send begun before the network came back has failed, the next may not.
 */
export function flushQueue(client: ApolloClient, userId: string): Promise<void> {
  if (flushing) {
    flushRequested = true;
    return flushing;
  }
  flushing = (async () => {
    setState({ sending: true });
    try {
      do {
        flushRequested = false;
        await sendAll(client, userId);
      } while (flushRequested && !browserOffline());
    } finally {
      flushing = null;
      setState({ sending: false });
    }
  })();
  return flushing;
}
