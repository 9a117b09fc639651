import { useQuery } from '@apollo/client/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminGuardiansQuery, AdminPersonSortField } from '../../../gql/graphql';
import { useListState } from '../admin-table';
import { AdminGuardiansDocument } from './operations';
import { nameColumn, PersonListPage, protectedColumn } from './person-list-page';

type Row = AdminGuardiansQuery['administeredGuardians']['rows'][number];

/** /administration/vardnadshavare: guardians of the organisation's students. */
export function GuardiansPage() {
  const { t } = useTranslation();
  const list = useListState<AdminPersonSortField>('NAME');
  const { data, previousData, loading, error, refetch } = useQuery(AdminGuardiansDocument, {
    variables: { search: list.settledSearch || null, sort: list.sort, page: list.page },
  });
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      nameColumn(t, '/administration/vardnadshavare'),
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
      protectedColumn(t),
    ],
    [t],
  );
  return (
    <PersonListPage
      title={t('administration.people.guardians.title')}
      lead={t('administration.people.guardians.lead')}
      newPath="/administration/vardnadshavare/ny"
      newLabel={t('administration.people.guardians.new')}
      searchLabel={t('administration.people.guardians.search')}
      list={list}
      page={(data ?? previousData)?.administeredGuardians}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      caption={t('administration.people.guardians.caption')}
      columns={columns}
      testId="admin-guardians"
    />
  );
}
