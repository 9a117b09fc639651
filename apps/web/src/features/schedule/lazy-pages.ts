import { deferredPage } from '../../components/ui/deferred-page';

// The start of students and guardians; a staff member's start page (/idag) does not bring it along.
export const SchedulePage = deferredPage(async () => (await import('./schedule-page')).SchedulePage, 'schedule.loading');
