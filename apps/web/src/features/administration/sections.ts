import type { ParseKeys } from 'i18next';

/** The administration's sections, in the order an organisation is set up: the start page links each. */
export const ADMINISTRATION_SECTIONS: readonly { path: string; titleKey: ParseKeys; descriptionKey: ParseKeys }[] = [
  { path: '/administration/skolor', titleKey: 'administration.schools.title', descriptionKey: 'administration.schools.description' },
  { path: '/administration/kalender', titleKey: 'administration.calendar.title', descriptionKey: 'administration.calendar.description' },
  { path: '/administration/amnen', titleKey: 'administration.subjects.title', descriptionKey: 'administration.subjects.description' },
  {
    path: '/administration/personal',
    titleKey: 'administration.people.staff.title',
    descriptionKey: 'administration.people.staff.description',
  },
  {
    path: '/administration/elever',
    titleKey: 'administration.people.students.title',
    descriptionKey: 'administration.people.students.description',
  },
  {
    path: '/administration/vardnadshavare',
    titleKey: 'administration.people.guardians.title',
    descriptionKey: 'administration.people.guardians.description',
  },
  { path: '/administration/grupper', titleKey: 'administration.groups.title', descriptionKey: 'administration.groups.description' },
  {
    path: '/administration/elevlista',
    titleKey: 'administration.imports.sectionTitle',
    descriptionKey: 'administration.imports.description',
  },
  {
    path: '/administration/schema',
    titleKey: 'administration.schedule.sectionTitle',
    descriptionKey: 'administration.schedule.sectionDescription',
  },
  {
    path: '/administration/ss12000-kalla',
    titleKey: 'administration.ss12000.title',
    descriptionKey: 'administration.ss12000.description',
  },
  {
    path: '/administration/api-klienter',
    titleKey: 'administration.apiClients.title',
    descriptionKey: 'administration.apiClients.description',
  },
  {
    path: '/administration/gallring',
    titleKey: 'administration.retention.title',
    descriptionKey: 'administration.retention.description',
  },
  {
    path: '/administration/logg',
    titleKey: 'administration.auditLog.title',
    descriptionKey: 'administration.auditLog.description',
  },
];
