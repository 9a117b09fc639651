import { useEffect, useState, type ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

/** A page whose code loads when it is first shown, or earlier when `preload` is called (the start, main.tsx). */
export type DeferredPage = ComponentType & { preload: () => void };

/**
 * A page whose code loads when it is first opened, so that no other page waits for it; `loadingKey` names what is
 * loading (an i18n key). Code already loaded renders at once. Not React.lazy: it suspended for a tick even for loaded
 * code, and React holds content that replaces a Suspense fallback back up to 300 ms (its throttle on reveals), which
 * delayed the returning student's week and every page's first opening. A load that fails (offline) shows the
 * connection error with a retry, instead of an error no boundary catches.
 */
export function deferredPage(load: () => Promise<ComponentType>, loadingKey: ParseKeys): DeferredPage {
  let loading: Promise<ComponentType> | null = null;
  let loaded: ComponentType | null = null;
  const loadOnce = () =>
    (loading ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        // Tried again on the next showing or retry.
        loading = null;
        throw error;
      },
    ));

  function DeferredPage() {
    const { t } = useTranslation();
    // Code loaded before (preloaded at the start, or the page shown before): the first render is the page itself.
    const [Ready, setReady] = useState(() => loaded);
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Ready) return;
      let current = true;
      loadOnce().then(
        (page) => {
          if (current) setReady(() => page);
        },
        (error: unknown) => {
          // Code that does not come is the connection's failure, whatever the loader threw (Vite's preload helper
          // throws a plain Error): shown as fetch's TypeError is, "Insyn cannot be reached".
          if (current) setFailure({ error: new TypeError('The page could not be loaded', { cause: error }) });
        },
      );
      return () => {
        current = false;
      };
    }, [Ready, attempt]);

    if (Ready) return <Ready />;
    if (failure) {
      const retry = () => {
        setFailure(null);
        setAttempt((previous) => previous + 1);
      };
      return <ErrorState error={failure.error} onRetry={retry} />;
    }
    return <LoadingState label={t(loadingKey)} />;
  }
  return Object.assign(DeferredPage, { preload: () => void loadOnce().catch(() => undefined) });
}
