import { useMutation, useQuery } from '@apollo/client/react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { Field } from '../../../components/ui/field';
import { Pager, type PageState } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { SortableHeader } from '../../../components/ui/sortable-header';
import type { LessonSeriesFieldsFragment, LessonSeriesSortField } from '../../../gql/graphql';
import { formatShortDate } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { EndLessonSeriesDocument, LessonSeriesListDocument } from './operations';
import { problemsOfError, useProblemMessages, useWeekdayName, type ScheduleFieldProblem } from './problems';

const PAGE_SIZE = 25;
const SORTABLE: Record<string, LessonSeriesSortField> = {
  group: 'GROUP',
  weekday: 'WEEKDAY',
  subject: 'SUBJECT',
  room: 'ROOM',
  period: 'VALID_FROM',
};

interface SeriesTableProps {
  schoolId: string;
  termId: string;
  groupId: string | null;
  onEdit: (series: LessonSeriesFieldsFragment) => void;
}

/** The term's lesson series at the school: searched, sorted and paged on the server; each can be changed or ended. */
export function SeriesTable({ schoolId, termId, groupId, onEdit }: SeriesTableProps) {
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  const locale = currentLocale();
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'group', desc: false }]);
  const [page, setPage] = useState<PageState>({ offset: 0, limit: PAGE_SIZE });
  const [ending, setEnding] = useState<LessonSeriesFieldsFragment | null>(null);
  const sort = sorting[0];
  const { data, loading, error, refetch } = useQuery(LessonSeriesListDocument, {
    variables: {
      schoolId,
      termId,
      groupId,
      search: search.trim() || null,
      sort: sort ? { field: SORTABLE[sort.id] ?? 'GROUP', direction: sort.desc ? 'DESC' : 'ASC' } : null,
      page,
    },
  });
  const rows = data?.lessonSeriesList.items ?? [];

  const columns = useMemo<ColumnDef<LessonSeriesFieldsFragment>[]>(
    () => [
      { id: 'group', header: t('administration.schedule.columns.group'), cell: ({ row }) => row.original.groupName },
      {
        id: 'weekday',
        header: t('administration.schedule.columns.weekday'),
        cell: ({ row }) => `${weekdayName(row.original.weekday)} ${row.original.startTime}–${row.original.endTime}`,
      },
      { id: 'subject', header: t('administration.schedule.columns.subject'), cell: ({ row }) => row.original.subjectName },
      { id: 'room', header: t('administration.schedule.columns.room'), cell: ({ row }) => row.original.room ?? '–' },
      {
        id: 'teachers',
        header: t('administration.schedule.columns.teachers'),
        enableSorting: false,
        cell: ({ row }) => row.original.teachers.map((teacher) => teacher.signature).join(', '),
      },
      {
        id: 'period',
        header: t('administration.schedule.columns.period'),
        cell: ({ row }) => `${formatShortDate(row.original.validFrom, locale)}–${formatShortDate(row.original.validTo, locale)}`,
      },
      {
        id: 'lessons',
        header: t('administration.schedule.columns.lessons'),
        enableSorting: false,
        cell: ({ row }) => row.original.lessonCount,
      },
    ],
    [t, locale, weekdayName],
  );

  // TanStack's table object is not memoisable by design; the React Compiler is told so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: (updater) => {
      setSorting(updater);
      setPage((current) => ({ ...current, offset: 0 }));
    },
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });

  return (
    <section className="schedule-admin__section" aria-labelledby="series-heading">
      <h2 id="series-heading">{t('administration.schedule.seriesHeading')}</h2>
      <SearchField
        label={t('administration.schedule.search')}
        value={search}
        onChange={(value) => {
          setSearch(value);
          setPage((current) => ({ ...current, offset: 0 }));
        }}
      />
      {error ? <ErrorLine onRetry={() => void refetch()} /> : null}
      <DataTable caption={t('administration.schedule.seriesCaption')} testId="series-table">
        <thead>
          {table.getHeaderGroups().map((headerGroup) => (
            <tr key={headerGroup.id}>
              {headerGroup.headers.map((header) =>
                header.column.getCanSort() ? (
                  <SortableHeader key={header.id} header={header} />
                ) : (
                  <th key={header.id} scope="col">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ),
              )}
              <th scope="col">
                <span className="visually-hidden">{t('administration.schedule.columns.actions')}</span>
              </th>
            </tr>
          ))}
        </thead>
        <tbody aria-busy={loading}>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
              <td className="schedule-admin__actions">
                <button type="button" className="button button--quiet" onClick={() => onEdit(row.original)}>
                  {t('administration.schedule.edit')}
                  <span className="visually-hidden"> {describe(row.original)}</span>
                </button>
                <button type="button" className="button button--quiet" onClick={() => setEnding(row.original)}>
                  {t('administration.schedule.end')}
                  <span className="visually-hidden"> {describe(row.original)}</span>
                </button>
              </td>
            </tr>
          ))}
          {!loading && rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1}>{t('administration.schedule.noSeries')}</td>
            </tr>
          ) : null}
        </tbody>
      </DataTable>
      <Pager page={page} total={data?.lessonSeriesList.pageInfo.total ?? 0} onChange={setPage} />
      {ending ? <EndSeriesForm key={ending.id} series={ending} onClose={() => setEnding(null)} /> : null}
    </section>
  );

  function describe(series: LessonSeriesFieldsFragment) {
    return `${series.groupName} ${series.subjectName} ${weekdayName(series.weekday)} ${series.startTime}`;
  }
}

function ErrorLine({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error">
      {t('administration.schedule.loadFailed')}{' '}
      <button type="button" className="button button--quiet" onClick={onRetry}>
        {t('administration.schedule.retry')}
      </button>
    </Alert>
  );
}

/** Ends a series on a day: it keeps its lessons up to then; later ones go at the next generation. */
function EndSeriesForm({ series, onClose }: { series: LessonSeriesFieldsFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  const id = useId();
  const [lastDate, setLastDate] = useState(series.validTo);
  const [problems, setProblems] = useState<ScheduleFieldProblem[]>([]);
  const [failed, setFailed] = useState(false);
  const [end, { loading }] = useMutation(EndLessonSeriesDocument, { refetchQueries: ['LessonSeriesList'] });
  const messages = useProblemMessages(problems);
  const submit = async () => {
    setProblems([]);
    setFailed(false);
    try {
      await end({ variables: { id: series.id, lastDate } });
      onClose();
    } catch (error) {
      const found = problemsOfError(error);
      if (found.length > 0) setProblems(found);
      else setFailed(true);
    }
  };
  return (
    <form
      className="form form-panel schedule-admin__panel"
      noValidate
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-heading`}>
        {t('administration.schedule.endHeading', {
          series: `${series.groupName}, ${series.subjectName}, ${weekdayName(series.weekday)} ${series.startTime}`,
        })}
      </h3>
      <Field
        id={`${id}-last`}
        label={t('administration.schedule.lastDate')}
        hint={t('administration.schedule.lastDateHint')}
        errors={messages('lastDate')}
      >
        {(describedBy, invalid) => (
          <input
            id={`${id}-last`}
            type="date"
            className="field__input"
            value={lastDate}
            min={series.validFrom}
            max={series.validTo}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setLastDate(event.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {t('administration.schedule.endSubmit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('administration.schedule.cancelEdit')}
        </button>
      </div>
      <Alert tone="error">{failed ? t('administration.schedule.saveFailed') : null}</Alert>
    </form>
  );
}
