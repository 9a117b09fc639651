import { deferredPage } from '../../components/ui/deferred-page';

export const LeavePage = deferredPage(async () => (await import('./leave-page')).LeavePage, 'leave.loading');
export const LeaveDecisionsPage = deferredPage(
  async () => (await import('./leave-decisions-page')).LeaveDecisionsPage,
  'decisions.loading',
);
