import { deferredPage } from '../../components/ui/deferred-page';

export const SickReportPage = deferredPage(async () => (await import('./sick-report-page')).SickReportPage, 'sickReport.loading');
export const StaffSickReportPage = deferredPage(
  async () => (await import('./staff-sick-report-page')).StaffSickReportPage,
  'sickReportForHome.loading',
);
