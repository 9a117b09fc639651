import type { ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { deferredPage, type DeferredPage } from '../../components/ui/deferred-page';
import { withTextPart, type AppLocale } from '../../lib/i18n';
import type swedish from '../../locales/administration/sv.json';

/**
 * The administration's texts (a third of the app's): loaded with its pages, not before the first screen. English must
 * have every key Swedish has: the compiler checks the return type.
 */
const administrationTexts = async (locale: AppLocale): Promise<typeof swedish> =>
  locale === 'en'
    ? (await import('../../locales/administration/en.json')).default
    : (await import('../../locales/administration/sv.json')).default;

/** An administration page: its code and the administration's texts load when it is first opened. */
export const administrationPage = (load: () => Promise<ComponentType>, loadingKey: ParseKeys): DeferredPage =>
  deferredPage(async () => (await Promise.all([load(), withTextPart(administrationTexts)]))[0], loadingKey);
