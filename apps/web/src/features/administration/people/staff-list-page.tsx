import { useQuery } from '@apollo/client/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminPersonSortField, AdminStaffListQuery } from '../../../gql/graphql';
import { useListState } from '../admin-table';
import { AdminStaffListDocument } from './operations';
import { nameColumn, PersonListPage } from './person-list-page';

type Row = AdminStaffListQuery['administeredStaff']['rows'][number];

/** /administration/personal: the organisation's staff and what their duties are today. */
export function StaffListPage() {
  const { t } = useTranslation();
  const list = useListState<AdminPersonSortField>('NAME');
  const { data, previousData, loading, error, refetch } = useQuery(AdminStaffListDocument, {
    variables: { search: list.settledSearch || null, sort: list.sort, page: list.page },
  });
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      nameColumn(t, '/administration/personal'),
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
  return (
    <PersonListPage
      title={t('administration.people.staff.title')}
      newPath="/administration/personal/ny"
      newLabel={t('administration.people.staff.new')}
      searchLabel={t('administration.people.staff.search')}
      list={list}
      page={(data ?? previousData)?.administeredStaff}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      caption={t('administration.people.staff.caption')}
      columns={columns}
      testId="admin-staff"
    />
  );
}
