import { useQuery } from '@apollo/client/react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { ImportSource } from '../../gql/graphql';
import { formatLongDate, formatSchoolDateTime, formatWeekday, schoolToday } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { DAY_PARAM, DayLessons, MentorLinks } from '../attendance/today-page';
import { PendingNotice } from '../attendance/pending-notice';
import { formatNumber } from '../statistics/format';
import { missingRollCallsHref, SCHOOL_PARAM } from '../statistics/missing-roll-calls-link';
import { AdministratorStartDocument, PrincipalSchoolStartDocument, PrincipalStartDocument } from './operations';
import './start.css';

/** Where each source's imports are made and their history shown. */
const IMPORT_PAGES: Record<ImportSource, string> = {
  STUDENT_LIST: '/administration/elevlista',
  GUARDIAN_LIST: '/administration/vardnadshavarlista',
  STAFF_LIST: '/administration/personallista',
  SS12000: '/administration/ss12000-kalla',
};

interface CardProps {
  testId: string;
  title: string;
  /** the school a figure is for */
  scope?: string;
  /** null while loading */
  count: number | null;
  /** the figure is a lower bound (the list behind it is cut off) */
  atLeast?: boolean;
  /** what is counted, in the count's plural */
  counted: string;
  link: { to: string; label: string };
  failed: boolean;
  onRetry: () => void;
  children?: ReactNode;
}

/** One thing to act on: how many, what they are, and a link to the page where they are acted on. */
function StartCard({ testId, title, scope, count, atLeast, counted, link, failed, onRetry, children }: CardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const locale = currentLocale();
  const attention = count !== null && count > 0;
  return (
    <section className={`start-card${attention ? ' start-card--attention' : ''}`} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="start-card__title">
        {title}
      </h2>
      {scope ? <p className="start-card__scope">{scope}</p> : null}
      {failed && count === null ? (
        <div className="start-card__failed" role="alert">
          <p>{t('start.failed')}</p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </div>
      ) : count === null ? (
        <p className="start-card__loading" role="status">
          {t('start.loadingFigure')}
        </p>
      ) : (
        <p className="start-card__figure">
          <span className="start-card__count" data-testid="start-count">
            {formatNumber(count, locale)}
            {atLeast ? '+' : ''}
          </span>{' '}
          <span className="start-card__counted">{counted}</span>
        </p>
      )}
      {children}
      <p className="start-card__link">
        <Link className="text-link" to={link.to}>
          {link.label}
        </Link>
      </p>
    </section>
  );
}

/** A school's lessons that ended today without a roll call, and its grade warnings past the days for contact with the home. */
function SchoolCards({ school, today, many }: { school: { id: string; name: string }; today: string; many: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, refetch } = useQuery(PrincipalSchoolStartDocument, {
    variables: { schoolId: school.id, range: { period: 'CUSTOM', from: today, to: today } },
    // Counts of now: always asked again, and kept apart from the lists' own answers in the cache.
    fetchPolicy: 'no-cache',
  });
  const missing = data?.lessonsWithoutRollCall;
  const warnings = data?.schoolGradeWarningRoutine;
  const retry = () => void refetch();
  const scope = many ? school.name : undefined;
  const missingCount = missing?.lessons.length ?? null;
  return (
    <>
      <StartCard
        testId="start-missing-roll-calls"
        title={t('start.missingRollCalls.title')}
        scope={scope}
        count={missingCount}
        atLeast={missing?.truncated}
        counted={t('start.missingRollCalls.counted', { count: missingCount ?? 0 })}
        link={{
          to: missingRollCallsHref({ schoolId: school.id }, { period: 'CUSTOM', from: today, to: today }),
          label: t('start.missingRollCalls.link'),
        }}
        failed={Boolean(error)}
        onRetry={retry}
      />
      <StartCard
        testId="start-overdue-warnings"
        title={t('start.gradeWarnings.title')}
        scope={scope}
        count={warnings?.overdue ?? null}
        counted={t('start.gradeWarnings.counted', { count: warnings?.overdue ?? 0, days: warnings?.contactDays ?? 0 })}
        link={{ to: `/skola/betygsvarningar?${SCHOOL_PARAM}=${encodeURIComponent(school.id)}`, label: t('start.gradeWarnings.link') }}
        failed={Boolean(error)}
        onRetry={retry}
      >
        {warnings ? (
          <p className="start-card__detail">
            {t('start.gradeWarnings.open', { count: warnings.open, formatted: formatNumber(warnings.open, locale) })}
          </p>
        ) : null}
      </StartCard>
    </>
  );
}

/** The principal: the school's day so far, grade warnings overdue, and leave waiting for their decision. */
function PrincipalCards({ today }: { today: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, refetch } = useQuery(PrincipalStartDocument, { fetchPolicy: 'no-cache' });
  const schools = data?.absenceSchools ?? [];
  const decidable = (data?.leaveApplicationsToDecide ?? []).filter((application) => application.canDecide);
  const longLeave = data ? decidable.filter((application) => application.decider === 'PRINCIPAL').length : null;
  const shortLeave = decidable.filter((application) => application.decider === 'MENTOR').length;
  return (
    <>
      {schools.map((school) => (
        <SchoolCards key={school.id} school={school} today={today} many={schools.length > 1} />
      ))}
      <StartCard
        testId="start-leave"
        title={t('start.leave.title')}
        count={longLeave}
        counted={t('start.leave.counted', { count: longLeave ?? 0 })}
        link={{ to: '/ledighet/beslut', label: t('start.leave.link') }}
        failed={Boolean(error)}
        onRetry={() => void refetch()}
      >
        {shortLeave > 0 ? (
          <p className="start-card__detail">
            {t('start.leave.mentors', { count: shortLeave, formatted: formatNumber(shortLeave, locale) })}
          </p>
        ) : null}
      </StartCard>
    </>
  );
}

/** The administrator: messages to the home that gave up, and imports that were stopped. */
function AdministratorCards() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, refetch } = useQuery(AdministratorStartDocument, { fetchPolicy: 'no-cache' });
  const failed = data?.outbox.failedCount ?? null;
  const stopped = data?.stoppedImports ?? null;
  const retry = () => void refetch();
  return (
    <>
      <StartCard
        testId="start-failed-messages"
        title={t('start.failedMessages.title')}
        count={failed}
        counted={t('start.failedMessages.counted', { count: failed ?? 0 })}
        link={{ to: '/utkorg?status=FAILED', label: t('start.failedMessages.link') }}
        failed={Boolean(error)}
        onRetry={retry}
      />
      <StartCard
        testId="start-stopped-imports"
        title={t('start.imports.title')}
        count={stopped?.length ?? null}
        counted={t('start.imports.counted', { count: stopped?.length ?? 0 })}
        link={{ to: '/administration', label: t('start.imports.link') }}
        failed={Boolean(error)}
        onRetry={retry}
      >
        {stopped && stopped.length > 0 ? (
          <ul className="start-card__list" data-testid="stopped-imports">
            {stopped.map((run) => {
              const when = formatSchoolDateTime(run.at, locale);
              return (
                <li key={run.id} className="start-card__item" data-testid="stopped-import">
                  <Link className="text-link" to={IMPORT_PAGES[run.source]}>
                    {t(`start.imports.source.${run.source}`)}
                  </Link>
                  <p>
                    {run.outcome === 'FAILED'
                      ? t('start.imports.failed')
                      : t('start.imports.refused', { count: run.problems, formatted: formatNumber(run.problems, locale) })}
                  </p>
                  <p className="start-card__when">
                    {run.byName ? t('start.imports.by', { when, name: run.byName }) : t('start.imports.nightly', { when })}
                  </p>
                </li>
              );
            })}
          </ul>
        ) : null}
      </StartCard>
    </>
  );
}

/**
 * /idag for a principal or an administrator: what they act on first, each with a count and a link to the page where
 * it is done. One who also teaches sees their own lessons of the day below.
 */
export function LeaderStartPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const locale = currentLocale();
  const today = schoolToday();
  usePageTitle(t('today.heading'));
  const principal = viewer.duties.includes('PRINCIPAL');
  const administrator = viewer.duties.includes('ADMINISTRATOR');
  const teaches = viewer.duties.includes('TEACHER') || viewer.duties.includes('MENTOR');
  const lessonsHeadingId = useId();

  return (
    <div className="start-page" data-testid="leader-start">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">{t('start.kicker')}</p>
          <h1 className="page-header__title" data-testid="day-heading">
            {t('today.heading')}
          </h1>
          <p className="page-header__sub">{`${formatWeekday(today, locale)} ${formatLongDate(today, locale)}`}</p>
        </div>
      </header>
      <div className="start-cards">
        {principal ? <PrincipalCards today={today} /> : null}
        {administrator ? <AdministratorCards /> : null}
      </div>
      {teaches ? (
        <section className="start-page__lessons" aria-labelledby={lessonsHeadingId}>
          <h2 id={lessonsHeadingId} className="section-heading">
            {t('start.myLessons')}
          </h2>
          <PendingNotice />
          <DayLessons date={today} />
          {viewer.duties.includes('MENTOR') ? <MentorLinks date={today} /> : null}
          <p className="page-header__links">
            <Link className="text-link" to={`/idag?${DAY_PARAM}=${today}`}>
              {t('start.dayByDay')}
            </Link>
            <Link className="text-link" to="/narvaro/saknas" data-testid="missing-roll-calls-link">
              {t('missingRollCalls.todayLink')}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
