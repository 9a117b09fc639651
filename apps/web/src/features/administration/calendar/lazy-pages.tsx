import { administrationPage } from '../administration-page';

const deferred = (load: Parameters<typeof administrationPage>[0]) => administrationPage(load, 'administration.loading');

export const CalendarPage = deferred(async () => (await import('./calendar-page')).CalendarPage);
export const SchoolYearPage = deferred(async () => (await import('./school-year-page')).SchoolYearPage);
