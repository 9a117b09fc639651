import { useTranslation } from 'react-i18next';
import type { LessonFieldsFragment } from '../../gql/graphql';
import { currentLocale } from '../../lib/i18n';
import { formatShortDate, formatShortWeekday, formatWeekday, schoolToday } from '../../lib/dates';
import { LessonCard } from './lesson-card';

export interface WeekViewDay {
  date: string;
  weekday: number;
  lessons: readonly LessonFieldsFragment[];
}

interface WeekViewProps {
  days: readonly WeekViewDay[];
  perspective: 'student' | 'teacher';
}

/** Monday–Friday: five columns from tablet width up, one day under the other on a phone. */
export function WeekView({ days, perspective }: WeekViewProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const today = schoolToday();
  const empty = days.every((day) => day.lessons.length === 0);

  // A week without lessons (a holiday, or staff who do not teach): one line instead of five empty days.
  if (empty) {
    return (
      <p className="week-empty" data-testid="week-empty">
        {t('schedule.noLessonsWeek')}
      </p>
    );
  }

  return (
    <>
      {/* Phones show the days one under the other; these links jump to a day (hidden from tablet width up). */}
      <nav className="day-jump" aria-label={t('schedule.dayJump')}>
        <ul className="day-jump__list">
          {days.map((day) => (
            <li key={day.date}>
              <a
                className={`day-jump__link${day.date === today ? ' day-jump__link--today' : ''}`}
                href={`#day-${day.date}`}
                aria-current={day.date === today ? 'date' : undefined}
              >
                <span className="day-jump__name">{formatShortWeekday(day.date, locale)}</span>
                <span className="day-jump__date">{day.date.slice(8).replace(/^0/, '')}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="week-grid" data-testid="week-grid">
        {days.map((day) => {
          const isToday = day.date === today;
          const headingId = `day-${day.date}-heading`;
          return (
            <section
              key={day.date}
              className={`day${isToday ? ' day--today' : ''}`}
              aria-labelledby={headingId}
              id={`day-${day.date}`}
              tabIndex={-1}
              data-testid="day"
              data-date={day.date}
            >
              <h2 className="day__heading" id={headingId}>
                <span className="day__name">{formatWeekday(day.date, locale)}</span>{' '}
                <span className="day__date">{formatShortDate(day.date, locale)}</span>
                {isToday ? <span className="badge badge--today">{t('schedule.todayMarker')}</span> : null}
              </h2>
              {day.lessons.length > 0 ? (
                <ol className="day__lessons">
                  {day.lessons.map((lesson) => (
                    <LessonCard key={lesson.id} lesson={lesson} perspective={perspective} />
                  ))}
                </ol>
              ) : (
                <p className="day__empty">{t('schedule.noLessonsDay')}</p>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
