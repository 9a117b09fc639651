import { deferredPage } from '../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'gradeWarnings.loading');

export const GroupWarningsPage = deferred(async () => (await import('./group-warnings-page')).GroupWarningsPage);
export const MyWarningsPage = deferred(async () => (await import('./my-warnings-page')).MyWarningsPage);
export const SchoolRoutinePage = deferred(async () => (await import('./school-routine-page')).SchoolRoutinePage);
