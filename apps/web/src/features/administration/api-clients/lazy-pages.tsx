import { deferredPage } from '../../../components/ui/deferred-page';

export const ApiClientsPage = deferredPage(async () => (await import('./api-clients-page')).ApiClientsPage, 'administration.loading');
