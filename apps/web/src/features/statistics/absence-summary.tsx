import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { AbsenceFiguresFieldsFragment, AbsenceLevel } from '../../gql/graphql';
import { currentLocale } from '../../lib/i18n';
import type { AbsenceLessonsFilter } from './absence-lessons-link';
import { formatMinutes, formatNumber, formatPercent } from './format';

/** The level as text and a symbol, never by colour alone. */
export function LevelBadge({ level, compact = false }: { level: AbsenceLevel; compact?: boolean }) {
  const { t } = useTranslation();
  const symbol = level === 'ALARM' ? '!!' : level === 'WARNING' ? '!' : '✓';
  // In a table on a phone only the symbol shows (the text stays for screen readers).
  return (
    <span className={`stats-level stats-level--${level.toLowerCase()}${compact ? ' stats-level--compact' : ''}`} data-level={level}>
      <span aria-hidden="true" className="stats-level__icon">
        {symbol}
      </span>
      <span className="stats-level__text">{t(`statistics.level.${level}`)}</span>
    </span>
  );
}

/**
 * What the counts of lessons are: one student's lessons, or, summed over a class or a school, student-lessons (one
 * student in one lesson). The two are named apart: 40 student-lessons without a roll call may be two lessons.
 */
export type LessonCounting = 'lessons' | 'studentLessons';

/** The name of the count of lessons with no roll call taken, for a summary, a table's column or a CSV file. */
export function notTakenLabel(t: TFunction, counting: LessonCounting): string {
  return counting === 'lessons' ? t('statistics.figures.notTaken') : t('statistics.figures.notTakenStudentLessons');
}

/** The headline figures of a period; lessons without a roll call are shown on their own, never as presence. */
export function AbsenceSummary({
  figures,
  level,
  thresholds,
  counting,
  notTakenHref,
  lessonsHref,
}: {
  figures: AbsenceFiguresFieldsFragment;
  level: AbsenceLevel;
  thresholds: { warningPercent: number; alarmPercent: number };
  counting: LessonCounting;
  /** the list of those lessons, where the viewer may see one */
  notTakenHref?: string;
  /** one student's figures: the list of the lessons behind each of them */
  lessonsHref?: (filter: AbsenceLessonsFilter) => string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  /** A figure's value, leading to the lessons behind it where there is a list. */
  const value = (figure: string, filter: AbsenceLessonsFilter, text: string, testId?: string): ReactNode =>
    lessonsHref ? (
      <Link
        className="stats-figure__value text-link"
        to={lessonsHref(filter)}
        aria-label={`${text}. ${t('statistics.summary.figureLink', { figure })}`}
        data-testid={testId}
      >
        {text}
      </Link>
    ) : (
      <span className="stats-figure__value" data-testid={testId}>
        {text}
      </span>
    );
  return (
    <section className="panel stats-summary" aria-labelledby="stats-summary-heading" data-testid="absence-summary">
      <h2 id="stats-summary-heading" className="section-heading">
        {t('statistics.summary.heading')}
      </h2>
      <dl className="stats-summary__grid">
        <div className="stats-figure stats-figure--main">
          <dt>{t('statistics.figures.absence')}</dt>
          <dd>
            {figures.recordedMinutes === 0 ? (
              // Nothing to count yet (a Monday morning's week, a period ahead): no percentage, and no "under the limit".
              <>
                <span className="stats-figure__value" data-testid="absence-percent">
                  –
                </span>
                <span className="stats-figure__sub" data-testid="nothing-recorded">
                  {t('statistics.summary.nothingRecorded')}
                </span>
              </>
            ) : (
              <>
                {value(t('statistics.figures.absence'), {}, formatPercent(figures.absencePercent, locale), 'absence-percent')}
                <LevelBadge level={level} />
              </>
            )}
          </dd>
        </div>
        <div className="stats-figure">
          <dt>{t('statistics.figures.valid')}</dt>
          <dd>
            {value(t('statistics.figures.valid'), { valid: true }, formatPercent(figures.validPercent, locale), 'valid-percent')}
            <span className="stats-figure__sub">{formatMinutes(figures.validAbsentMinutes, locale)}</span>
          </dd>
        </div>
        <div className="stats-figure">
          <dt>{t('statistics.figures.unexcused')}</dt>
          <dd>
            {value(
              t('statistics.figures.unexcused'),
              { valid: false },
              formatPercent(figures.unexcusedPercent, locale),
              'unexcused-percent',
            )}
            <span className="stats-figure__sub">{formatMinutes(figures.unexcusedAbsentMinutes, locale)}</span>
          </dd>
        </div>
        <div className="stats-figure">
          <dt>{t('statistics.figures.late')}</dt>
          <dd>
            {value(
              t('statistics.figures.late'),
              { status: 'LATE' },
              t('statistics.summary.lateCount', { count: figures.lateCount, formatted: formatNumber(figures.lateCount, locale) }),
              'late-count',
            )}
            <span className="stats-figure__sub">{formatMinutes(figures.lateMinutes, locale)}</span>
          </dd>
        </div>
        <div className={`stats-figure${figures.notTakenLessons > 0 ? ' stats-figure--attention' : ''}`}>
          <dt>{notTakenLabel(t, counting)}</dt>
          <dd>
            {notTakenHref && figures.notTakenLessons > 0 ? (
              <Link
                className="stats-figure__value text-link"
                to={notTakenHref}
                aria-label={t(counting === 'lessons' ? 'missingRollCalls.summaryLink' : 'missingRollCalls.summaryLinkStudentLessons', {
                  count: figures.notTakenLessons,
                  formatted: formatNumber(figures.notTakenLessons, locale),
                })}
                data-testid="not-taken"
              >
                {formatNumber(figures.notTakenLessons, locale)}
              </Link>
            ) : (
              <span className="stats-figure__value" data-testid="not-taken">
                {formatNumber(figures.notTakenLessons, locale)}
              </span>
            )}
            <span className="stats-figure__sub">{formatMinutes(figures.notTakenMinutes, locale)}</span>
          </dd>
        </div>
      </dl>
      <p className="stats-summary__note">
        {t(counting === 'lessons' ? 'statistics.summary.note' : 'statistics.summary.noteStudentLessons', {
          lessons: formatNumber(figures.lessons, locale),
          warning: formatPercent(thresholds.warningPercent, locale),
          alarm: formatPercent(thresholds.alarmPercent, locale),
        })}
      </p>
    </section>
  );
}
