import type { ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { deferredPage, type DeferredPage } from '../../components/ui/deferred-page';
import { withTextPart, type TextPart } from '../../lib/i18n';

/** The administration's texts (a third of the app's): loaded with its pages, not before the first screen. */
const administrationTexts: TextPart = async (locale) =>
  locale === 'en'
    ? (await import('../../locales/administration/en.json')).default
    : (await import('../../locales/administration/sv.json')).default;

/** An administration page: its code and the administration's texts load when it is first opened. */
export const administrationPage = (load: () => Promise<ComponentType>, loadingKey: ParseKeys): DeferredPage =>
  deferredPage(async () => (await Promise.all([load(), withTextPart(administrationTexts)]))[0], loadingKey);
