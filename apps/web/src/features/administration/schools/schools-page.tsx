import { useQuery } from '@apollo/client/react';
import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager, type PageState } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { SortableHeader } from '../../../components/ui/sortable-header';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredSchoolFieldsFragment, SchoolSortField } from '../../../gql/graphql';
import { AdministeredSchoolsDocument } from './operations';
import './schools.css';

const SORT_FIELDS: readonly SchoolSortField[] = ['NAME', 'UNIT_CODE', 'FORM', 'STUDENT_COUNT'];
const isSortField = (value: string): value is SchoolSortField => SORT_FIELDS.some((field) => field === value);
const FIRST_PAGE: PageState = { offset: 0, limit: 50 };

/** /administration/skolor: the organisation's schools, searched, sorted and paged by the server. */
export function SchoolsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('administration.schools.title'));
  const [search, setSearch] = useState('');
  // Typing stays quick; the list follows the last value typed.
  const searched = useDeferredValue(search.trim());
  const [sorting, setSorting] = useState<SortingState>([{ id: 'NAME', desc: false }]);
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const sorted = sorting[0];
  const sort =
    sorted && isSortField(sorted.id) ? { field: sorted.id, direction: sorted.desc ? ('DESC' as const) : ('ASC' as const) } : null;
  const { data, previousData, loading, error, refetch } = useQuery(AdministeredSchoolsDocument, {
    variables: { search: searched || null, sort, page },
    // Read afresh whenever the page is shown: schools are created and renamed on pages of their own.
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.administeredSchools;
  const count = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE');

  const columns = useMemo<ColumnDef<AdministeredSchoolFieldsFragment>[]>(
    () => [
      { id: 'NAME', header: t('administration.schools.name'), sortDescFirst: false },
      { id: 'UNIT_CODE', header: t('administration.schools.unitCode'), sortDescFirst: false },
      { id: 'FORM', header: t('administration.schools.form'), sortDescFirst: false },
      { id: 'STUDENT_COUNT', header: t('administration.schools.studentCount'), sortDescFirst: true },
    ],
    [t],
  );
  // TanStack's table object is not memoisable by design; the React Compiler is told so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: shown?.items ?? [],
    columns,
    state: { sorting },
    onSortingChange: (change) => {
      setSorting(change);
      setPage(FIRST_PAGE);
    },
    manualSorting: true,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (school) => school.id,
  });

  return (
    <div className="admin-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link to="/administration">{t('administration.title')}</Link>
          </p>
          <h1 className="page-header__title">{t('administration.schools.title')}</h1>
          <p className="page-header__sub">{t('administration.schools.lead')}</p>
        </div>
        <Link to="/administration/skolor/ny" className="button button--primary" data-testid="new-school">
          {t('administration.schools.new')}
        </Link>
      </header>
      <div className="list-controls">
        <SearchField
          label={t('administration.schools.search')}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(FIRST_PAGE);
          }}
        />
      </div>
      {error && !shown ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !shown ? (
        <LoadingState label={t('administration.schools.loading')} />
      ) : (
        <>
          <DataTable caption={t('administration.schools.caption')} testId="schools-table">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <SortableHeader
                      key={header.id}
                      header={header}
                      className={header.id === 'STUDENT_COUNT' ? 'data-table__numeric' : undefined}
                    />
                  ))}
                </tr>
              ))}
            </thead>
            <tbody aria-busy={loading}>
              {table.getRowModel().rows.map(({ original: school }) => (
                <tr key={school.id}>
                  <th scope="row">
                    <Link to={`/administration/skolor/${school.id}`}>{school.name}</Link>
                  </th>
                  <td className="data-table__mono">{school.unitCode}</td>
                  <td>{t(`administration.schools.forms.${school.form}`)}</td>
                  <td className="data-table__numeric">{count.format(school.studentCount)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {shown.items.length === 0 ? <p className="admin-page__empty">{t('administration.schools.none')}</p> : null}
          <Pager page={page} total={shown.pageInfo.total} onChange={setPage} />
        </>
      )}
    </div>
  );
}
