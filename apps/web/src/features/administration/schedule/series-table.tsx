import { useMutation, useQuery } from '@apollo/client/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { Pager } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import type { LessonSeriesFieldsFragment, LessonSeriesSortField } from '../../../gql/graphql';
import { formatShortDate } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { AdminTable, useListState } from '../admin-table';
import { EndLessonSeriesDocument, LessonSeriesListDocument } from './operations';
import { useProblemMessages, useRefusal, useWeekdayName } from './problems';

const PAGE_SIZE = 25;

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
  const list = useListState<LessonSeriesSortField>('GROUP', PAGE_SIZE);
  const [ending, setEnding] = useState<LessonSeriesFieldsFragment | null>(null);
  const { data, loading, error, refetch } = useQuery(LessonSeriesListDocument, {
    variables: {
      schoolId,
      termId,
      groupId,
      search: list.settledSearch.trim() || null,
      sort: list.sort,
      page: list.page,
    },
  });
  const rows = data?.lessonSeriesList.items ?? [];

  const columns = useMemo<ColumnDef<LessonSeriesFieldsFragment>[]>(() => {
    const describe = (series: LessonSeriesFieldsFragment) =>
      `${series.groupName} ${series.subjectName} ${weekdayName(series.weekday)} ${series.startTime}`;
    return [
      { id: 'GROUP', header: t('administration.schedule.columns.group'), cell: ({ row }) => row.original.groupName },
      {
        id: 'WEEKDAY',
        header: t('administration.schedule.columns.weekday'),
        cell: ({ row }) => `${weekdayName(row.original.weekday)} ${row.original.startTime}–${row.original.endTime}`,
      },
      { id: 'SUBJECT', header: t('administration.schedule.columns.subject'), cell: ({ row }) => row.original.subjectName },
      { id: 'ROOM', header: t('administration.schedule.columns.room'), cell: ({ row }) => row.original.room ?? '–' },
      {
        id: 'TEACHERS',
        header: t('administration.schedule.columns.teachers'),
        enableSorting: false,
        cell: ({ row }) => row.original.teachers.map((teacher) => teacher.signature).join(', '),
      },
      {
        id: 'VALID_FROM',
        header: t('administration.schedule.columns.period'),
        cell: ({ row }) => `${formatShortDate(row.original.validFrom, locale)}–${formatShortDate(row.original.validTo, locale)}`,
      },
      {
        id: 'LESSONS',
        header: t('administration.schedule.columns.lessons'),
        enableSorting: false,
        cell: ({ row }) => row.original.lessonCount,
      },
      {
        id: 'ACTIONS',
        header: () => <span className="visually-hidden">{t('administration.schedule.columns.actions')}</span>,
        enableSorting: false,
        meta: { cellClassName: 'schedule-admin__actions' },
        cell: ({ row }) => {
          const described = describe(row.original);
          return (
            <>
              <button type="button" className="button button--quiet" onClick={() => onEdit(row.original)}>
                {t('administration.schedule.edit')}
                <span className="visually-hidden"> {described}</span>
              </button>
              <button type="button" className="button button--quiet" onClick={() => setEnding(row.original)}>
                {t('administration.schedule.end')}
                <span className="visually-hidden"> {described}</span>
              </button>
            </>
          );
        },
      },
    ];
  }, [t, locale, weekdayName, onEdit]);

  return (
    <section className="schedule-admin__section" aria-labelledby="series-heading">
      <h2 id="series-heading">{t('administration.schedule.seriesHeading')}</h2>
      <SearchField label={t('administration.schedule.search')} value={list.search} onChange={list.setSearch} />
      {error ? <ErrorLine onRetry={() => void refetch()} /> : null}
      <AdminTable
        caption={t('administration.schedule.seriesCaption')}
        columns={columns}
        rows={rows}
        sort={list.sort}
        onSort={list.setSort}
        testId="series-table"
        busy={loading}
        empty={t('administration.schedule.noSeries')}
      />
      <Pager page={list.page} total={data?.lessonSeriesList.pageInfo.total ?? 0} onChange={list.setPage} />
      {ending ? <EndSeriesForm key={ending.id} series={ending} onClose={() => setEnding(null)} /> : null}
    </section>
  );
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
  const { problems, failed, attempt } = useRefusal();
  const [end, { loading }] = useMutation(EndLessonSeriesDocument, { refetchQueries: ['LessonSeriesList'] });
  const messages = useProblemMessages(problems);
  const submit = async () => {
    if (await attempt(() => end({ variables: { id: series.id, lastDate } }))) onClose();
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
