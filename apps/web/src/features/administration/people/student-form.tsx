import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { LoadingState } from '../../../components/ui/loading-state';
import type { StudentInput } from '../../../gql/graphql';
import { AdministeredOrganisationDocument } from '../operations';
import { orNull, placeProblems, TextField, useProblemText } from './form-parts';

export interface StudentValues {
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  schoolId: string;
  programmeCode: string;
  protectedIdentity: boolean;
}

const FIELDS = ['personalIdentityNumber', 'firstName', 'lastName', 'schoolId', 'programmeCode'] as const;

interface StudentFormProps {
  initial: StudentValues;
  submitLabel: string;
  onSave: (input: StudentInput) => Promise<void>;
}

/** A student's details; the birth date is read from the personnummer by the API. Problems land on the fields. */
export function StudentForm(props: StudentFormProps) {
  const { t } = useTranslation();
  const organisation = useQuery(AdministeredOrganisationDocument);
  // The school list first, so that the student's school is selected when the form starts.
  if (!organisation.data) return <LoadingState label={t('administration.people.loading')} />;
  return <StudentFields {...props} schools={organisation.data.administeredOrganisation?.schools ?? []} />;
}

function StudentFields({ initial, submitLabel, onSave, schools }: StudentFormProps & { schools: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const id = useId();
  const problemText = useProblemText();
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StudentValues>({ defaultValues: initial });

  const onSubmit = async (values: StudentValues) => {
    setOutcome(null);
    try {
      await onSave({ ...values, programmeCode: orNull(values.programmeCode) });
      setOutcome('saved');
    } catch (error) {
      const unplaced = placeProblems(error, FIELDS, setError);
      if (!unplaced || unplaced.length > 0) setOutcome('failed');
    }
  };

  return (
    <form
      className="form form-panel"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid="student-form"
    >
      <TextField
        id={`${id}-pnr`}
        name="personalIdentityNumber"
        label={t('administration.people.personalIdentityNumber')}
        hint={t('administration.people.students.personalIdentityNumberHint')}
        register={register}
        problem={errors.personalIdentityNumber?.message}
        autoComplete="off"
        inputMode="numeric"
      />
      <div className="form__row">
        <TextField
          id={`${id}-first`}
          name="firstName"
          label={t('administration.people.firstName')}
          register={register}
          problem={errors.firstName?.message}
          autoComplete="off"
        />
        <TextField
          id={`${id}-last`}
          name="lastName"
          label={t('administration.people.lastName')}
          register={register}
          problem={errors.lastName?.message}
          autoComplete="off"
        />
      </div>
      <div className="form__row">
        <Field id={`${id}-school`} label={t('administration.people.school')} errors={problemText(errors.schoolId?.message)}>
          {(describedBy, invalid) => (
            <select
              id={`${id}-school`}
              className="field__input"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              {...register('schoolId')}
            >
              <option value="">{t('administration.people.chooseSchool')}</option>
              {schools.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          id={`${id}-programme`}
          name="programmeCode"
          label={t('administration.people.students.programmeCode')}
          hint={t('administration.people.students.programmeCodeHint')}
          register={register}
          problem={errors.programmeCode?.message}
          autoComplete="off"
        />
      </div>
      <div className="checkbox">
        <input
          id={`${id}-protected`}
          type="checkbox"
          className="checkbox__input"
          aria-describedby={`${id}-protected-hint`}
          {...register('protectedIdentity')}
        />
        <label htmlFor={`${id}-protected`} className="checkbox__label">
          {t('administration.people.protectedIdentity')}
        </label>
      </div>
      <p id={`${id}-protected-hint`} className="field__hint">
        {t('administration.people.students.protectedHint')}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
      <Alert tone="success">{outcome === 'saved' ? t('administration.people.saved') : null}</Alert>
      <Alert tone="error">{outcome === 'failed' ? t('administration.people.saveFailed') : null}</Alert>
    </form>
  );
}
