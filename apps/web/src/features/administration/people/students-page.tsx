import { useQuery } from '@apollo/client/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdminStudentSortField, AdminStudentsQuery } from '../../../gql/graphql';
import { AdministeredOrganisationDocument } from '../operations';
import { AdminTable, useListState } from '../admin-table';
import { AdminGroupOptionsDocument, AdminStudentsDocument } from './operations';

type Row = AdminStudentsQuery['administeredStudents']['rows'][number];

/** /administration/elever: the organisation's students, searched by name or personnummer, by school and class. */
export function StudentsPage() {
  const { t } = useTranslation();
  const id = useId();
  usePageTitle(t('administration.people.students.title'));
  const list = useListState<AdminStudentSortField>('NAME');
  const [schoolId, setSchoolId] = useState('');
  const [classId, setClassId] = useState('');
  const organisation = useQuery(AdministeredOrganisationDocument);
  const groups = useQuery(AdminGroupOptionsDocument, { variables: { schoolId: schoolId || null } });
  const { data, previousData, loading, error, refetch } = useQuery(AdminStudentsDocument, {
    variables: {
      filter: { search: list.settledSearch || null, schoolId: schoolId || null, classId: classId || null },
      sort: list.sort,
      page: list.page,
    },
  });
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'NAME',
        header: t('administration.people.name'),
        cell: ({ row }) => (
          <Link to={`/administration/elever/${row.original.id}`}>
            {row.original.lastName}, {row.original.firstName}
          </Link>
        ),
      },
      {
        id: 'PERSONAL_IDENTITY_NUMBER',
        header: t('administration.people.personalIdentityNumber'),
        cell: ({ row }) => row.original.personalIdentityNumber,
      },
      {
        id: 'CLASS',
        header: t('administration.people.students.class'),
        enableSorting: false,
        cell: ({ row }) => row.original.className ?? '–',
      },
      { id: 'SCHOOL', header: t('administration.people.school'), cell: ({ row }) => row.original.school.name },
      {
        id: 'PROTECTED',
        header: t('administration.people.protectedIdentity'),
        enableSorting: false,
        cell: ({ row }) => (row.original.protectedIdentity ? t('administration.people.yes') : ''),
      },
    ],
    [t],
  );
  const page = (data ?? previousData)?.administeredStudents;
  const classes = (groups.data?.groupChoices ?? []).filter((group) => group.kind === 'CLASS');

  return (
    <>
      <p>
        <Link to="/administration">{t('administration.title')}</Link>
      </p>
      <h1>{t('administration.people.students.title')}</h1>
      <p>
        <Link className="button button--primary" to="/administration/elever/ny">
          {t('administration.people.students.new')}
        </Link>
      </p>
      <div className="list-controls">
        <SearchField label={t('administration.people.students.search')} value={list.search} onChange={list.setSearch} />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-school`}>
            {t('administration.people.school')}
          </label>
          <select
            id={`${id}-school`}
            className="field__input"
            value={schoolId}
            onChange={(event) => {
              setSchoolId(event.target.value);
              setClassId('');
              list.resetPage();
            }}
          >
            <option value="">{t('administration.people.allSchools')}</option>
            {organisation.data?.administeredOrganisation?.schools.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-class`}>
            {t('administration.people.students.class')}
          </label>
          <select
            id={`${id}-class`}
            className="field__input"
            value={classId}
            onChange={(event) => {
              setClassId(event.target.value);
              list.resetPage();
            }}
          >
            <option value="">{t('administration.people.students.allClasses')}</option>
            {classes.map((group) => (
              <option key={group.id} value={group.id}>
                {schoolId ? group.name : `${group.name} (${group.schoolName})`}
              </option>
            ))}
          </select>
        </div>
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
            caption={t('administration.people.students.caption')}
            columns={columns}
            rows={page.rows}
            sort={list.sort}
            onSort={list.setSort}
            testId="admin-students"
          />
          {page.rows.length === 0 ? <p>{t('administration.people.noMatches')}</p> : null}
          <Pager page={list.page} total={page.pageInfo.total} onChange={list.setPage} />
        </>
      )}
    </>
  );
}
