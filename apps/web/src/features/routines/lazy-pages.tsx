import { deferredPage } from '../../components/ui/deferred-page';

export const RoutinesPage = deferredPage(async () => (await import('./routines-page')).RoutinesPage, 'routines.loading');
