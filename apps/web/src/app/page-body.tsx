import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { MAIN_CONTENT_ID } from './skip-link';
import { useFocusOnNavigation } from './use-focus-on-navigation';

/** The routed page and the footer, shared by the public and the logged-in layouts. */
export function PageBody() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);
  return (
    <>
      <main id={MAIN_CONTENT_ID} ref={main} tabIndex={-1} className="page__main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
