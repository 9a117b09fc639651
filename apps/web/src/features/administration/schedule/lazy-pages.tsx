import { administrationPage } from '../administration-page';

const deferred = (load: Parameters<typeof administrationPage>[0]) => administrationPage(load, 'administration.schedule.loading');

export const BasicSchedulePage = deferred(async () => (await import('./basic-schedule-page')).BasicSchedulePage);
export const AdminLessonPage = deferred(async () => (await import('./admin-lesson-page')).AdminLessonPage);
