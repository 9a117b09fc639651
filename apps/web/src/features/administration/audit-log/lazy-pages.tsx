import { administrationPage } from '../administration-page';

export const AuditLogPage = administrationPage(
  async () => (await import('./audit-log-page')).AuditLogPage,
  'administration.auditLog.loading',
);
