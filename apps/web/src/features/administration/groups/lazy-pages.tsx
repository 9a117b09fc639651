import { deferredPage } from '../../../components/ui/deferred-page';

export const GroupsListPage = deferredPage(
  async () => (await import('./groups-list-page')).GroupsListPage,
  'administration.groups.loading',
);
export const NewGroupPage = deferredPage(async () => (await import('./new-group-page')).NewGroupPage, 'administration.groups.loading');
export const AdministeredGroupPage = deferredPage(
  async () => (await import('./group-page')).AdministeredGroupPage,
  'administration.groups.loading',
);
export const SubjectsPage = deferredPage(async () => (await import('./subjects-page')).SubjectsPage, 'administration.subjects.loading');
