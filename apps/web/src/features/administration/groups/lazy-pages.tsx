import { administrationPage } from '../administration-page';

export const GroupsListPage = administrationPage(
  async () => (await import('./groups-list-page')).GroupsListPage,
  'administration.groups.loading',
);
export const NewGroupPage = administrationPage(
  async () => (await import('./new-group-page')).NewGroupPage,
  'administration.groups.loading',
);
export const AdministeredGroupPage = administrationPage(
  async () => (await import('./group-page')).AdministeredGroupPage,
  'administration.groups.loading',
);
export const SubjectsPage = administrationPage(
  async () => (await import('./subjects-page')).SubjectsPage,
  'administration.subjects.loading',
);
