import { clear, createStore, get, keys, set } from 'idb-keyval';
import { useEffect, useState } from 'react';
import { isConnectionError } from './graphql-errors';

/**
 * The last answer of a query kept on the device, for pages that must work without a network (a
 * teacher's day and roll calls): shown only when the query fails because the server cannot be reached.
 */
const store = typeof indexedDB === 'undefined' ? undefined : createStore('insyn-offline', 'snapshots');

/** Removes every snapshot (at the end of a session: they hold names, notes and reasons; see device-data.ts). */
export async function clearSnapshots(): Promise<void> {
  if (store) await clear(store);
}

export async function hasSnapshots(): Promise<boolean> {
  return store ? (await keys(store)).length > 0 : false;
}

export function useOfflineSnapshot<T>(key: string, data: T | undefined, error: unknown): T | null {
  const [snapshot, setSnapshot] = useState<{ key: string; value: T } | null>(null);
  const offline = !data && isConnectionError(error);

  useEffect(() => {
    if (data !== undefined && store) void set(key, data, store).catch(() => undefined);
  }, [key, data]);

  useEffect(() => {
    if (!offline || !store) return;
    let active = true;
    void get<T>(key, store)
      .then((value) => {
        if (active && value !== undefined) setSnapshot({ key, value });
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [key, offline]);

  return offline && snapshot?.key === key ? snapshot.value : null;
}
