import { deferredPage } from '../../components/ui/deferred-page';

export const LeaderStartPage = deferredPage(async () => (await import('./leader-start-page')).LeaderStartPage, 'start.loading');
