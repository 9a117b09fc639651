import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { SearchField } from '../../../components/ui/search-field';
import { useState } from 'react';
import { GuardianForm, EMPTY_GUARDIAN } from './guardian-form';
import { useSettledValue } from '../use-settled-value';
import { AdminStudentDocument, AdminStudentsDocument, CreateGuardianDocument } from './operations';

/**
 * /administration/vardnadshavare/ny?elev=<studentId>: a new guardian of a student. A guardian belongs to the
 * organisation through a child, so the student comes first (picked here when the link does not name one).
 */
export function GuardianNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.people.guardians.new'));
  const [params, setParams] = useSearchParams();
  const studentId = params.get('elev');
  const navigate = useNavigate();
  const [createGuardian] = useMutation(CreateGuardianDocument);
  const student = useQuery(AdminStudentDocument, { variables: { id: studentId ?? '' }, skip: !studentId });
  const child = student.data?.administeredStudent;
  return (
    <>
      <p>
        <Link to="/administration/vardnadshavare">{t('administration.people.guardians.title')}</Link>
      </p>
      <h1>{t('administration.people.guardians.new')}</h1>
      {studentId && child ? (
        <>
          <p>
            {t('administration.people.guardians.newFor')}{' '}
            <Link to={`/administration/elever/${child.id}`}>
              {child.firstName} {child.lastName}
            </Link>
          </p>
          <GuardianForm
            initial={EMPTY_GUARDIAN}
            submitLabel={t('administration.people.create')}
            onSave={async (input) => {
              const result = await createGuardian({ variables: { studentId: child.id, input } });
              if (result.data) await navigate(`/administration/elever/${child.id}`);
            }}
          />
        </>
      ) : (
        <StudentPicker onPick={(id) => setParams({ elev: id })} />
      )}
    </>
  );
}

function StudentPicker({ onPick }: { onPick: (studentId: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useSettledValue(search);
  const { data } = useQuery(AdminStudentsDocument, {
    variables: { filter: { search: settled }, page: { offset: 0, limit: 10 } },
    skip: settled.trim().length < 2,
  });
  return (
    <section>
      <h2>{t('administration.people.guardians.pickStudent')}</h2>
      <SearchField label={t('administration.people.students.search')} value={search} onChange={setSearch} />
      {data ? (
        <ul className="mentor-list">
          {data.administeredStudents.rows.map((row) => (
            <li key={row.id} className="mentor-list__item">
              <button type="button" className="button button--secondary" onClick={() => onPick(row.id)}>
                {row.firstName} {row.lastName} ({row.personalIdentityNumber}, {row.className ?? row.school.name})
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
