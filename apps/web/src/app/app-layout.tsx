import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useAuth, useViewer } from '../features/auth/auth-context';
import type { Viewer } from '../features/auth/session';
import { useRollCallSync } from '../features/attendance/use-roll-call-queue';
import { LanguageSwitch } from '../features/locale/language-switch';
import { Brand } from './brand';
import { PageBody } from './page-body';
import { SkipLink } from './skip-link';

function useRoleLabel(viewer: Viewer): string {
  const { t } = useTranslation();
  if (viewer.role === 'STAFF' && viewer.duties.length > 0) {
    return viewer.duties.map((duty) => t(`duties.${duty}`)).join(', ');
  }
  return t(`roles.${viewer.role}`);
}

function MainNavigation({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const ownClassId = viewer.role === 'STUDENT' ? viewer.students[0]?.classId : null;
  return (
    <nav className="main-nav" aria-label={t('a11y.mainNavigation')}>
      <ul className="main-nav__list">
        {viewer.role === 'STAFF' ? (
          <li>
            <NavLink to="/idag" className="main-nav__link">
              {t('nav.today')}
            </NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/schema" className="main-nav__link">
            {t('nav.schedule')}
          </NavLink>
        </li>
        {ownClassId ? (
          <li>
            <NavLink to={`/grupp/${encodeURIComponent(ownClassId)}`} className="main-nav__link">
              {t('nav.myClass')}
            </NavLink>
          </li>
        ) : null}
        {viewer.role === 'STAFF' ? (
          <li>
            <NavLink to="/grupper" className="main-nav__link">
              {t('nav.myGroups')}
            </NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** Pages for a logged-in user: header with who is logged in, navigation, language and logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { signOut } = useAuth();
  const roleLabel = useRoleLabel(viewer);
  useRollCallSync(viewer.role === 'STAFF' ? viewer.userId : null);
  const [loggingOut, setLoggingOut] = useState(false);

  async function logout() {
    setLoggingOut(true);
    await signOut(); // the route guard then shows the login page
  }

  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Brand to={viewer.role === 'STAFF' ? '/idag' : '/schema'} />
          <div className="site-header__user">
            <p className="user-badge" data-testid="logged-in-user">
              <span className="user-badge__prefix">{t('header.loggedInAs')}</span>{' '}
              <strong className="user-badge__name">{viewer.displayName}</strong>
              <span className="user-badge__role">, {roleLabel}</span>
            </p>
          </div>
          <div className="site-header__language">
            <LanguageSwitch />
          </div>
          <div className="site-header__logout">
            <button type="button" className="button button--quiet" onClick={() => void logout()} disabled={loggingOut}>
              {loggingOut ? t('header.loggingOut') : t('header.logout')}
            </button>
          </div>
        </div>
        <div className="site-header__nav">
          <MainNavigation viewer={viewer} />
        </div>
      </header>
      <PageBody />
    </div>
  );
}
