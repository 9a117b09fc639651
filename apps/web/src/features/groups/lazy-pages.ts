import { deferredPage } from '../../components/ui/deferred-page';

export const MyGroupsPage = deferredPage(async () => (await import('./my-groups-page')).MyGroupsPage, 'groups.loading');
export const GroupPage = deferredPage(async () => (await import('./group-page')).GroupPage, 'group.loading');
