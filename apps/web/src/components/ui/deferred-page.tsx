import { lazy, Suspense, type ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './loading-state';

/**
 * A page whose code loads when it is first opened, so the schedule and the roll call do not wait for
 * it; `loadingKey` names what is loading (an i18n key).
 */
export function deferredPage(load: () => Promise<ComponentType>, loadingKey: ParseKeys): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  function Loading() {
    const { t } = useTranslation();
    return <LoadingState label={t(loadingKey)} />;
  }
  return function DeferredPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
