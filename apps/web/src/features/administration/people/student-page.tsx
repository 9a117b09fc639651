import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { SearchField } from '../../../components/ui/search-field';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdminStudentFieldsFragment } from '../../../gql/graphql';
import { formatLongDate } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { useSettledValue } from '../use-settled-value';
import { RegisterExtractPanel } from '../register-extract/register-extract-panel';
import { placeProblems, TextField, useActionProblem } from './form-parts';
import { LoginForm } from './login-form';
import {
  AdminGuardiansDocument,
  AdminStudentDocument,
  EndStudentMembershipsDocument,
  LinkGuardianDocument,
  UnlinkGuardianDocument,
  UpdateStudentDocument,
} from './operations';
import { StudentForm } from './student-form';

/** /administration/elever/:studentId: a student's details, guardians, groups and login. */
export function StudentPage() {
  const { t } = useTranslation();
  const { studentId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminStudentDocument, {
    variables: { id: studentId },
    fetchPolicy: 'cache-and-network',
  });
  const [updateStudent] = useMutation(UpdateStudentDocument);
  const student = data?.administeredStudent;
  usePageTitle(student ? `${student.firstName} ${student.lastName}` : t('administration.people.students.title'));
  if (loading && !student) return <LoadingState label={t('administration.people.loading')} />;
  if (error || !student) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <p>
        <Link to="/administration/elever">{t('administration.people.students.title')}</Link>
      </p>
      <h1>
        {student.firstName} {student.lastName}
      </h1>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('administration.people.birthDate')}</dt>
          <dd>{student.birthDate}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('administration.people.school')}</dt>
          <dd>{student.school.name}</dd>
        </div>
        {student.leftOn ? (
          <div className="facts__item" data-testid="student-left">
            <dt>{t('administration.people.students.left')}</dt>
            <dd>{student.leftOn}</dd>
          </div>
        ) : null}
      </dl>
      <h2>{t('administration.people.details')}</h2>
      <StudentForm
        key={student.id}
        initial={{
          personalIdentityNumber: student.personalIdentityNumber,
          firstName: student.firstName,
          lastName: student.lastName,
          schoolId: student.school.id,
          programmeCode: student.programmeCode ?? '',
          protectedIdentity: student.protectedIdentity,
        }}
        submitLabel={t('administration.people.save')}
        onSave={async (input) => {
          await updateStudent({ variables: { id: student.id, input } });
        }}
      />
      <StudentGuardians student={student} />
      <Memberships student={student} />
      <Leaving studentId={student.id} />
      <LoginForm personKind="STUDENT" personId={student.id} username={student.login?.username ?? null} />
      <RegisterExtractPanel
        personId={student.id}
        name={`${student.firstName} ${student.lastName}`}
        protectedIdentity={student.protectedIdentity}
      />
    </>
  );
}

function StudentGuardians({ student }: { student: AdminStudentFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const settled = useSettledValue(search);
  const [problem, setProblem] = useState<string | null>(null);
  const actionProblem = useActionProblem();
  const [linkGuardian] = useMutation(LinkGuardianDocument);
  const [unlinkGuardian] = useMutation(UnlinkGuardianDocument);
  const candidates = useQuery(AdminGuardiansDocument, {
    variables: { search: settled, page: { offset: 0, limit: 5 } },
    skip: settled.trim().length < 2,
  });
  const linked = new Set(student.guardians.map((guardian) => guardian.id));

  const act = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      setSearch('');
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('administration.people.students.guardians')}</h2>
      {student.guardians.length === 0 ? <p>{t('administration.people.students.noGuardians')}</p> : null}
      <ul className="mentor-list">
        {student.guardians.map((guardian) => (
          <li key={guardian.id} className="mentor-list__item">
            <Link to={`/administration/vardnadshavare/${guardian.id}`}>
              {guardian.firstName} {guardian.lastName}
            </Link>{' '}
            {guardian.mobilePhone ?? ''} {guardian.protectedIdentity ? `(${t('administration.people.protectedIdentity')})` : ''}{' '}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void act(() => unlinkGuardian({ variables: { studentId: student.id, guardianId: guardian.id } }))}
            >
              {t('administration.people.students.unlink', { name: `${guardian.firstName} ${guardian.lastName}` })}
            </button>
          </li>
        ))}
      </ul>
      {student.guardians.length > 0 ? (
        <p>
          <Link to={`/elev/${student.id}/kontakt`}>{t('administration.people.students.guardianContacts')}</Link>
        </p>
      ) : null}
      <Alert tone="error">{problem}</Alert>
      <p>
        <Link className="button button--secondary" to={`/administration/vardnadshavare/ny?elev=${student.id}`}>
          {t('administration.people.students.addGuardian')}
        </Link>
      </p>
      <SearchField label={t('administration.people.students.findGuardian')} value={search} onChange={setSearch} />
      {candidates.data ? (
        <ul className="mentor-list" aria-label={t('administration.people.students.candidates')}>
          {candidates.data.administeredGuardians.rows.map((guardian) => (
            <li key={guardian.id} className="mentor-list__item">
              {guardian.firstName} {guardian.lastName} {guardian.personalIdentityNumber ?? ''}{' '}
              <button
                type="button"
                className="button button--secondary"
                disabled={linked.has(guardian.id)}
                onClick={() => void act(() => linkGuardian({ variables: { studentId: student.id, guardianId: guardian.id } }))}
              >
                {t('administration.people.students.link', { name: `${guardian.firstName} ${guardian.lastName}` })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Memberships({ student }: { student: AdminStudentFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('administration.people.students.groups')}</h2>
      {student.memberships.length === 0 ? (
        <p>{t('administration.people.students.noGroups')}</p>
      ) : (
        <DataTable caption={t('administration.people.students.groupsCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('administration.people.group')}</th>
              <th scope="col">{t('administration.people.groupKind')}</th>
              <th scope="col">{t('administration.people.validFrom')}</th>
              <th scope="col">{t('administration.people.validTo')}</th>
            </tr>
          </thead>
          <tbody>
            {student.memberships.map((membership) => (
              <tr key={`${membership.groupId}-${membership.validFrom}`}>
                <td>{membership.groupName}</td>
                <td>{t(`administration.people.groupKinds.${membership.kind}`)}</td>
                <td>{membership.validFrom}</td>
                <td>{membership.validTo ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

const LEAVING_FIELDS = ['lastDay'] as const;

/** The student leaves the school: every class and group after the last day ends at once (the table above shows it). */
function Leaving({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [endMemberships] = useMutation(EndStudentMembershipsDocument);
  const [outcome, setOutcome] = useState<{ lastDay: string } | 'failed' | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ lastDay: string }>({ defaultValues: { lastDay: '' } });

  const onSubmit = async ({ lastDay }: { lastDay: string }) => {
    setOutcome(null);
    try {
      await endMemberships({ variables: { studentId, lastDay } });
      setOutcome({ lastDay });
    } catch (error) {
      const unplaced = placeProblems(error, LEAVING_FIELDS, setError);
      if (!unplaced || unplaced.length > 0) setOutcome('failed');
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="form-panel">
      <h2 id={`${id}-heading`}>{t('administration.people.students.leaving.heading')}</h2>
      <p>{t('administration.people.students.leaving.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void handleSubmit(onSubmit)(event)}
        aria-busy={isSubmitting}
        data-testid="leaving-form"
      >
        <TextField
          id={`${id}-day`}
          name="lastDay"
          type="date"
          label={t('administration.people.students.leaving.lastDay')}
          register={register}
          problem={errors.lastDay?.message}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={isSubmitting}>
            {t('administration.people.students.leaving.submit')}
          </button>
        </div>
        <Alert tone="success">
          {outcome && outcome !== 'failed'
            ? t('administration.people.students.leaving.done', { date: formatLongDate(outcome.lastDay, currentLocale()) })
            : null}
        </Alert>
        <Alert tone="error">{outcome === 'failed' ? t('administration.people.saveFailed') : null}</Alert>
      </form>
    </section>
  );
}
