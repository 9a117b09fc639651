import { deferredPage } from '../../../components/ui/deferred-page';

export const Ss12000SourcePage = deferredPage(
  async () => (await import('./ss12000-source-page')).Ss12000SourcePage,
  'administration.loading',
);
