import { administrationPage } from '../administration-page';

export const ApiClientsPage = administrationPage(async () => (await import('./api-clients-page')).ApiClientsPage, 'administration.loading');
