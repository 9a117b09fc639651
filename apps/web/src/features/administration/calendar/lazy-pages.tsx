import { deferredPage } from '../../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'administration.loading');

export const CalendarPage = deferred(async () => (await import('./calendar-page')).CalendarPage);
export const SchoolYearPage = deferred(async () => (await import('./school-year-page')).SchoolYearPage);
