import { administrationPage } from './administration-page';

export const AdministrationHomePage = administrationPage(
  async () => (await import('./administration-home-page')).AdministrationHomePage,
  'administration.loading',
);
