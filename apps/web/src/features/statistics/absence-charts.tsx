import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';
import { DataTable } from '../../components/ui/data-table';
import type { AbsenceFiguresFieldsFragment } from '../../gql/graphql';
import { currentLocale, type AppLocale } from '../../lib/i18n';
import type { AbsenceLessonsFilter } from './absence-lessons-link';
import { notTakenLabel, type LessonCounting } from './absence-summary';
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
  /** the lessons behind the bar */
  filter: AbsenceLessonsFilter;
}

/** One student's charts: the list of the lessons behind a bar (or a part of one: valid, unexcused). */
export type LessonsHref = (filter: AbsenceLessonsFilter) => string;

export interface WeekPoint {
  label: string;
  isoWeek: number;
  figures: AbsenceFiguresFieldsFragment;
}

/** "måndag" / "Monday" for 1 … 5 (1 January 2024 was a Monday). */
export function weekdayName(weekday: number, locale: AppLocale, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { weekday: width, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

const point = (key: string, label: string, figures: AbsenceFiguresFieldsFragment, filter: AbsenceLessonsFilter = {}): Point => ({
  key,
  label,
  valid: figures.validPercent,
  unexcused: figures.unexcusedPercent,
  figures,
  filter,
});

/** The chart's description, with how to reach the lessons where the bars lead to them. */
const withHint = (description: string, hint: string, lessonsHref: LessonsHref | undefined, points: Point[]) =>
  lessonsHref && points.length > 0 ? `${description} ${hint}` : description;

function highest(points: Point[]): Point | null {
  return points.reduce<Point | null>(
    (top, candidate) => (!top || candidate.figures.absencePercent > top.figures.absencePercent ? candidate : top),
    null,
  );
}

function FiguresTable({
  caption,
  firstColumn,
  points,
  counting,
  lessonsHref,
  testId,
}: {
  caption: string;
  firstColumn: string;
  points: Point[];
  counting: LessonCounting;
  lessonsHref?: LessonsHref;
  testId: string;
}) {
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
            {notTakenLabel(t, counting)}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              {lessonsHref ? (
                <Link className="text-link" to={lessonsHref(row.filter)} aria-label={t('statistics.chart.lessonsOf', { label: row.label })}>
                  {row.label}
                </Link>
              ) : (
                row.label
              )}
            </th>
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

/** Room at the left of a bar chart lying down for its category names ("Hem- och konsumentkunskap"). */
const CATEGORY_AXIS_WIDTH = 136;
const AXIS_FONT_SIZE = 12;
/** A category name on up to three lines, so that a bar (34 px) has room for its name. */
const CATEGORY_LINE_HEIGHT = 14;

/** A category name whole, broken between words onto lines that fit the axis (it was cut: "Home and consum…"). */
function CategoryTick({ x, y, payload }: YAxisTickContentProps) {
  return (
    <Text
      x={x}
      y={y}
      width={CATEGORY_AXIS_WIDTH - 8}
      textAnchor="end"
      verticalAnchor="middle"
      lineHeight={CATEGORY_LINE_HEIGHT}
      fill="#17212b"
      fontSize={AXIS_FONT_SIZE}
      // Measured in a span of its own: a number without a unit would measure at the page's 16 px and wrap too soon.
      style={{ fontSize: `${AXIS_FONT_SIZE}px` }}
    >
      {String(payload.value)}
    </Text>
  );
}

/** Stacked bars: valid and unexcused absence in per cent, one bar per category. */
function StackedBars({
  points,
  vertical = false,
  lessonsHref,
  axisLabel,
}: {
  points: Point[];
  vertical?: boolean;
  lessonsHref?: LessonsHref;
  /** a shorter name under a bar standing up, where the whole one would not fit a phone ("Wednesday": "Wed") */
  axisLabel?: (label: string) => string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  // A bar's part opens its lessons; the table beside the chart has the same as links for the keyboard.
  const open = (valid: boolean) =>
    lessonsHref
      ? (_bar: unknown, index: number) => {
          const clicked = points[index];
          if (clicked) void navigate(lessonsHref({ ...clicked.filter, valid }));
        }
      : undefined;
  const cursor = lessonsHref ? 'pointer' : undefined;
  const percent = (value: number) => formatPercent(value, locale);
  const height = vertical ? Math.max(160, points.length * 44 + 60) : 240;
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
            <YAxis type="category" dataKey="label" width={CATEGORY_AXIS_WIDTH} tick={CategoryTick} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tickFormatter={axisLabel} tick={{ fill: '#17212b', fontSize: 12 }} interval="preserveStartEnd" />
            <YAxis tickFormatter={percent} width={48} allowDecimals={false} tick={{ fill: '#4a5663', fontSize: 12 }} />
          </>
        )}
        <Tooltip formatter={tooltip} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        <Bar
          dataKey="valid"
          name={t('statistics.figures.valid')}
          stackId="absence"
          fill={VALID_COLOUR}
          isAnimationActive={false}
          onClick={open(true)}
          cursor={cursor}
        />
        <Bar
          dataKey="unexcused"
          name={t('statistics.figures.unexcused')}
          stackId="absence"
          fill={UNEXCUSED_COLOUR}
          isAnimationActive={false}
          onClick={open(false)}
          cursor={cursor}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function WeekTrendChart({
  weeks,
  counting,
  lessonsHref,
  testId = 'week-chart',
}: {
  weeks: WeekPoint[];
  /** a student's lessons, or a school's student-lessons */
  counting: LessonCounting;
  lessonsHref?: LessonsHref;
  testId?: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const points = weeks.map((week) =>
    point(week.label, t('statistics.weekShort', { week: week.isoWeek }), week.figures, { week: week.label }),
  );
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
      description={withHint(description, t('statistics.chart.barHint'), lessonsHref, points)}
      chart={points.length > 0 ? <StackedBars points={points} lessonsHref={lessonsHref} /> : null}
      table={
        <FiguresTable
          caption={t('statistics.chart.weekTitle')}
          firstColumn={t('statistics.figures.week')}
          points={points}
          counting={counting}
          lessonsHref={lessonsHref}
          testId={`${testId}-table`}
        />
      }
    />
  );
}

export function SubjectChart({
  subjects,
  lessonsHref,
}: {
  subjects: { subjectCode: string; subjectName: string; figures: AbsenceFiguresFieldsFragment }[];
  lessonsHref?: LessonsHref;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const points = subjects.map((subject) =>
    point(subject.subjectCode, subject.subjectName, subject.figures, { subjectCode: subject.subjectCode }),
  );
  const top = highest(points);
  const description =
    points.length === 0 || !top
      ? t('statistics.chart.noData')
      : t('statistics.chart.subjectDescription', { subject: top.label, percent: formatPercent(top.figures.absencePercent, locale) });
  return (
    <ChartFigure
      testId="subject-chart"
      title={t('statistics.chart.subjectTitle')}
      description={withHint(description, t('statistics.chart.barHint'), lessonsHref, points)}
      chart={points.length > 0 ? <StackedBars points={points} vertical lessonsHref={lessonsHref} /> : null}
      table={
        <FiguresTable
          caption={t('statistics.chart.subjectTitle')}
          firstColumn={t('statistics.figures.subject')}
          points={points}
          counting="lessons"
          lessonsHref={lessonsHref}
          testId="subject-chart-table"
        />
      }
    />
  );
}

export function WeekdayChart({
  weekdays,
  lessonsHref,
}: {
  weekdays: { weekday: number; figures: AbsenceFiguresFieldsFragment }[];
  lessonsHref?: LessonsHref;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const points = weekdays.map((day) => point(String(day.weekday), weekdayName(day.weekday, locale), day.figures, { weekday: day.weekday }));
  // Under the bars on a phone only short names fit ("Wednesday" was left out); the table and the tooltip have them whole.
  const shortNames = new Map(weekdays.map((day) => [weekdayName(day.weekday, locale), weekdayName(day.weekday, locale, 'short')]));
  const shortName = (label: string) => shortNames.get(label) ?? label;
  const top = highest(points);
  const description =
    points.length === 0 || !top
      ? t('statistics.chart.noData')
      : t('statistics.chart.weekdayDescription', { weekday: top.label, percent: formatPercent(top.figures.absencePercent, locale) });
  return (
    <ChartFigure
      testId="weekday-chart"
      title={t('statistics.chart.weekdayTitle')}
      description={withHint(description, t('statistics.chart.barHint'), lessonsHref, points)}
      chart={points.length > 0 ? <StackedBars points={points} lessonsHref={lessonsHref} axisLabel={shortName} /> : null}
      table={
        <FiguresTable
          caption={t('statistics.chart.weekdayTitle')}
          firstColumn={t('statistics.figures.weekday')}
          points={points}
          counting="lessons"
          lessonsHref={lessonsHref}
          testId="weekday-chart-table"
        />
      }
    />
  );
}
