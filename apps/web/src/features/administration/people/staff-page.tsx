import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { Field, FieldSelect } from '../../../components/ui/field';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdminStaffFieldsFragment, StaffDutyKind } from '../../../gql/graphql';
import { AdministeredOrganisationDocument } from '../operations';
import { RegisterExtractPanel } from '../register-extract/register-extract-panel';
import { orNull, placeProblems, SchoolSelect, TextField, useActionProblem, useProblemText } from './form-parts';
import { LoginForm } from './login-form';
import {
  AddStaffDutyDocument,
  AdminGroupOptionsDocument,
  AdminStaffMemberDocument,
  EndStaffDutyDocument,
  UpdateStaffDocument,
} from './operations';
import { StaffForm } from './staff-form';

const DUTY_KINDS: readonly StaffDutyKind[] = ['TEACHER', 'MENTOR', 'PRINCIPAL', 'ADMINISTRATOR'];

/** /administration/personal/:staffId: a staff member's details, dated duties and login. */
export function StaffPage() {
  const { t } = useTranslation();
  const { staffId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminStaffMemberDocument, {
    variables: { id: staffId },
    fetchPolicy: 'cache-and-network',
  });
  const [updateStaff] = useMutation(UpdateStaffDocument);
  const staff = data?.administeredStaffMember;
  usePageTitle(staff ? `${staff.firstName} ${staff.lastName}` : t('administration.people.staff.title'));
  if (loading && !staff) return <LoadingState label={t('administration.people.loading')} />;
  if (error || !staff) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <p>
        <Link to="/administration/personal">{t('administration.people.staff.title')}</Link>
      </p>
      <h1>
        {staff.firstName} {staff.lastName} ({staff.signature})
      </h1>
      <Duties staff={staff} />
      <AddDuty staffId={staff.id} />
      <h2>{t('administration.people.details')}</h2>
      <StaffForm
        key={staff.id}
        initial={{ firstName: staff.firstName, lastName: staff.lastName, signature: staff.signature, email: staff.email ?? '' }}
        submitLabel={t('administration.people.save')}
        onSave={async (input) => {
          await updateStaff({ variables: { id: staff.id, input } });
        }}
      />
      <LoginForm personKind="STAFF" personId={staff.id} username={staff.login?.username ?? null} />
      <RegisterExtractPanel personId={staff.id} name={`${staff.firstName} ${staff.lastName}`} protectedIdentity={false} />
    </>
  );
}

function Duties({ staff }: { staff: AdminStaffFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const [endDuty] = useMutation(EndStaffDutyDocument);
  const [ending, setEnding] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const actionProblem = useActionProblem();
  const end = async (dutyId: string) => {
    setProblem(null);
    try {
      await endDuty({ variables: { dutyId, validTo: ending[dutyId] ?? '' } });
    } catch (error) {
      setProblem(actionProblem(error));
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('administration.people.staff.duties')}</h2>
      {staff.duties.length === 0 ? (
        <p>{t('administration.people.staff.noDuties')}</p>
      ) : (
        <DataTable caption={t('administration.people.staff.dutiesCaption')} testId="staff-duties">
          <thead>
            <tr>
              <th scope="col">{t('administration.people.staff.dutyKind')}</th>
              <th scope="col">{t('administration.people.staff.dutyOf')}</th>
              <th scope="col">{t('administration.people.validFrom')}</th>
              <th scope="col">{t('administration.people.validTo')}</th>
              <th scope="col">{t('administration.people.staff.lastDay')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.duties.map((duty) => (
              <tr key={duty.id}>
                <td>{t(`administration.people.dutyKinds.${duty.kind}`)}</td>
                <td>
                  {duty.group
                    ? `${duty.group.name} (${duty.group.schoolName})`
                    : (duty.school?.name ?? t('administration.people.staff.wholeOrganisation'))}
                </td>
                <td>{duty.validFrom}</td>
                <td>{duty.validTo ?? '–'}</td>
                <td>
                  <div className="list-controls">
                    <label className="visually-hidden" htmlFor={`${id}-${duty.id}`}>
                      {t('administration.people.staff.lastDay')}
                    </label>
                    <input
                      id={`${id}-${duty.id}`}
                      type="date"
                      className="field__input"
                      value={ending[duty.id] ?? duty.validTo ?? ''}
                      onChange={(event) => setEnding({ ...ending, [duty.id]: event.target.value })}
                    />
                    <button type="button" className="button button--secondary" onClick={() => void end(duty.id)}>
                      {t('administration.people.staff.end')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <Alert tone="error">{problem}</Alert>
    </section>
  );
}

interface DutyValues {
  kind: StaffDutyKind;
  schoolId: string;
  groupId: string;
  validFrom: string;
  validTo: string;
}

const DUTY_FIELDS = ['kind', 'schoolId', 'groupId', 'validFrom', 'validTo'] as const;

function AddDuty({ staffId }: { staffId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const problemText = useProblemText();
  const [addDuty] = useMutation(AddStaffDutyDocument);
  const organisation = useQuery(AdministeredOrganisationDocument);
  const groups = useQuery(AdminGroupOptionsDocument, { variables: { schoolId: null } });
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<DutyValues>({ defaultValues: { kind: 'TEACHER', schoolId: '', groupId: '', validFrom: '', validTo: '' } });
  const kind = useWatch({ control, name: 'kind' });
  const groupKind = kind === 'TEACHER' ? 'TEACHING' : kind === 'MENTOR' ? 'CLASS' : null;

  const onSubmit = async (values: DutyValues) => {
    setOutcome(null);
    try {
      await addDuty({
        variables: {
          staffId,
          input: {
            kind: values.kind,
            schoolId: values.kind === 'PRINCIPAL' ? orNull(values.schoolId) : null,
            groupId: groupKind ? orNull(values.groupId) : null,
            validFrom: values.validFrom,
            validTo: orNull(values.validTo),
          },
        },
      });
      reset();
      setOutcome('saved');
    } catch (error) {
      const unplaced = placeProblems(error, DUTY_FIELDS, setError);
      if (!unplaced || unplaced.length > 0) setOutcome('failed');
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="form-panel">
      <h2 id={`${id}-heading`}>{t('administration.people.staff.addDuty')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void handleSubmit(onSubmit)(event)}
        aria-busy={isSubmitting}
        data-testid="duty-form"
      >
        <div className="form__row">
          <Field id={`${id}-kind`} label={t('administration.people.staff.dutyKind')} errors={problemText(errors.kind?.message)}>
            {(describedBy) => (
              <select id={`${id}-kind`} className="field__input" aria-describedby={describedBy} {...register('kind')}>
                {DUTY_KINDS.map((option) => (
                  <option key={option} value={option}>
                    {t(`administration.people.dutyKinds.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {groupKind ? (
            <FieldSelect
              id={`${id}-group`}
              label={t(`administration.people.staff.groupOf.${groupKind}`)}
              errors={problemText(errors.groupId?.message)}
              {...register('groupId')}
            >
              <option value="">{t('administration.people.staff.chooseGroup')}</option>
              {groups.data?.groupChoices
                .filter((group) => group.kind === groupKind)
                .map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name} ({group.schoolName})
                  </option>
                ))}
            </FieldSelect>
          ) : kind === 'PRINCIPAL' ? (
            <SchoolSelect
              id={`${id}-school`}
              schools={organisation.data?.administeredOrganisation?.schools ?? []}
              problem={errors.schoolId?.message}
              {...register('schoolId')}
            />
          ) : (
            <p className="field__hint">{t('administration.people.staff.administratorHint')}</p>
          )}
        </div>
        <div className="form__row">
          <TextField
            id={`${id}-from`}
            name="validFrom"
            type="date"
            label={t('administration.people.validFrom')}
            register={register}
            problem={errors.validFrom?.message}
          />
          <TextField
            id={`${id}-to`}
            name="validTo"
            type="date"
            label={t('administration.people.validToOptional')}
            register={register}
            problem={errors.validTo?.message}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {t('administration.people.staff.addDutySubmit')}
          </button>
        </div>
        <Alert tone="success">{outcome === 'saved' ? t('administration.people.staff.dutyAdded') : null}</Alert>
        <Alert tone="error">{outcome === 'failed' ? t('administration.people.saveFailed') : null}</Alert>
      </form>
    </section>
  );
}
