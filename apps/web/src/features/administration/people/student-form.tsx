import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/ui/field';
import { LoadingState } from '../../../components/ui/loading-state';
import type { StudentInput } from '../../../gql/graphql';
import { AdministeredOrganisationDocument } from '../operations';
import { NameFields, orNull, PersonFormFrame, SchoolSelect, TextField, usePersonForm } from './form-parts';

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
  const {
    form: {
      register,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = usePersonForm<StudentValues>(initial, FIELDS, (values) => onSave({ ...values, programmeCode: orNull(values.programmeCode) }));

  return (
    <PersonFormFrame testId="student-form" submitLabel={submitLabel} busy={isSubmitting} outcome={outcome} onSubmit={submit}>
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
      <NameFields id={id} register={register} errors={errors} />
      <div className="form__row">
        <SchoolSelect id={`${id}-school`} schools={schools} problem={errors.schoolId?.message} {...register('schoolId')} />
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
      <CheckboxField
        id={`${id}-protected`}
        label={t('administration.people.protectedIdentity')}
        hint={t('administration.people.students.protectedHint')}
        {...register('protectedIdentity')}
      />
    </PersonFormFrame>
  );
}
