import { deferredPage } from '../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'developmentPlans.loading');

export const MyDevelopmentPlansPage = deferred(async () => (await import('./my-plans-page')).MyDevelopmentPlansPage);
export const GroupDevelopmentPlansPage = deferred(async () => (await import('./group-plans-page')).GroupDevelopmentPlansPage);
export const StudentDevelopmentPlanPage = deferred(async () => (await import('./student-plan-page')).StudentDevelopmentPlanPage);
