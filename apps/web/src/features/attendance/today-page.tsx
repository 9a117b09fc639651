import { useQuery } from '@apollo/client/react';
import { addDays, format, parseISO } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { formatLongDate, formatSchoolTime, formatShortDate, formatWeekday, schoolToday } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { useOfflineSnapshot } from '../../lib/offline-snapshot';
import { useViewer } from '../auth/auth-context';
import { MyGroupsDocument } from '../groups/operations';
import { RollCallStateBadge } from './lesson-state';
import { MyLessonsDocument } from './operations';
import { PendingNotice } from './pending-notice';
import { useRollCallQueue } from './use-roll-call-queue';

export const DAY_PARAM = 'dag';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function shiftDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** The `?dag=` of the address, or today at the school. */
export function useDayParam(): string {
  const [params] = useSearchParams();
  const value = params.get(DAY_PARAM);
  return value && DATE_PATTERN.test(value) && !Number.isNaN(parseISO(value).getTime()) ? value : schoolToday();
}

function DayNavigation({ date, path }: { date: string; path: string }) {
  const { t } = useTranslation();
  const today = schoolToday();
  const locale = currentLocale();
  const previous = shiftDate(date, -1);
  const next = shiftDate(date, 1);
  const to = (day: string) => (day === today ? path : `${path}?${DAY_PARAM}=${day}`);
  return (
    <nav className="week-nav" aria-label={t('today.dayNavigation')}>
      <Link
        className="button button--secondary week-nav__step"
        to={to(previous)}
        aria-label={t('today.previousDayLabel', { date: `${formatWeekday(previous, locale)} ${formatLongDate(previous, locale)}` })}
        data-testid="previous-day"
      >
        <span aria-hidden="true" className="week-nav__arrow">
          ‹
        </span>
        {t('today.previousDay')}
      </Link>
      <Link
        className={`button week-nav__today ${date === today ? 'button--secondary' : 'button--primary'}`}
        to={path}
        aria-current={date === today ? 'page' : undefined}
        data-testid="today"
      >
        {t('schedule.today')}
      </Link>
      <Link
        className="button button--secondary week-nav__step"
        to={to(next)}
        aria-label={t('today.nextDayLabel', { date: `${formatWeekday(next, locale)} ${formatLongDate(next, locale)}` })}
        data-testid="next-day"
      >
        {t('today.nextDay')}
        <span aria-hidden="true" className="week-nav__arrow">
          ›
        </span>
      </Link>
    </nav>
  );
}

export { DayNavigation };

export function MentorLinks({ date }: { date: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(MyGroupsDocument, { fetchPolicy: 'cache-and-network' });
  const classes = (data?.myGroups ?? []).filter((group) => group.kind === 'CLASS');
  if (classes.length === 0) return null;
  const today = schoolToday();
  return (
    <div className="page-header__links">
      {classes.map((group) => (
        <Link
          key={group.id}
          className="text-link"
          to={`/klass/${encodeURIComponent(group.id)}/idag${date === today ? '' : `?${DAY_PARAM}=${date}`}`}
          data-testid="class-day-link"
        >
          {date === today
            ? t('today.classDayLink', { name: group.name })
            : t('today.classDayLinkFor', { name: group.name, date: formatShortDate(date, currentLocale()) })}
        </Link>
      ))}
    </div>
  );
}

/** A staff member's lessons of a day with their roll-call state (kept on the device for a visit without network). */
export function DayLessons({ date }: { date: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const locale = currentLocale();
  const queue = useRollCallQueue();
  const { data, error, loading, refetch } = useQuery(MyLessonsDocument, {
    variables: { date, locale },
    fetchPolicy: 'cache-and-network',
  });
  const snapshot = useOfflineSnapshot(`my-lessons:${viewer.userId}:${date}:${locale}`, data, error);
  const shown = data ?? snapshot ?? undefined;
  const lessons = shown?.myLessons ?? [];

  return (
    <>
      {snapshot ? <Alert tone="info">{t('today.offlineSnapshot')}</Alert> : null}
      {error && !shown ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading && !shown ? (
        <LoadingState label={t('today.loading')} />
      ) : lessons.length === 0 ? (
        <p className="week-empty" data-testid="no-lessons">
          {t('today.noLessons')}
        </p>
      ) : (
        <ol className="today-list" aria-label={t('today.lessonsLabel', { count: lessons.length })} data-testid="today-lessons">
          {lessons.map((lesson) => {
            const queued = queue.pending.some((item) => item.lessonId === lesson.id && item.userId === viewer.userId);
            const cancelled = lesson.status === 'CANCELLED';
            const overdue = lesson.rollCallOverdue && lesson.rollCallState === 'NOT_TAKEN' && !queued;
            const time = t('schedule.time', { start: formatSchoolTime(lesson.startsAt), end: formatSchoolTime(lesson.endsAt) });
            return (
              <li
                key={lesson.id}
                className={`today-lesson${overdue ? ' today-lesson--overdue' : ''}${cancelled ? ' today-lesson--cancelled' : ''}`}
                data-testid="today-lesson"
              >
                <Link className="today-lesson__link" to={`/lektion/${encodeURIComponent(lesson.id)}/narvaro`}>
                  <span className="today-lesson__time">{time}</span>
                  <span className="today-lesson__subject">
                    {lesson.subjectName} <span className="today-lesson__group">{lesson.groupName}</span>
                  </span>
                  <span className="today-lesson__meta">
                    {lesson.room ? t('schedule.room', { room: lesson.room }) : t('schedule.noRoom')}
                    {' · '}
                    {t('groups.studentCount', { count: lesson.studentCount })}
                  </span>
                  <span className="today-lesson__state">
                    {cancelled ? (
                      <span className="badge badge--cancelled">{t('schedule.cancelled')}</span>
                    ) : (
                      <RollCallStateBadge state={lesson.rollCallState} overdue={lesson.rollCallOverdue} queued={queued} />
                    )}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

export function TodayPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const date = useDayParam();
  const locale = currentLocale();
  const isToday = date === schoolToday();
  const heading = isToday ? t('today.heading') : formatWeekday(date, locale);
  usePageTitle(isToday ? t('today.heading') : `${heading} ${formatLongDate(date, locale)}`);
  const isMentor = viewer.duties.includes('MENTOR');

  return (
    <div className="today">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">{t('today.kicker')}</p>
          <h1 className="page-header__title" data-testid="day-heading">
            {heading}
          </h1>
          <p className="page-header__sub">
            {isToday ? `${formatWeekday(date, locale)} ${formatLongDate(date, locale)}` : formatLongDate(date, locale)}
          </p>
        </div>
        {isMentor ? <MentorLinks date={date} /> : null}
        <div className="page-header__links">
          <Link className="text-link" to="/narvaro/saknas" data-testid="missing-roll-calls-link">
            {t('missingRollCalls.todayLink')}
          </Link>
        </div>
      </header>
      <PendingNotice />
      <DayNavigation date={date} path="/idag" />
      <DayLessons date={date} />
      <p className="today__schedule-link">
        <Link className="text-link" to="/schema">
          {t('today.toSchedule')}
        </Link>
      </p>
    </div>
  );
}
