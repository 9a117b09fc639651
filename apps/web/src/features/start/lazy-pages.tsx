import { deferredPage } from '../../components/ui/deferred-page';

export const LeaderStartPage = deferredPage(async () => (await import('./leader-start-page')).LeaderStartPage, 'start.loading');
// Works offline once opened, like the roll call (build/offline-shell.ts).
export const StaffStartPage = deferredPage(async () => (await import('./staff-start-page')).StaffStartPage, 'today.loading');
