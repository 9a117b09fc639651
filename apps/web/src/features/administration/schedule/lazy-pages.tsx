import { deferredPage } from '../../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'administration.schedule.loading');

export const BasicSchedulePage = deferred(async () => (await import('./basic-schedule-page')).BasicSchedulePage);
export const AdminLessonPage = deferred(async () => (await import('./admin-lesson-page')).AdminLessonPage);
