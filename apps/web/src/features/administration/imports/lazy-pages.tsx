import { deferredPage } from '../../../components/ui/deferred-page';

export const StudentListImportPage = deferredPage(
  async () => (await import('./student-list-page')).StudentListImportPage,
  'administration.loading',
);
