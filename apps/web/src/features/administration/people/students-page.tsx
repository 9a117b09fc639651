import { useQuery } from '@apollo/client/react';
import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldSelect } from '../../../components/ui/field';
import type { AdminStudentSortField, AdminStudentsQuery } from '../../../gql/graphql';
import { AdministeredOrganisationDocument } from '../operations';
import { useListState } from '../admin-table';
import { AdminGroupOptionsDocument, AdminStudentsDocument } from './operations';
import { nameColumn, PersonListPage, protectedColumn } from './person-list-page';

type Row = AdminStudentsQuery['administeredStudents']['rows'][number];

/** /administration/elever: the organisation's students, searched by name or personnummer, by school and class. */
export function StudentsPage() {
  const { t } = useTranslation();
  const id = useId();
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
      nameColumn(t, '/administration/elever'),
      {
        id: 'PERSONAL_IDENTITY_NUMBER',
        header: t('administration.people.personalIdentityNumber'),
        cell: ({ row }) => row.original.personalIdentityNumber,
      },
      {
        id: 'CLASS',
        header: t('administration.people.students.class'),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.className ?? (row.original.leftOn ? t('administration.people.students.leftOn', { date: row.original.leftOn }) : '–'),
      },
      { id: 'SCHOOL', header: t('administration.people.school'), cell: ({ row }) => row.original.school.name },
      protectedColumn(t),
    ],
    [t],
  );
  const classes = (groups.data?.groupChoices ?? []).filter((group) => group.kind === 'CLASS');

  return (
    <PersonListPage
      title={t('administration.people.students.title')}
      newPath="/administration/elever/ny"
      newLabel={t('administration.people.students.new')}
      searchLabel={t('administration.people.students.search')}
      filters={
        <>
          <FieldSelect
            id={`${id}-school`}
            label={t('administration.people.school')}
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
          </FieldSelect>
          <FieldSelect
            id={`${id}-class`}
            label={t('administration.people.students.class')}
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
          </FieldSelect>
        </>
      }
      list={list}
      page={(data ?? previousData)?.administeredStudents}
      loading={loading}
      error={error}
      onRetry={() => void refetch()}
      caption={t('administration.people.students.caption')}
      columns={columns}
      testId="admin-students"
    />
  );
}
