import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/ui/field';
import type { GuardianInput } from '../../../gql/graphql';
import { NameFields, orNull, PersonFormFrame, TextField, usePersonForm } from './form-parts';

export interface GuardianValues {
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  mobilePhone: string;
  email: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  protectedIdentity: boolean;
}

export const EMPTY_GUARDIAN: GuardianValues = {
  personalIdentityNumber: '',
  firstName: '',
  lastName: '',
  mobilePhone: '',
  email: '',
  streetAddress: '',
  postalCode: '',
  city: '',
  protectedIdentity: false,
};

const FIELDS = ['personalIdentityNumber', 'firstName', 'lastName', 'mobilePhone', 'email', 'streetAddress', 'postalCode', 'city'] as const;

/** A guardian's details. With protected identity the address fields go: no address is stored (rule 9). */
export function GuardianForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: GuardianValues;
  submitLabel: string;
  onSave: (input: GuardianInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const {
    form: {
      register,
      control,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = usePersonForm<GuardianValues>(initial, FIELDS, (values) =>
    onSave({
      firstName: values.firstName,
      lastName: values.lastName,
      personalIdentityNumber: orNull(values.personalIdentityNumber),
      mobilePhone: orNull(values.mobilePhone),
      email: orNull(values.email),
      protectedIdentity: values.protectedIdentity,
      // No address is stored for a person with protected identity: what was typed before the box was ticked goes.
      ...(values.protectedIdentity
        ? { streetAddress: null, postalCode: null, city: null }
        : { streetAddress: orNull(values.streetAddress), postalCode: orNull(values.postalCode), city: orNull(values.city) }),
    }),
  );
  const protectedIdentity = useWatch({ control, name: 'protectedIdentity' });

  return (
    <PersonFormFrame testId="guardian-form" submitLabel={submitLabel} busy={isSubmitting} outcome={outcome} onSubmit={submit}>
      <NameFields id={id} register={register} errors={errors} />
      <TextField
        id={`${id}-pnr`}
        name="personalIdentityNumber"
        label={t('administration.people.guardians.personalIdentityNumberOptional')}
        register={register}
        problem={errors.personalIdentityNumber?.message}
        autoComplete="off"
        inputMode="numeric"
      />
      <div className="form__row">
        <TextField
          id={`${id}-phone`}
          name="mobilePhone"
          type="tel"
          label={t('administration.people.guardians.mobilePhone')}
          hint={t('administration.people.guardians.mobilePhoneHint')}
          register={register}
          problem={errors.mobilePhone?.message}
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
      <CheckboxField
        id={`${id}-protected`}
        label={t('administration.people.protectedIdentity')}
        hint={t('administration.people.guardians.protectedHint')}
        {...register('protectedIdentity')}
      />
      {protectedIdentity ? null : (
        <fieldset className="choice-group">
          <legend className="choice-group__legend">{t('administration.people.guardians.address')}</legend>
          <TextField
            id={`${id}-street`}
            name="streetAddress"
            label={t('administration.people.guardians.streetAddress')}
            register={register}
            problem={errors.streetAddress?.message}
            autoComplete="off"
          />
          <div className="form__row">
            <TextField
              id={`${id}-postal`}
              name="postalCode"
              label={t('administration.people.guardians.postalCode')}
              register={register}
              problem={errors.postalCode?.message}
              autoComplete="off"
            />
            <TextField
              id={`${id}-city`}
              name="city"
              label={t('administration.people.guardians.city')}
              register={register}
              problem={errors.city?.message}
              autoComplete="off"
            />
          </div>
        </fieldset>
      )}
    </PersonFormFrame>
  );
}
