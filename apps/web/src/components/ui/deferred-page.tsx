import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './loading-state';

/** A page whose code loads when it is first shown, or earlier when `preload` is called (the start, main.tsx). */
export type DeferredPage = ComponentType & { preload: () => void };

/**
 * A page whose code loads when it is first opened, so that no other page waits for it; `loadingKey` names what is
 * loading (an i18n key).
 */
export function deferredPage(load: () => Promise<ComponentType>, loadingKey: ParseKeys): DeferredPage {
  let loading: Promise<ComponentType> | null = null;
  let loaded: ComponentType | null = null;
  // A load that failed (offline) is tried again when the page is next shown.
  const loadOnce = () =>
    (loading ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  const Page = lazy(async () => ({ default: await loadOnce() }));
  function Loading() {
    const { t } = useTranslation();
    return <LoadingState label={t(loadingKey)} />;
  }
  function DeferredPage() {
    // Code already loaded (preloaded at the start) renders at once. React.lazy would suspend even then, for the promise
    // to answer, and content that replaces a fallback is held back up to 300 ms (React's throttle on revealing
    // content): the returning student's week showed ~300 ms later at the start. Chosen once per mount, so that a page
    // never remounts when its code arrives.
    const [Ready] = useState(() => loaded);
    return <Suspense fallback={<Loading />}>{Ready ? <Ready /> : <Page />}</Suspense>;
  }
  return Object.assign(DeferredPage, { preload: () => void loadOnce().catch(() => undefined) });
}
