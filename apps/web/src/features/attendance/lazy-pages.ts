import { deferredPage } from '../../components/ui/deferred-page';

// Work offline once opened: the service worker keeps their code with the app shell (build/offline-shell.ts).
export const RollCallPage = deferredPage(async () => (await import('./roll-call-page')).RollCallPage, 'rollCall.loading');
export const ClassDayPage = deferredPage(async () => (await import('./class-day-page')).ClassDayPage, 'classDay.loading');
