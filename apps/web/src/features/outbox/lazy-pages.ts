import { deferredPage } from '../../components/ui/deferred-page';

export const OutboxPage = deferredPage(async () => (await import('./outbox-page')).OutboxPage, 'outbox.loading');
