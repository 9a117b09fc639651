import { administrationPage } from '../administration-page';

export const Ss12000SourcePage = administrationPage(
  async () => (await import('./ss12000-source-page')).Ss12000SourcePage,
  'administration.loading',
);
