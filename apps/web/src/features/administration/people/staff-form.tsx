import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffInput } from '../../../gql/graphql';
import { NameFields, orNull, PersonFormFrame, TextField, usePersonForm } from './form-parts';

export interface StaffValues {
  firstName: string;
  lastName: string;
  signature: string;
  email: string;
}

const FIELDS = ['firstName', 'lastName', 'signature', 'email'] as const;

export function StaffForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: StaffValues;
  submitLabel: string;
  onSave: (input: StaffInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const {
    form: {
      register,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = usePersonForm<StaffValues>(initial, FIELDS, (values) => onSave({ ...values, email: orNull(values.email) }));

  return (
    <PersonFormFrame testId="staff-form" submitLabel={submitLabel} busy={isSubmitting} outcome={outcome} onSubmit={submit}>
      <NameFields id={id} register={register} errors={errors} />
      <div className="form__row">
        <TextField
          id={`${id}-signature`}
          name="signature"
          label={t('administration.people.staff.signature')}
          hint={t('administration.people.staff.signatureHint')}
          register={register}
          problem={errors.signature?.message}
          autoComplete="off"
        />
        <TextField
          id={`${id}-email`}
          name="email"
          type="email"
          label={t('administration.people.email')}
          register={register}
          problem={errors.email?.message}
          autoComplete="off"
        />
      </div>
    </PersonFormFrame>
  );
}
