import { administrationPage } from '../administration-page';

const deferred = (load: Parameters<typeof administrationPage>[0]) => administrationPage(load, 'administration.loading');

export const SchoolsPage = deferred(async () => (await import('./schools-page')).SchoolsPage);
export const NewSchoolPage = deferred(async () => (await import('./new-school-page')).NewSchoolPage);
export const SchoolPage = deferred(async () => (await import('./school-page')).SchoolPage);
