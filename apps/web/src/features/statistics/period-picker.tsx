import { MAX_STATISTICS_RANGE_DAYS, statisticsRange, type RangeProblem, type StatisticsPeriod } from '@insyn/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateSpan, schoolToday } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { PERIODS, type RangeParam } from './range-param';

/** Week, month, term, school year or a custom range; the shown dates come from the API's answer. */
export function PeriodPicker({ param, shown }: { param: RangeParam; shown: { from: string; to: string } | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(param.from);
  const [to, setTo] = useState(param.to);
  const [problem, setProblem] = useState<RangeProblem | null>(null);
  const visibleProblem = problem ?? (param.period === 'CUSTOM' && param.from !== '' ? param.problem : null);

  function apply(event: FormEvent) {
    event.preventDefault();
    const checked = statisticsRange('CUSTOM', schoolToday(), { custom: { from, to } });
    if (!checked.ok) {
      setProblem(checked.problem);
      document.getElementById(`${id}-from`)?.focus();
      return;
    }
    setProblem(null);
    param.setCustom(checked.value.from, checked.value.to);
  }

  return (
    <div className="stats-period" data-testid="period-picker">
      <div className="field stats-period__select">
        <label className="field__label" htmlFor={`${id}-period`}>
          {t('statistics.period.label')}
        </label>
        <select
          id={`${id}-period`}
          className="field__input"
          value={param.period}
          onChange={(event) => {
            const next = PERIODS.find((period) => period === event.target.value);
            if (next) param.setPeriod(next);
          }}
        >
          {PERIODS.map((period: StatisticsPeriod) => (
            <option key={period} value={period}>
              {t(`statistics.period.${period}`)}
            </option>
          ))}
        </select>
      </div>
      {param.period === 'CUSTOM' ? (
        <form className="stats-period__custom" onSubmit={apply} noValidate>
          <div className={`field${visibleProblem ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-from`}>
              {t('statistics.period.from')}
            </label>
            <input
              id={`${id}-from`}
              className="field__input"
              type="date"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              aria-invalid={visibleProblem ? true : undefined}
              aria-describedby={visibleProblem ? `${id}-error` : undefined}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-to`}>
              {t('statistics.period.to')}
            </label>
            <input id={`${id}-to`} className="field__input" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
          </div>
          <button type="submit" className="button button--secondary">
            {t('statistics.period.apply')}
          </button>
          {visibleProblem ? (
            <p id={`${id}-error`} className="field__error stats-period__error">
              {t(`statistics.rangeProblem.${visibleProblem}`, { days: MAX_STATISTICS_RANGE_DAYS })}
            </p>
          ) : null}
        </form>
      ) : null}
      {shown ? (
        <p className="stats-period__shown" data-testid="period-shown">
          {t('statistics.period.shown', { span: formatDateSpan(shown.from, shown.to, currentLocale()) })}
        </p>
      ) : null}
    </div>
  );
}
