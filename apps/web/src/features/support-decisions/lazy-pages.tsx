import { deferredPage } from '../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'supportDecisions.loading');

export const StaffDecisionsPage = deferred(async () => (await import('./staff-decisions-page')).StaffDecisionsPage);
export const MyDecisionsPage = deferred(async () => (await import('./my-decisions-page')).MyDecisionsPage);
