import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AbsenceFiguresFieldsFragment, AbsenceLevel } from '../../gql/graphql';
import { currentLocale } from '../../lib/i18n';
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

/** The headline figures of a period; lessons without a roll call are shown on their own, never as presence. */
export function AbsenceSummary({
  figures,
  level,
  thresholds,
  notTakenHref,
}: {
  figures: AbsenceFiguresFieldsFragment;
  level: AbsenceLevel;
  thresholds: { warningPercent: number; alarmPercent: number };
  /** the list of those lessons, where the viewer may see one */
  notTakenHref?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="panel stats-summary" aria-labelledby="stats-summary-heading" data-testid="absence-summary">
      <h2 id="stats-summary-heading" className="section-heading">
        {t('statistics.summary.heading')}
      </h2>
      <dl className="stats-summary__grid">
        <div className="stats-figure stats-figure--main">
          <dt>{t('statistics.figures.absence')}</dt>
          <dd>
            <span className="stats-figure__value" data-testid="absence-percent">
              {formatPercent(figures.absencePercent, locale)}
            </span>
            <LevelBadge level={level} />
          </dd>
        </div>
        <div className="stats-figure">
          <dt>{t('statistics.figures.valid')}</dt>
          <dd>
            <span className="stats-figure__value">{formatPercent(figures.validPercent, locale)}</span>
            <span className="stats-figure__sub">{formatMinutes(figures.validAbsentMinutes, locale)}</span>
          </dd>
        </div>
        <div className="stats-figure">
          <dt>{t('statistics.figures.unexcused')}</dt>
          <dd>
            <span className="stats-figure__value">{formatPercent(figures.unexcusedPercent, locale)}</span>
            <span className="stats-figure__sub">{formatMinutes(figures.unexcusedAbsentMinutes, locale)}</span>
          </dd>
        </div>
        <div className="stats-figure">
          <dt>{t('statistics.figures.late')}</dt>
          <dd>
            <span className="stats-figure__value">
              {t('statistics.summary.lateCount', { count: figures.lateCount, formatted: formatNumber(figures.lateCount, locale) })}
            </span>
            <span className="stats-figure__sub">{formatMinutes(figures.lateMinutes, locale)}</span>
          </dd>
        </div>
        <div className={`stats-figure${figures.notTakenLessons > 0 ? ' stats-figure--attention' : ''}`}>
          <dt>{t('statistics.figures.notTaken')}</dt>
          <dd>
            {notTakenHref && figures.notTakenLessons > 0 ? (
              <Link
                className="stats-figure__value text-link"
                to={notTakenHref}
                aria-label={t('missingRollCalls.summaryLink', {
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
        {t('statistics.summary.note', {
          lessons: formatNumber(figures.lessons, locale),
          warning: formatPercent(thresholds.warningPercent, locale),
          alarm: formatPercent(thresholds.alarmPercent, locale),
        })}
      </p>
    </section>
  );
}
