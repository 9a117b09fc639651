import type { ParseKeys } from 'i18next';

/** The administration's sections, in the order an organisation is set up: the start page links each. */
export const ADMINISTRATION_SECTIONS: readonly { path: string; titleKey: ParseKeys; descriptionKey: ParseKeys }[] = [
  {
    path: '/administration/schema',
    titleKey: 'administration.schedule.sectionTitle',
    descriptionKey: 'administration.schedule.sectionDescription',
  },
];
