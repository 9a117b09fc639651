import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import sv from '../locales/sv.json';

export const APP_LOCALES = ['sv', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'sv';

/**
 * Swedish comes with the app; English (as large) is loaded when it is first shown, so that a Swedish page does not
 * download both. English must have every key Swedish has: the compiler checks the return type.
 */
const loadEnglish = async (): Promise<typeof sv> => (await import('../locales/en.json')).default;

/** The texts of a part of the app that comes with its own code (the administration), in one language. */
export type TextPart = (locale: AppLocale) => Promise<Record<string, unknown>>;

const textParts = new Map<TextPart, Set<AppLocale>>();

async function addTextPart(part: TextPart, locale: AppLocale): Promise<void> {
  const added = textParts.get(part) ?? new Set<AppLocale>();
  textParts.set(part, added);
  if (added.has(locale)) return;
  i18n.addResourceBundle(locale, 'translation', await part(locale), true, true);
  added.add(locale);
}

/**
 * Loads a part's texts in the language shown, before its code renders; from then on they come with every language
 * switched to. Its keys are typed with the app's (types/i18next.d.ts).
 */
export const withTextPart = (part: TextPart): Promise<void> => addTextPart(part, currentLocale());

async function showLocale(locale: AppLocale): Promise<void> {
  if (currentLocale() === locale) return;
  if (locale === 'en' && !i18n.hasResourceBundle('en', 'translation')) i18n.addResourceBundle('en', 'translation', await loadEnglish());
  await Promise.all([...textParts.keys()].map((part) => addTextPart(part, locale)));
  await i18n.changeLanguage(locale);
}

/** localStorage: the language chosen in this browser (not personal: it stays when a session's data is cleared). */
export const LOCALE_STORAGE_KEY = 'insyn.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): AppLocale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(stored) ? stored : null;
  } catch {
    return null; // storage blocked (private mode, policy): fall back to Swedish
  }
}

function storeLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // The choice then lasts for this visit only.
  }
}

function applyDocumentLanguage(locale: string): void {
  document.documentElement.lang = isAppLocale(locale) ? locale : DEFAULT_LOCALE;
}

export function currentLocale(): AppLocale {
  return isAppLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

/** Switches the interface language and remembers it in this browser. */
export async function switchLocale(locale: AppLocale): Promise<void> {
  storeLocale(locale);
  await showLocale(locale);
}

void i18n.use(initReactI18next).init({
  resources: { sv: { translation: sv } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...APP_LOCALES],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnNull: false,
});

applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

/**
 * Resolves once the language chosen in this browser is shown; the app renders after it (main.tsx). Should its texts
 * not load (offline, never fetched), the app starts in Swedish.
 */
export const localeReady: Promise<void> = showLocale(readStoredLocale() ?? DEFAULT_LOCALE).catch(() => undefined);

export { i18n };
