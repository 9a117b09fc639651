import { deferredPage } from '../../components/ui/deferred-page';

export const ConsentPage = deferredPage(async () => (await import('./consent-page')).ConsentPage, 'consent.loading');
