import { deferredPage } from '../../../components/ui/deferred-page';

export const RetentionPage = deferredPage(async () => (await import('./retention-page')).RetentionPage, 'administration.loading');
