import { useQuery } from '@apollo/client/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredGroupSortField, AdministeredGroupsQuery, GroupKind } from '../../../gql/graphql';
import { schoolToday } from '../../../lib/dates';
import { AdminTable, useListState } from '../admin-table';
import { AdministeredGroupsDocument, GroupOptionsDocument } from './operations';
import { AdminPageHeader } from '../admin-page-header';

type Row = AdministeredGroupsQuery['administeredGroups']['groups'][number];

/** The name of the group just deleted, when its page sent the administrator here. */
function deletedGroupOf(state: unknown): string | null {
  return typeof state === 'object' && state !== null && 'deletedGroup' in state && typeof state.deletedGroup === 'string'
    ? state.deletedGroup
    : null;
}

/** /administration/grupper: the organisation's classes and teaching groups, searched, filtered, sorted and paged by the API. */
export function GroupsListPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  usePageTitle(t('administration.groups.title'));
  const deleted = deletedGroupOf(useLocation().state);
  const list = useListState<AdministeredGroupSortField>('NAME');
  const [schoolId, setSchoolId] = useState('');
  // null: the school year of today, once the options have come
  const [chosenYear, setChosenYear] = useState<string | null>(null);
  const [kind, setKind] = useState<GroupKind | ''>('');
  const options = useQuery(GroupOptionsDocument);
  const today = schoolToday();
  const years = options.data?.administeredGroupOptions.schoolYears ?? [];
  const schoolYearId = chosenYear ?? years.find((year) => year.startDate <= today && today <= year.endDate)?.id ?? '';
  const { data, previousData, error, refetch } = useQuery(AdministeredGroupsDocument, {
    skip: !options.data,
    variables: {
      filter: { search: list.settledSearch || null, schoolId: schoolId || null, schoolYearId: schoolYearId || null, kind: kind || null },
      sort: list.sort,
      page: list.page,
    },
  });
  const shown = data ?? previousData;
  const language = i18n.language;

  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'NAME',
        header: t('administration.groups.name'),
        meta: { rowHeader: true },
        cell: ({ row }) => <Link to={`/administration/grupper/${row.original.id}`}>{row.original.name}</Link>,
      },
      {
        id: 'KIND',
        header: t('administration.groups.kindColumn'),
        cell: ({ row }) => t(`administration.groups.kind.${row.original.kind}`),
      },
      { id: 'YEAR_LEVEL', header: t('administration.groups.yearLevel'), cell: ({ row }) => row.original.yearLevel ?? '–' },
      { id: 'SCHOOL', header: t('administration.groups.school'), cell: ({ row }) => row.original.school.name },
      {
        id: 'SCHOOL_YEAR',
        header: t('administration.groups.schoolYear'),
        enableSorting: false,
        cell: ({ row }) => row.original.schoolYear.name,
      },
      {
        id: 'SUBJECT',
        header: t('administration.groups.subject'),
        enableSorting: false,
        cell: ({ row }) => {
          const subject = row.original.subject;
          return subject ? `${subject.code} ${language === 'en' ? subject.nameEn : subject.nameSv}` : '–';
        },
      },
      {
        id: 'STUDENTS',
        header: t('administration.groups.currentStudents'),
        enableSorting: false,
        meta: { numeric: true },
        cell: ({ row }) => row.original.currentStudents,
      },
    ],
    [t, language],
  );
  const restart =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      list.resetPage();
    };

  if (options.loading && !options.data) return <LoadingState label={t('administration.groups.loading')} />;
  if (options.error) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const choices = options.data?.administeredGroupOptions;
  return (
    <>
      <AdminPageHeader back="/administration" backLabel={t('administration.title')} title={t('administration.groups.title')}>
        <div className="page-header__links">
          <Link className="button button--primary" to="/administration/grupper/ny">
            {t('administration.groups.create')}
          </Link>
          <Link to="/administration/amnen">{t('administration.subjects.title')}</Link>
        </div>
      </AdminPageHeader>
      <Alert tone="success">{deleted === null ? null : t('administration.groups.deletion.deleted', { name: deleted })}</Alert>
      <div className="list-controls">
        <SearchField label={t('administration.groups.search')} value={list.search} onChange={list.setSearch} />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-school`}>
            {t('administration.groups.school')}
          </label>
          <select
            id={`${id}-school`}
            className="field__input"
            value={schoolId}
            onChange={(event) => restart(setSchoolId)(event.target.value)}
          >
            <option value="">{t('administration.groups.allSchools')}</option>
            {choices?.schools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-year`}>
            {t('administration.groups.schoolYear')}
          </label>
          <select
            id={`${id}-year`}
            className="field__input"
            value={schoolYearId}
            onChange={(event) => restart(setChosenYear)(event.target.value)}
          >
            <option value="">{t('administration.groups.allSchoolYears')}</option>
            {years.map((year) => (
              <option key={year.id} value={year.id}>
                {year.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            {t('administration.groups.kindColumn')}
          </label>
          <select
            id={`${id}-kind`}
            className="field__input"
            value={kind}
            onChange={(event) =>
              restart(setKind)(event.target.value === 'CLASS' || event.target.value === 'TEACHING' ? event.target.value : '')
            }
          >
            <option value="">{t('administration.groups.allKinds')}</option>
            <option value="CLASS">{t('administration.groups.kind.CLASS')}</option>
            <option value="TEACHING">{t('administration.groups.kind.TEACHING')}</option>
          </select>
        </div>
      </div>
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {!shown ? (
        <LoadingState label={t('administration.groups.loading')} />
      ) : (
        <>
          <AdminTable
            caption={t('administration.groups.caption', { count: shown.administeredGroups.pageInfo.total })}
            columns={columns}
            rows={shown.administeredGroups.groups}
            sort={list.sort}
            onSort={list.setSort}
            testId="groups-table"
          />
          {shown.administeredGroups.pageInfo.total === 0 ? <p>{t('administration.groups.empty')}</p> : null}
          <Pager page={list.page} total={shown.administeredGroups.pageInfo.total} onChange={list.setPage} />
        </>
      )}
    </>
  );
}
