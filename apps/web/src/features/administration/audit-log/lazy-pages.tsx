import { deferredPage } from '../../../components/ui/deferred-page';

export const AuditLogPage = deferredPage(async () => (await import('./audit-log-page')).AuditLogPage, 'administration.auditLog.loading');
