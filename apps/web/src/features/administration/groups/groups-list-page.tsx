import { useQuery } from '@apollo/client/react';
import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager, type PageState } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { SortableHeader } from '../../../components/ui/sortable-header';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredGroupSortField, AdministeredGroupsQuery, GroupKind } from '../../../gql/graphql';
import { schoolToday } from '../../../lib/dates';
import { AdministeredGroupsDocument, GroupOptionsDocument } from './operations';

type Row = AdministeredGroupsQuery['administeredGroups']['groups'][number];
const SORTABLE: readonly AdministeredGroupSortField[] = ['NAME', 'KIND', 'YEAR_LEVEL', 'SCHOOL'];
const isSortable = (id: string): id is AdministeredGroupSortField => SORTABLE.some((field) => field === id);
const FIRST_PAGE: PageState = { offset: 0, limit: 50 };

/** /administration/grupper: the organisation's classes and teaching groups, searched, filtered, sorted and paged by the API. */
export function GroupsListPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  usePageTitle(t('administration.groups.title'));
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [schoolId, setSchoolId] = useState('');
  // null: the school year of today, once the options have come
  const [chosenYear, setChosenYear] = useState<string | null>(null);
  const [kind, setKind] = useState<GroupKind | ''>('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'NAME', desc: false }]);
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const options = useQuery(GroupOptionsDocument);
  const today = schoolToday();
  const years = options.data?.administeredGroupOptions.schoolYears ?? [];
  const schoolYearId = chosenYear ?? years.find((year) => year.startDate <= today && today <= year.endDate)?.id ?? '';
  const sort = sorting[0];
  const { data, previousData, error, refetch } = useQuery(AdministeredGroupsDocument, {
    skip: !options.data,
    variables: {
      filter: { search: deferredSearch || null, schoolId: schoolId || null, schoolYearId: schoolYearId || null, kind: kind || null },
      sort: sort && isSortable(sort.id) ? { field: sort.id, direction: sort.desc ? 'DESC' : 'ASC' } : null,
      page,
    },
  });
  const shown = data ?? previousData;
  const subjectName = (subject: { nameSv: string; nameEn: string }) => (i18n.language === 'en' ? subject.nameEn : subject.nameSv);

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { id: 'NAME', header: t('administration.groups.name') },
      { id: 'KIND', header: t('administration.groups.kindColumn') },
      { id: 'YEAR_LEVEL', header: t('administration.groups.yearLevel') },
      { id: 'SCHOOL', header: t('administration.groups.school') },
    ],
    [t],
  );
  // TanStack's table object is not memoisable by design; the React Compiler is told so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: shown?.administeredGroups.groups ?? [],
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      setSorting(updater);
      setPage(FIRST_PAGE);
    },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });
  const restart =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(FIRST_PAGE);
    };

  if (options.loading && !options.data) return <LoadingState label={t('administration.groups.loading')} />;
  if (options.error) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const choices = options.data?.administeredGroupOptions;
  return (
    <>
      <header className="page-header">
        <div>
          <p className="page-header__kicker">
            <Link to="/administration">{t('administration.title')}</Link>
          </p>
          <h1 className="page-header__title">{t('administration.groups.title')}</h1>
        </div>
        <div className="page-header__links">
          <Link className="button button--primary" to="/administration/grupper/ny">
            {t('administration.groups.create')}
          </Link>
          <Link to="/administration/amnen">{t('administration.subjects.title')}</Link>
        </div>
      </header>
      <div className="list-controls">
        <SearchField label={t('administration.groups.search')} value={search} onChange={restart(setSearch)} />
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
          <DataTable caption={t('administration.groups.caption', { count: shown.administeredGroups.pageInfo.total })} testId="groups-table">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <SortableHeader key={header.id} header={header} />
                  ))}
                  <th scope="col">{t('administration.groups.schoolYear')}</th>
                  <th scope="col">{t('administration.groups.subject')}</th>
                  <th scope="col" className="data-table__numeric">
                    {t('administration.groups.currentStudents')}
                  </th>
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map(({ original: group }) => (
                <tr key={group.id}>
                  <th scope="row">
                    <Link to={`/administration/grupper/${group.id}`}>{group.name}</Link>
                  </th>
                  <td>{t(`administration.groups.kind.${group.kind}`)}</td>
                  <td>{group.yearLevel ?? '–'}</td>
                  <td>{group.school.name}</td>
                  <td>{group.schoolYear.name}</td>
                  <td>{group.subject ? `${group.subject.code} ${subjectName(group.subject)}` : '–'}</td>
                  <td className="data-table__numeric">{group.currentStudents}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {shown.administeredGroups.pageInfo.total === 0 ? <p>{t('administration.groups.empty')}</p> : null}
          <Pager page={page} total={shown.administeredGroups.pageInfo.total} onChange={setPage} />
        </>
      )}
    </>
  );
}
