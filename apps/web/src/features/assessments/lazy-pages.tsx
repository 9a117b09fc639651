import { deferredPage } from '../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'assessments.loading');

export const GroupAssessmentsPage = deferred(async () => (await import('./group-assessments-page')).GroupAssessmentsPage);
export const MyAssessmentsPage = deferred(async () => (await import('./my-assessments-page')).MyAssessmentsPage);
