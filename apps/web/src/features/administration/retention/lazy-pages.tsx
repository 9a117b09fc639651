import { administrationPage } from '../administration-page';

export const RetentionPage = administrationPage(async () => (await import('./retention-page')).RetentionPage, 'administration.loading');
