import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { StaffInput } from '../../../gql/graphql';
import { orNull, placeProblems, TextField } from './form-parts';

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
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StaffValues>({ defaultValues: initial });

  const onSubmit = async (values: StaffValues) => {
    setOutcome(null);
    try {
      await onSave({ ...values, email: orNull(values.email) });
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
      data-testid="staff-form"
    >
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
