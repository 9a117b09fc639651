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
import type { AdministeredSchoolFieldsFragment, SchoolSortField } from '../../../gql/graphql';
import { AdminTable, useListState } from '../admin-table';
import { AdministeredSchoolsDocument } from './operations';
import './schools.css';
import { AdminPageHeader } from '../admin-page-header';

/** /administration/skolor: the organisation's schools, searched, sorted and paged by the server. */
export function SchoolsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('administration.schools.title'));
  const list = useListState<SchoolSortField>('NAME');
  const { data, previousData, loading, error, refetch } = useQuery(AdministeredSchoolsDocument, {
    variables: { search: list.settledSearch.trim() || null, sort: list.sort, page: list.page },
    // Read afresh whenever the page is shown: schools are created and renamed on pages of their own.
    fetchPolicy: 'cache-and-network',
  });
  const shown = (data ?? previousData)?.administeredSchools;
  const language = i18n.language;

  const columns = useMemo<ColumnDef<AdministeredSchoolFieldsFragment, unknown>[]>(() => {
    const count = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE');
    return [
      {
        id: 'NAME',
        header: t('administration.schools.name'),
        sortDescFirst: false,
        meta: { rowHeader: true },
        cell: ({ row }) => <Link to={`/administration/skolor/${row.original.id}`}>{row.original.name}</Link>,
      },
      {
        id: 'UNIT_CODE',
        header: t('administration.schools.unitCode'),
        sortDescFirst: false,
        meta: { cellClassName: 'data-table__mono' },
        cell: ({ row }) => row.original.unitCode,
      },
      {
        id: 'FORM',
        header: t('administration.schools.form'),
        sortDescFirst: false,
        cell: ({ row }) => t(`administration.schools.forms.${row.original.form}`),
      },
      {
        id: 'STUDENT_COUNT',
        header: t('administration.schools.studentCount'),
        sortDescFirst: true,
        meta: { numeric: true },
        cell: ({ row }) => count.format(row.original.studentCount),
      },
    ];
  }, [t, language]);

  return (
    <div className="admin-page">
      <AdminPageHeader
        back="/administration"
        backLabel={t('administration.title')}
        title={t('administration.schools.title')}
        lead={t('administration.schools.lead')}
      >
        <Link to="/administration/skolor/ny" className="button button--primary" data-testid="new-school">
          {t('administration.schools.new')}
        </Link>
      </AdminPageHeader>
      <div className="list-controls">
        <SearchField label={t('administration.schools.search')} value={list.search} onChange={list.setSearch} />
      </div>
      {error && !shown ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !shown ? (
        <LoadingState label={t('administration.schools.loading')} />
      ) : (
        <>
          <AdminTable
            caption={t('administration.schools.caption')}
            columns={columns}
            rows={shown.items}
            sort={list.sort}
            onSort={list.setSort}
            testId="schools-table"
            busy={loading}
          />
          {shown.items.length === 0 ? <p className="admin-page__empty">{t('administration.schools.none')}</p> : null}
          <Pager page={list.page} total={shown.pageInfo.total} onChange={list.setPage} />
        </>
      )}
    </div>
  );
}
