import { lazy, Suspense, type ComponentType } from 'react';
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
  // A load that failed (offline) is tried again when the page is next shown.
  const loadOnce = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  const Page = lazy(async () => ({ default: await loadOnce() }));
  function Loading() {
    const { t } = useTranslation();
    return <LoadingState label={t(loadingKey)} />;
  }
  function DeferredPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  }
  return Object.assign(DeferredPage, { preload: () => void loadOnce().catch(() => undefined) });
}
