import { deferredPage } from '../../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'administration.loading');

export const SchoolsPage = deferred(async () => (await import('./schools-page')).SchoolsPage);
export const NewSchoolPage = deferred(async () => (await import('./new-school-page')).NewSchoolPage);
export const SchoolPage = deferred(async () => (await import('./school-page')).SchoolPage);
