import { print } from 'graphql';
import type { RefreshSessionMutation, ViewerFieldsFragment } from '../../gql/graphql';
import { RefreshSessionDocument } from './operations';

/**
 * The session as the browser holds it: the short-lived access token lives in this module's memory
 * only (never in storage). The API's HttpOnly renewal cookie (path /graphql) restores it after a
 * reload: `renewSession()` trades the cookie for a new token. The cookie rotates on every use, so
 * concurrent renewals are folded into one request.
 */

export type Viewer = ViewerFieldsFragment;

export interface SessionPayload {
  accessToken: string;
  expiresAt: string;
  viewer: Viewer;
}

export type RenewalResult = { ok: true; payload: SessionPayload } | { ok: false; reason: 'unauthenticated' | 'unreachable' };

export type SessionEvent = { type: 'renewed'; viewer: Viewer } | { type: 'expired' };

export const GRAPHQL_ENDPOINT = '/graphql';

/** Renew this long before the token's stated expiry, to absorb clock skew and request time. */
const EXPIRY_MARGIN_MS = 30_000;

let accessToken: string | null = null;
let expiresAtMs = 0;
let pendingRenewal: Promise<RenewalResult> | null = null;
const listeners = new Set<(event: SessionEvent) => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function tokenNeedsRenewal(now: number = Date.now()): boolean {
  return accessToken !== null && expiresAtMs - EXPIRY_MARGIN_MS <= now;
}

export function startSession(payload: SessionPayload): void {
  accessToken = payload.accessToken;
  const parsed = Date.parse(payload.expiresAt);
  // An unparsable expiry means "renew on the first 401", not "never expires".
  expiresAtMs = Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
}

export function endSession(): void {
  accessToken = null;
  expiresAtMs = 0;
}

export function subscribeToSession(listener: (event: SessionEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: SessionEvent): void {
  for (const listener of listeners) listener(event);
}

/** Called when a request was refused and renewal failed: the user must log in again. */
export function reportSessionExpired(): void {
  endSession();
  emit({ type: 'expired' });
}

async function requestRenewal(): Promise<RenewalResult> {
  let status: number;
  let body: { data?: RefreshSessionMutation | null; errors?: { extensions?: { code?: unknown } }[] };
  try {
    const response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ operationName: 'RefreshSession', query: print(RefreshSessionDocument), variables: {} }),
    });
    status = response.status;
    body = JSON.parse(await response.text()) as typeof body;
  } catch {
    return { ok: false, reason: 'unreachable' }; // offline, API down, or a proxy's error page
  }
  const payload = body.data?.refreshSession;
  if (payload) {
    startSession(payload);
    emit({ type: 'renewed', viewer: payload.viewer });
    return { ok: true, payload };
  }
  const refused = (body.errors ?? []).some((error) => error.extensions?.code === 'UNAUTHENTICATED') || status === 401;
  if (!refused) return { ok: false, reason: 'unreachable' }; // a server fault: keep the session, try again later
  // No cookie, an expired one, or one already used: the user must log in again.
  endSession();
  return { ok: false, reason: 'unauthenticated' };
}

/**
 * Other tabs of the same browser share the cookie. A renewal cookie used twice revokes the whole
 * session (the API treats it as stolen), so tabs take turns: each renews with the cookie the previous
 * renewal left behind.
 */
async function acrossTabs(renew: () => Promise<RenewalResult>): Promise<RenewalResult> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return renew();
  return await navigator.locks.request('insyn-session-renewal', renew);
}

/** Trades the renewal cookie for a new access token; concurrent callers share one request. */
export function renewSession(): Promise<RenewalResult> {
  pendingRenewal ??= acrossTabs(requestRenewal).finally(() => {
    pendingRenewal = null;
  });
  return pendingRenewal;
}
