import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title ("Schema vecka 48 – Insyn"), so each page has its own. */
export function usePageTitle(title: string | null): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title} – ${suffix}` : suffix;
  }, [title, suffix]);
}
