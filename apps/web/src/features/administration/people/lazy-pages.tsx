import { administrationPage } from '../administration-page';

const LOADING = 'administration.people.loading';

export const StudentsPage = administrationPage(async () => (await import('./students-page')).StudentsPage, LOADING);
export const StudentNewPage = administrationPage(async () => (await import('./student-new-page')).StudentNewPage, LOADING);
export const StudentPage = administrationPage(async () => (await import('./student-page')).StudentPage, LOADING);
export const GuardiansPage = administrationPage(async () => (await import('./guardians-page')).GuardiansPage, LOADING);
export const GuardianNewPage = administrationPage(async () => (await import('./guardian-new-page')).GuardianNewPage, LOADING);
export const GuardianPage = administrationPage(async () => (await import('./guardian-page')).GuardianPage, LOADING);
export const StaffListPage = administrationPage(async () => (await import('./staff-list-page')).StaffListPage, LOADING);
export const StaffNewPage = administrationPage(async () => (await import('./staff-new-page')).StaffNewPage, LOADING);
export const StaffPage = administrationPage(async () => (await import('./staff-page')).StaffPage, LOADING);
