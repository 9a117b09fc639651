import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its accessible alternatives: a text description under the heading, and a table with the
 * same numbers that screen readers always have and anyone can show with the button.
 */
export function ChartFigure({
  title,
  description,
  chart,
  table,
  testId,
}: {
  title: string;
  description: string;
  chart: ReactNode;
  table: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tableShown, setTableShown] = useState(false);
  return (
    <section className="panel stats-chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="stats-chart__head">
        <h2 id={`${id}-title`} className="section-heading">
          {title}
        </h2>
        <button
          type="button"
          className="button button--quiet stats-chart__toggle"
          aria-expanded={tableShown}
          aria-controls={`${id}-table`}
          onClick={() => setTableShown((shown) => !shown)}
        >
          {tableShown ? t('statistics.chart.hideTable') : t('statistics.chart.showTable')}
        </button>
      </div>
      <p className="stats-chart__description" id={`${id}-description`}>
        {description}
      </p>
      {/* The drawing repeats the table below: assistive technology reads the table instead. */}
      <div className="stats-chart__drawing" aria-hidden="true">
        {chart}
      </div>
      {/* Hidden, the table still shows itself while the keyboard is in it (its region, its links). */}
      <div id={`${id}-table`} className={tableShown ? 'stats-chart__table' : 'visually-hidden stats-chart__table--hidden'}>
        {table}
      </div>
    </section>
  );
}
