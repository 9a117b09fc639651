import 'i18next';
import type sv from '../locales/sv.json';
import type administration from '../locales/administration/sv.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The administration's texts come with its code (features/administration/administration-page.ts).
    resources: { translation: typeof sv & typeof administration };
  }
}
