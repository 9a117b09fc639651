import { deferredPage } from '../../../components/ui/deferred-page';

const LOADING = 'administration.people.loading';

export const StudentsPage = deferredPage(async () => (await import('./students-page')).StudentsPage, LOADING);
export const StudentNewPage = deferredPage(async () => (await import('./student-new-page')).StudentNewPage, LOADING);
export const StudentPage = deferredPage(async () => (await import('./student-page')).StudentPage, LOADING);
export const GuardiansPage = deferredPage(async () => (await import('./guardians-page')).GuardiansPage, LOADING);
export const GuardianNewPage = deferredPage(async () => (await import('./guardian-new-page')).GuardianNewPage, LOADING);
export const GuardianPage = deferredPage(async () => (await import('./guardian-page')).GuardianPage, LOADING);
export const StaffListPage = deferredPage(async () => (await import('./staff-list-page')).StaffListPage, LOADING);
export const StaffNewPage = deferredPage(async () => (await import('./staff-new-page')).StaffNewPage, LOADING);
export const StaffPage = deferredPage(async () => (await import('./staff-page')).StaffPage, LOADING);
