import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useViewer } from '../features/auth/auth-context';
import type { Viewer } from '../features/auth/session';
import { useRollCallSync } from '../features/attendance/use-roll-call-queue';
import { LanguageSwitch } from '../features/locale/language-switch';
import { Brand } from './brand';
import { LogoutButton } from './logout-button';
import { PageBody } from './page-body';
import { SkipLink } from './skip-link';

function useRoleLabel(viewer: Viewer): string {
  const { t } = useTranslation();
  if (viewer.role === 'STAFF' && viewer.duties.length > 0) {
    return viewer.duties.map((duty) => t(`duties.${duty}`)).join(', ');
  }
  return t(`roles.${viewer.role}`);
}

interface NavItem {
  to: string;
  label: string;
}

function MainNavigation({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const ownClassId = viewer.role === 'STUDENT' ? viewer.students[0]?.classId : null;
  // An adult student reports their own sickness, applies for their own leave and decides on their guardians' access.
  const { isAdultStudent, ownPlans } = viewer;
  const staff = viewer.role === 'STAFF';
  const decidesLeave = staff && (viewer.duties.includes('MENTOR') || viewer.duties.includes('PRINCIPAL'));
  const reportsAbsence = viewer.role === 'GUARDIAN' || isAdultStudent;
  const items: (NavItem | false | null | undefined)[] = [
    staff && { to: '/idag', label: t('nav.today') },
    { to: '/schema', label: t('nav.schedule') },
    { to: '/nyheter', label: t('nav.news') },
    ownClassId ? { to: `/grupp/${encodeURIComponent(ownClassId)}`, label: t('nav.myClass') } : null,
    !staff && { to: '/franvaro', label: t('nav.absence') },
    reportsAbsence && { to: '/sjukanmalan', label: t('nav.sickReport') },
    reportsAbsence && { to: '/ledighet', label: t('nav.leave') },
    !staff && { to: '/omdomen', label: t('nav.assessments') },
    !staff && { to: '/betygsvarningar', label: t('nav.gradeWarnings') },
    ownPlans.developmentPlans && { to: '/iup', label: t('nav.developmentPlans') },
    ownPlans.studyPlans && { to: '/studieplan', label: t('nav.studyPlans') },
    !staff && { to: '/beslut-om-stod', label: t('nav.supportDecisions') },
    viewer.role === 'GUARDIAN' && { to: '/installningar/aviseringar', label: t('nav.notifications') },
    isAdultStudent && { to: '/samtycke', label: t('nav.consent') },
    staff && { to: '/grupper', label: t('nav.myGroups') },
    staff && { to: '/iup', label: t('nav.plans') },
    decidesLeave && { to: '/ledighet/beslut', label: t('nav.leaveDecisions') },
    staff && viewer.duties.includes('ADMINISTRATOR') && { to: '/utkorg', label: t('nav.outbox') },
    staff && viewer.duties.includes('ADMINISTRATOR') && { to: '/administration', label: t('nav.administration') },
    staff && viewer.duties.includes('ADMINISTRATOR') && { to: '/administration/logg', label: t('nav.auditLog') },
    staff &&
      (viewer.duties.includes('PRINCIPAL') || viewer.duties.includes('ADMINISTRATOR')) && {
        to: '/skola/franvaro',
        label: t('nav.schoolAbsence'),
      },
    staff &&
      (viewer.duties.includes('PRINCIPAL') || viewer.duties.includes('ADMINISTRATOR')) && {
        to: '/skola/betygsvarningar',
        label: t('nav.schoolGradeWarnings'),
      },
    staff &&
      (viewer.duties.includes('PRINCIPAL') || viewer.duties.includes('ADMINISTRATOR')) && {
        to: '/skola/rutiner',
        label: t('nav.schoolRoutines'),
      },
    staff &&
      (viewer.duties.includes('PRINCIPAL') || viewer.duties.includes('ADMINISTRATOR')) && {
        to: '/inloggningsbrev',
        label: t('nav.guardianLetters'),
      },
  ];
  const links = items.filter((item): item is NavItem => Boolean(item));
  const { pathname } = useLocation();
  /**
   * A link is current on the pages under it too, unless a more specific link of the menu is: Ledighet beside
   * Ledighetsbeslut, Administration beside Logg.
   */
  const yieldsTo = (to: string) =>
    links.some((other) => other.to.startsWith(`${to}/`) && (pathname === other.to || pathname.startsWith(`${other.to}/`)));
  const listId = useId();
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Only a phone shows the menu button (app.css): there the links are hidden until it is opened; wider, they always show.
  const [open, setOpen] = useState(false);

  // A press outside the open menu closes it, as a tap beside a menu does in other apps.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !navRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <nav
      ref={navRef}
      className={`main-nav${open ? ' main-nav--open' : ''}`}
      aria-label={t('a11y.mainNavigation')}
      onKeyDown={closeOnEscape}
    >
      <button
        ref={buttonRef}
        type="button"
        className="main-nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <svg className="main-nav__toggle-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          {open ? (
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
          ) : (
            <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
          )}
        </svg>
        {t('nav.menu')}
      </button>
      <ul className="main-nav__list" id={listId}>
        {links.map((item) => (
          <li key={item.to}>
            {/* Choosing a page closes the menu; focus then moves to the page's content (useFocusOnNavigation). */}
            <NavLink to={item.to} end={yieldsTo(item.to)} className="main-nav__link" onClick={() => setOpen(false)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Pages for a logged-in user: header with who is logged in, navigation, language and logout. */
export function AppLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const roleLabel = useRoleLabel(viewer);
  useRollCallSync(viewer.role === 'STAFF' ? viewer.userId : null);

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
            <Link className="text-link user-badge__link" to="/konto/losenord" data-testid="change-password-link">
              {t('header.changePassword')}
            </Link>
          </div>
          <div className="site-header__language">
            <LanguageSwitch />
          </div>
          <div className="site-header__logout">
            <LogoutButton />
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
