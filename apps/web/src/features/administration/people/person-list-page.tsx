import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { AdminTable, type ListState } from '../admin-table';

/** "Last, First", a link to the person's page under `path`; sorted by the API's NAME. */
export const nameColumn = <Row extends { id: string; firstName: string; lastName: string }>(
  t: TFunction,
  path: string,
): ColumnDef<Row, unknown> => ({
  id: 'NAME',
  header: t('administration.people.name'),
  cell: ({ row }) => (
    <Link to={`${path}/${row.original.id}`}>
      {row.original.lastName}, {row.original.firstName}
    </Link>
  ),
});

/** "Yes" for a person with protected identity. */
export const protectedColumn = <Row extends { protectedIdentity: boolean }>(t: TFunction): ColumnDef<Row, unknown> => ({
  id: 'PROTECTED',
  header: t('administration.people.protectedIdentity'),
  enableSorting: false,
  cell: ({ row }) => (row.original.protectedIdentity ? t('administration.people.yes') : ''),
});

interface PersonListPageProps<Row extends { id: string }, F extends string> {
  title: string;
  lead?: string;
  /** the new person's page, and the link's words */
  newPath: string;
  newLabel: string;
  searchLabel: string;
  /** what the list is filtered by besides the search, if anything */
  filters?: ReactNode;
  list: ListState<F>;
  /** the page of the list last answered (the previous one while the next is on its way) */
  page: { rows: Row[]; pageInfo: { total: number } } | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  caption: string;
  columns: ColumnDef<Row, unknown>[];
  testId: string;
}

/** A list of people (students, guardians, staff): searched, perhaps filtered, sorted and paged by the API. */
export function PersonListPage<Row extends { id: string }, F extends string>({
  title,
  lead,
  newPath,
  newLabel,
  searchLabel,
  filters,
  list,
  page,
  loading,
  error,
  onRetry,
  caption,
  columns,
  testId,
}: PersonListPageProps<Row, F>) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <>
      <p>
        <Link to="/administration">{t('administration.title')}</Link>
      </p>
      <h1>{title}</h1>
      {lead ? <p>{lead}</p> : null}
      <p>
        <Link className="button button--primary" to={newPath}>
          {newLabel}
        </Link>
      </p>
      <div className="list-controls">
        <SearchField label={searchLabel} value={list.search} onChange={list.setSearch} />
        {filters}
      </div>
      {error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !page ? (
        loading ? (
          <LoadingState label={t('administration.people.loading')} />
        ) : null
      ) : (
        <>
          <AdminTable caption={caption} columns={columns} rows={page.rows} sort={list.sort} onSort={list.setSort} testId={testId} />
          {page.rows.length === 0 ? <p>{t('administration.people.noMatches')}</p> : null}
          <Pager page={list.page} total={page.pageInfo.total} onChange={list.setPage} />
        </>
      )}
    </>
  );
}
