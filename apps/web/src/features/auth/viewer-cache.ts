import { createStore, del, get, set } from 'idb-keyval';
import type { Viewer } from './session';

/**
 * The last logged-in viewer (name, role, duties; no token), so that an app started offline can show
 * the pages that work offline (today's roll calls) until the session can be renewed with the cookie.
 */
const store = typeof indexedDB === 'undefined' ? undefined : createStore('insyn-session', 'viewer');

export async function rememberViewer(viewer: Viewer): Promise<void> {
  if (store) await set('viewer', viewer, store).catch(() => undefined);
}

/** What a viewer remembered by an earlier release may lack: the navigation's facts, until the session is renewed. */
const NAVIGATION_DEFAULTS: Pick<Viewer, 'isAdultStudent' | 'ownPlans'> = {
  isAdultStudent: false,
  ownPlans: { __typename: 'OwnPlans', developmentPlans: false, studyPlans: false },
};

export async function rememberedViewer(): Promise<Viewer | null> {
  if (!store) return null;
  const viewer = await get<Viewer>('viewer', store).catch(() => undefined);
  return viewer ? { ...NAVIGATION_DEFAULTS, ...viewer } : null;
}

export async function forgetViewer(): Promise<void> {
  if (store) await del('viewer', store).catch(() => undefined);
}
