import { deferredPage } from '../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'studyPlans.loading');

export const MyStudyPlanPage = deferred(async () => (await import('./study-plan-page')).MyStudyPlanPage);
export const StaffStudyPlanPage = deferred(async () => (await import('./study-plan-page')).StaffStudyPlanPage);
