import { useQuery } from '@apollo/client/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdminGuardiansQuery, AdminPersonSortField } from '../../../gql/graphql';
import { AdminTable, useListState } from '../admin-table';
import { AdminGuardiansDocument } from './operations';

type Row = AdminGuardiansQuery['administeredGuardians']['rows'][number];

/** /administration/vardnadshavare: guardians of the organisation's students. */
export function GuardiansPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.people.guardians.title'));
  const list = useListState<AdminPersonSortField>('NAME');
  const { data, previousData, loading, error, refetch } = useQuery(AdminGuardiansDocument, {
    variables: { search: list.settledSearch || null, sort: list.sort, page: list.page },
  });
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'NAME',
        header: t('administration.people.name'),
        cell: ({ row }) => (
          <Link to={`/administration/vardnadshavare/${row.original.id}`}>
            {row.original.lastName}, {row.original.firstName}
          </Link>
        ),
      },
      {
        id: 'PNR',
        header: t('administration.people.personalIdentityNumber'),
        enableSorting: false,
        cell: ({ row }) => row.original.personalIdentityNumber ?? '–',
      },
      {
        id: 'PHONE',
        header: t('administration.people.guardians.mobilePhone'),
        enableSorting: false,
        cell: ({ row }) => row.original.mobilePhone ?? '–',
      },
      { id: 'EMAIL', header: t('administration.people.email'), enableSorting: false, cell: ({ row }) => row.original.email ?? '–' },
      {
        id: 'CHILDREN',
        header: t('administration.people.guardians.children'),
        enableSorting: false,
        cell: ({ row }) => row.original.childCount,
      },
      {
        id: 'PROTECTED',
        header: t('administration.people.protectedIdentity'),
        enableSorting: false,
        cell: ({ row }) => (row.original.protectedIdentity ? t('administration.people.yes') : ''),
      },
    ],
    [t],
  );
  const page = (data ?? previousData)?.administeredGuardians;
  return (
    <>
      <p>
        <Link to="/administration">{t('administration.title')}</Link>
      </p>
      <h1>{t('administration.people.guardians.title')}</h1>
      <p>{t('administration.people.guardians.lead')}</p>
      <p>
        <Link className="button button--primary" to="/administration/vardnadshavare/ny">
          {t('administration.people.guardians.new')}
        </Link>
      </p>
      <div className="list-controls">
        <SearchField label={t('administration.people.guardians.search')} value={list.search} onChange={list.setSearch} />
      </div>
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !page ? (
        loading ? (
          <LoadingState label={t('administration.people.loading')} />
        ) : null
      ) : (
        <>
          <AdminTable
            caption={t('administration.people.guardians.caption')}
            columns={columns}
            rows={page.rows}
            sort={list.sort}
            onSort={list.setSort}
            testId="admin-guardians"
          />
          {page.rows.length === 0 ? <p>{t('administration.people.noMatches')}</p> : null}
          <Pager page={list.page} total={page.pageInfo.total} onChange={list.setPage} />
        </>
      )}
    </>
  );
}
