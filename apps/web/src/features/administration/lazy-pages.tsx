import { deferredPage } from '../../components/ui/deferred-page';

export const AdministrationHomePage = deferredPage(
  async () => (await import('./administration-home-page')).AdministrationHomePage,
  'administration.loading',
);
