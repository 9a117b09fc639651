import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../features/locale/language-switch';
import { Brand } from './brand';
import { MAIN_CONTENT_ID, SkipLink } from './skip-link';
import { useFocusOnNavigation } from './use-focus-on-navigation';

/** Pages for someone not logged in: the login page. */
export function PublicLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);
  return (
    <div className="page page--public">
      <SkipLink />
      <header className="site-header site-header--public">
        <div className="site-header__inner">
          <Brand to="/logga-in" />
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} ref={main} tabIndex={-1} className="page__main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
