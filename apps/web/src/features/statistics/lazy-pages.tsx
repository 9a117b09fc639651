import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/ui/loading-state';

/**
 * The statistics pages with their charts and tables (recharts, TanStack Table) load when first opened,
 * so the schedule and the roll call do not wait for them.
 */
function Loading() {
  const { t } = useTranslation();
  return <LoadingState label={t('statistics.loading')} />;
}

function deferred(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function DeferredPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}

export const OwnAbsencePage = deferred(async () => (await import('./student-absence-page')).OwnAbsencePage);
export const StaffStudentAbsencePage = deferred(async () => (await import('./student-absence-page')).StaffStudentAbsencePage);
export const ClassAbsencePage = deferred(async () => (await import('./class-absence-page')).ClassAbsencePage);
export const SchoolAbsencePage = deferred(async () => (await import('./school-absence-page')).SchoolAbsencePage);
export const MissingRollCallsPage = deferred(async () => (await import('./missing-roll-calls-page')).MissingRollCallsPage);
