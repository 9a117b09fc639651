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
import type { AdminPersonSortField, AdminStaffListQuery } from '../../../gql/graphql';
import { AdminTable, useListState } from '../admin-table';
import { AdminStaffListDocument } from './operations';

type Row = AdminStaffListQuery['administeredStaff']['rows'][number];

/** /administration/personal: the organisation's staff and what their duties are today. */
export function StaffListPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.people.staff.title'));
  const list = useListState<AdminPersonSortField>('NAME');
  const { data, previousData, loading, error, refetch } = useQuery(AdminStaffListDocument, {
    variables: { search: list.settledSearch || null, sort: list.sort, page: list.page },
  });
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'NAME',
        header: t('administration.people.name'),
        cell: ({ row }) => (
          <Link to={`/administration/personal/${row.original.id}`}>
            {row.original.lastName}, {row.original.firstName}
          </Link>
        ),
      },
      {
        id: 'SIGNATURE',
        header: t('administration.people.staff.signature'),
        enableSorting: false,
        cell: ({ row }) => row.original.signature,
      },
      { id: 'EMAIL', header: t('administration.people.email'), enableSorting: false, cell: ({ row }) => row.original.email ?? '–' },
      {
        id: 'DUTIES',
        header: t('administration.people.staff.currentDuties'),
        enableSorting: false,
        cell: ({ row }) => row.original.currentDutyKinds.map((kind) => t(`administration.people.dutyKinds.${kind}`)).join(', ') || '–',
      },
    ],
    [t],
  );
  const page = (data ?? previousData)?.administeredStaff;
  return (
    <>
      <p>
        <Link to="/administration">{t('administration.title')}</Link>
      </p>
      <h1>{t('administration.people.staff.title')}</h1>
      <p>
        <Link className="button button--primary" to="/administration/personal/ny">
          {t('administration.people.staff.new')}
        </Link>
      </p>
      <div className="list-controls">
        <SearchField label={t('administration.people.staff.search')} value={list.search} onChange={list.setSearch} />
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
            caption={t('administration.people.staff.caption')}
            columns={columns}
            rows={page.rows}
            sort={list.sort}
            onSort={list.setSort}
            testId="admin-staff"
          />
          {page.rows.length === 0 ? <p>{t('administration.people.noMatches')}</p> : null}
          <Pager page={list.page} total={page.pageInfo.total} onChange={list.setPage} />
        </>
      )}
    </>
  );
}
