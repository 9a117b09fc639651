import type { ApolloClient } from '@apollo/client';
import { LOCALE_STORAGE_KEY } from '../../lib/i18n';
import { clearDrafts } from '../../lib/drafts';
import { clearSnapshots, hasSnapshots } from '../../lib/offline-snapshot';
import { clearQueue, queueHoldsOthers } from '../attendance/queue';
import { LOGOUT_OWED_KEY } from './session';
import { forgetViewer, rememberedViewer } from './viewer-cache';

/**
 * Everything Insyn keeps on the device, and the one place it is removed when a session ends (issue 17: a shared
 * tablet keeps nothing of the last user). The device holds:
 * - IndexedDB `insyn-offline` (lib/offline-snapshot.ts): the last answers of the teacher's day and roll calls, for use
 *   offline: students' names, notes, reported absence and its reasons;
 * - IndexedDB `insyn-roll-call` (features/attendance/queue.ts): roll calls waiting to be sent, and those the API refused;
 * - IndexedDB `insyn-session` (viewer-cache.ts): the last viewer (name, role, duties), for a start without a network;
 * - Apollo's cache, in memory only: every answer of the session;
 * - localStorage: the language chosen (`insyn.locale`) and the flag of a logout still owed to the API
 *   (`insyn.logout-owed`, session.ts), neither personal, both kept;
 * - Cache Storage: the service worker's app shell (`insyn-shell-*`: index.html and the built assets, the same for
 *   everyone; public/sw.js never stores /graphql or the API's downloads), kept.
 * The access token lives in memory only (session.ts); the renewal cookie is HttpOnly and cleared by the API's logout.
 */

const KEPT_LOCAL_STORAGE = new Set([LOCALE_STORAGE_KEY, LOGOUT_OWED_KEY]);
const SHELL_CACHE_PREFIX = 'insyn-shell-';
/** Emptied above rather than deleted: the app keeps connections to them open, which would block a deletion. */
const OWN_DATABASES = new Set(['insyn-offline', 'insyn-roll-call', 'insyn-session']);

function clearWebStorage(): void {
  try {
    window.sessionStorage.clear();
    const local = window.localStorage;
    const keys = Array.from({ length: local.length }, (_, index) => local.key(index));
    for (const key of keys) if (key !== null && !KEPT_LOCAL_STORAGE.has(key)) local.removeItem(key);
  } catch {
    // Storage blocked (a policy, private mode): then nothing was stored there either.
  }
}

async function clearOtherCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !name.startsWith(SHELL_CACHE_PREFIX)).map((name) => caches.delete(name)));
}

/** Databases of this origin the app does not know (an older version's): deleted whole. */
async function deleteOtherDatabases(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .filter((database) => database.name !== undefined && !OWN_DATABASES.has(database.name))
      .map(
        (database) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(database.name ?? '');
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}

/**
 * Removes what the device holds of the session's user. A logout clears everything, after the unsent roll calls were
 * sent or the user chose to lose them; a session that ended otherwise (expired, the password changed) keeps
 * `keepUnsentOf`'s unsent roll calls, sent at their next login and dropped at anyone else's (`claimDevice`).
 * The language chosen and the app shell stay. Failures are swallowed: the session ends regardless.
 */
export async function clearDeviceData(client: ApolloClient, { keepUnsentOf }: { keepUnsentOf?: string } = {}): Promise<void> {
  await client.clearStore().catch(() => undefined);
  clearWebStorage();
  clearDrafts();
  await Promise.all(
    [clearSnapshots(), clearQueue(keepUnsentOf), forgetViewer(), clearOtherCaches(), deleteOtherDatabases()].map((step) =>
      step.catch(() => undefined),
    ),
  );
}

/**
 * At the start of `userId`'s session (a login, or a session restored with the cookie), before any page shows: what
 * the device holds of anyone else (a browser closed without logging out; data whose owner is not known) is removed,
 * the other user's unsent roll calls too, which are then never sent. The user's own unsent roll calls stay and go.
 */
export async function claimDevice(client: ApolloClient, userId: string): Promise<void> {
  const [previous, othersQueued, snapshots] = await Promise.all([
    rememberedViewer(),
    queueHoldsOthers(userId).catch(() => true),
    hasSnapshots().catch(() => true),
  ]);
  const foreign = previous !== null ? previous.userId !== userId : snapshots;
  if (foreign || othersQueued) await clearDeviceData(client, { keepUnsentOf: userId });
}
