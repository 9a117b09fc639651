import { deferredPage } from '../../components/ui/deferred-page';

// The statistics pages bring their charts and tables (recharts, TanStack Table) with them.
const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'statistics.loading');

export const OwnAbsencePage = deferred(async () => (await import('./student-absence-page')).OwnAbsencePage);
export const StaffStudentAbsencePage = deferred(async () => (await import('./student-absence-page')).StaffStudentAbsencePage);
export const ClassAbsencePage = deferred(async () => (await import('./class-absence-page')).ClassAbsencePage);
export const SchoolAbsencePage = deferred(async () => (await import('./school-absence-page')).SchoolAbsencePage);
export const MissingRollCallsPage = deferred(async () => (await import('./missing-roll-calls-page')).MissingRollCallsPage);
export const AbsenceLessonsPage = deferred(async () => (await import('./absence-lessons-page')).AbsenceLessonsPage);
