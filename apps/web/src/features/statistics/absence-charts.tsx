import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '../../components/ui/data-table';
import type { AbsenceFiguresFieldsFragment } from '../../gql/graphql';
import { currentLocale, type AppLocale } from '../../lib/i18n';
import { ChartFigure } from './chart-figure';
import { formatNumber, formatPercent } from './format';

export const VALID_COLOUR = '#1d4e6f';
export const UNEXCUSED_COLOUR = '#c0392b';

interface Point {
  key: string;
  label: string;
  valid: number;
  unexcused: number;
  figures: AbsenceFiguresFieldsFragment;
}

export interface WeekPoint {
  label: string;
  isoWeek: number;
  figures: AbsenceFiguresFieldsFragment;
}

/** "måndag" / "Monday" for 1 … 5 (1 January 2024 was a Monday). */
export function weekdayName(weekday: number, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

const point = (key: string, label: string, figures: AbsenceFiguresFieldsFragment): Point => ({
  key,
  label,
  valid: figures.validPercent,
  unexcused: figures.unexcusedPercent,
  figures,
});

function highest(points: Point[]): Point | null {
  return points.reduce<Point | null>(
    (top, candidate) => (!top || candidate.figures.absencePercent > top.figures.absencePercent ? candidate : top),
    null,
  );
}

function FiguresTable({ caption, firstColumn, points, testId }: { caption: string; firstColumn: string; points: Point[]; testId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DataTable caption={caption} testId={testId}>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col" className="data-table__numeric">
            {t('statistics.figures.absence')}
          </th>
          <th scope="col" className="data-table__numeric">
            {t('statistics.figures.valid')}
          </th>
          <th scope="col" className="data-table__numeric">
            {t('statistics.figures.unexcused')}
          </th>
          <th scope="col" className="data-table__numeric">
            {t('statistics.figures.notTaken')}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="data-table__numeric">{formatPercent(row.figures.absencePercent, locale)}</td>
            <td className="data-table__numeric">{formatPercent(row.figures.validPercent, locale)}</td>
            <td className="data-table__numeric">{formatPercent(row.figures.unexcusedPercent, locale)}</td>
            <td className="data-table__numeric">{formatNumber(row.figures.notTakenLessons, locale)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Long subject names are cut on the axis; the table and the tooltip have them whole. */
const shortLabel = (label: string) => (label.length > 16 ? `${label.slice(0, 15)}…` : label);

/** Stacked bars: valid and unexcused absence in per cent, one bar per category. */
function StackedBars({ points, vertical = false }: { points: Point[]; vertical?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const percent = (value: number) => formatPercent(value, locale);
  const height = vertical ? Math.max(160, points.length * 34 + 60) : 240;
  const tooltip = (value: unknown) => (typeof value === 'number' ? percent(value) : String(value));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        accessibilityLayer={false}
        data={points}
        layout={vertical ? 'vertical' : 'horizontal'}
        margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#d3d9df" />
        {vertical ? (
          <>
            <XAxis type="number" tickFormatter={percent} allowDecimals={false} tick={{ fill: '#4a5663', fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={112} tickFormatter={shortLabel} tick={{ fill: '#17212b', fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={{ fill: '#17212b', fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis tickFormatter={percent} width={48} allowDecimals={false} tick={{ fill: '#4a5663', fontSize: 12 }} />
          </>
        )}
        <Tooltip formatter={tooltip} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        <Bar dataKey="valid" name={t('statistics.figures.valid')} stackId="absence" fill={VALID_COLOUR} isAnimationActive={false} />
        <Bar
          dataKey="unexcused"
          name={t('statistics.figures.unexcused')}
          stackId="absence"
          fill={UNEXCUSED_COLOUR}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function WeekTrendChart({ weeks, testId = 'week-chart' }: { weeks: WeekPoint[]; testId?: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const points = weeks.map((week) => point(week.label, t('statistics.weekShort', { week: week.isoWeek }), week.figures));
  const top = highest(points);
  const description =
    points.length === 0
      ? t('statistics.chart.noData')
      : t('statistics.chart.weekDescription', {
          count: points.length,
          label: top?.label ?? '',
          percent: formatPercent(top?.figures.absencePercent ?? 0, locale),
        });
  return (
    <ChartFigure
      testId={testId}
      title={t('statistics.chart.weekTitle')}
      description={description}
      chart={points.length > 0 ? <StackedBars points={points} /> : null}
      table={
        <FiguresTable
          caption={t('statistics.chart.weekTitle')}
          firstColumn={t('statistics.figures.week')}
          points={points}
          testId={`${testId}-table`}
        />
      }
    />
  );
}

export function SubjectChart({
  subjects,
}: {
  subjects: { subjectCode: string; subjectName: string; figures: AbsenceFiguresFieldsFragment }[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const points = subjects.map((subject) => point(subject.subjectCode, subject.subjectName, subject.figures));
  const top = highest(points);
  const description =
    points.length === 0 || !top
      ? t('statistics.chart.noData')
      : t('statistics.chart.subjectDescription', { subject: top.label, percent: formatPercent(top.figures.absencePercent, locale) });
  return (
    <ChartFigure
      testId="subject-chart"
      title={t('statistics.chart.subjectTitle')}
      description={description}
      chart={points.length > 0 ? <StackedBars points={points} vertical /> : null}
      table={
        <FiguresTable
          caption={t('statistics.chart.subjectTitle')}
          firstColumn={t('statistics.figures.subject')}
          points={points}
          testId="subject-chart-table"
        />
      }
    />
  );
}

export function WeekdayChart({ weekdays }: { weekdays: { weekday: number; figures: AbsenceFiguresFieldsFragment }[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const points = weekdays.map((day) => point(String(day.weekday), weekdayName(day.weekday, locale), day.figures));
  const top = highest(points);
  const description =
    points.length === 0 || !top
      ? t('statistics.chart.noData')
      : t('statistics.chart.weekdayDescription', { weekday: top.label, percent: formatPercent(top.figures.absencePercent, locale) });
  return (
    <ChartFigure
      testId="weekday-chart"
      title={t('statistics.chart.weekdayTitle')}
      description={description}
      chart={points.length > 0 ? <StackedBars points={points} /> : null}
      table={
        <FiguresTable
          caption={t('statistics.chart.weekdayTitle')}
          firstColumn={t('statistics.figures.weekday')}
          points={points}
          testId="weekday-chart-table"
        />
      }
    />
  );
}
