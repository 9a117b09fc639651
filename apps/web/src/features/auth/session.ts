import type { LogoutMutation, RefreshSessionMutation, ViewerFieldsFragment } from '../../gql/graphql';
import { persistedExtensions } from '../../lib/persisted-operations';
import { LogoutDocument, RefreshSessionDocument } from './operations';

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
      body: JSON.stringify({ operationName: 'RefreshSession', variables: {}, extensions: persistedExtensions(RefreshSessionDocument) }),
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

/**
 * localStorage: set while a logout made here has not reached the API (the device was offline). The renewal cookie,
 * which the page cannot delete (HttpOnly), may then still be valid: the next start sends the logout instead of
 * renewing, so the next person on the device never gets the previous one's session back. Not personal: a flag.
 */
export const LOGOUT_OWED_KEY = 'insyn.logout-owed';

export function logoutOwed(): boolean {
  try {
    return window.localStorage.getItem(LOGOUT_OWED_KEY) !== null;
  } catch {
    return false;
  }
}

export function setLogoutOwed(owed: boolean): void {
  try {
    if (owed) window.localStorage.setItem(LOGOUT_OWED_KEY, '1');
    else window.localStorage.removeItem(LOGOUT_OWED_KEY);
  } catch {
    // Storage blocked: nothing kept, nothing to settle.
  }
}

/** Sends the logout the API has not had yet, with the cookie; the flag goes once the API has answered it. */
async function settleOwedLogout(): Promise<void> {
  try {
    const response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ operationName: 'Logout', variables: {}, extensions: persistedExtensions(LogoutDocument) }),
    });
    const body = JSON.parse(await response.text()) as { data?: LogoutMutation | null };
    if (body.data?.logout === true) setLogoutOwed(false);
  } catch {
    // Still offline: the flag stays, and the next start tries again.
  }
}

/**
 * The session at the app's start: renewed with the cookie, unless a logout made offline is still owed, which is
 * sent instead (the person on the device logs in anew).
 */
async function restore(): Promise<RenewalResult> {
  if (!logoutOwed()) return renewSession();
  await settleOwedLogout();
  return { ok: false, reason: 'unauthenticated' };
}

let restoration: Promise<RenewalResult> | null = null;

/**
 * Restores the session once per page load, however often it is asked (main.tsx asks first, so that the request goes
 * out while React renders; the AuthProvider, mounted twice in development, asks again).
 */
export function restoreSession(): Promise<RenewalResult> {
  restoration ??= restore();
  return restoration;
}
