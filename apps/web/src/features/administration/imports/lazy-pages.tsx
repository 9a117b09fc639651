import { administrationPage } from '../administration-page';
import type { ListKind } from './lists-api';

const listImportPage = (kind: ListKind) =>
  administrationPage(async () => {
    const { ListImportPage } = await import('./list-import-page');
    return function KindListImportPage() {
      return <ListImportPage kind={kind} />;
    };
  }, 'administration.loading');

export const StudentListImportPage = listImportPage('students');
export const GuardianListImportPage = listImportPage('guardians');
export const StaffListImportPage = listImportPage('staff');
