import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_LOCALES, currentLocale, switchLocale, type AppLocale } from '../../lib/i18n';
import { useAuth } from '../auth/auth-context';
import { SetLocaleDocument } from '../auth/operations';

/** Each language's name in its own language, so anyone can find theirs. */
const LANGUAGE_NAMES: Record<AppLocale, string> = { sv: 'Svenska', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { state, updateViewer } = useAuth();
  const [setLocale] = useMutation(SetLocaleDocument);
  const [saveFailed, setSaveFailed] = useState(false);
  const active = currentLocale();

  async function choose(locale: AppLocale) {
    setSaveFailed(false);
    if (locale === active) return;
    await switchLocale(locale);
    if (state.status !== 'authenticated') return;
    try {
      const { data } = await setLocale({ variables: { locale } });
      if (data) updateViewer(data.setLocale);
    } catch {
      setSaveFailed(true);
    }
  }

  return (
    <div className="language-switch">
      <div role="group" aria-label={t('a11y.languageSwitch')} className="language-switch__group">
        {APP_LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            className="language-switch__option"
            aria-pressed={locale === active}
            onClick={() => void choose(locale)}
          >
            {LANGUAGE_NAMES[locale]}
          </button>
        ))}
      </div>
      <p role="status" className={saveFailed ? 'language-switch__error' : 'visually-hidden'} lang={i18n.language}>
        {saveFailed ? t('language.saveFailed') : ''}
      </p>
    </div>
  );
}
