import {
  checkSchoolDetails,
  checkSchoolSettings,
  SCHOOL_FORMS,
  SCHOOL_SETTING_BOUNDS,
  SCHOOL_SETTING_FIELDS,
  type SchoolDetails,
  type SchoolProblem,
  type SchoolSettingField,
  type SchoolSettings,
  type SchoolSettingsProblem,
} from '@insyn/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblemsOf } from './field-problems';
import { showFieldProblems } from '../../../lib/form-problems';

type Outcome = 'saved' | 'unreachable' | 'failed' | null;

type DetailsField = SchoolProblem['field'];
type DetailsCode = SchoolProblem['code'];
const DETAILS_FIELDS: readonly DetailsField[] = ['name', 'unitCode', 'form'];
const DETAILS_CODES: readonly DetailsCode[] = ['REQUIRED', 'TOO_LONG', 'INVALID_UNIT_CODE', 'DUPLICATE', 'UNKNOWN_FORM'];
const isDetailsCode = (value: unknown): value is DetailsCode => DETAILS_CODES.some((code) => code === value);

function FormFooter({ saving, label, outcome, savedText }: { saving: boolean; label: string; outcome: Outcome; savedText: string }) {
  const { t } = useTranslation();
  return (
    <div className="form__footer">
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('administration.saving') : label}
        </button>
      </div>
      <Alert tone="success">{outcome === 'saved' ? savedText : null}</Alert>
      <Alert tone="error">
        {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('administration.saveFailed') : null}
      </Alert>
    </div>
  );
}

/**
 * A school's name, Skolverket's unit code and its form, checked with the shared rules before sending;
 * the API's refusals (a code already used) land on the same fields.
 */
export function SchoolDetailsForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: SchoolDetails;
  submitLabel: string;
  /** Saves and resolves; throws the API's error. */
  onSave: (details: SchoolDetails) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<SchoolDetails>({ defaultValues: initial });

  const show = (problems: readonly { field: DetailsField; code: DetailsCode }[]) =>
    showFieldProblems({ setError, setFocus }, DETAILS_FIELDS, problems);

  const onSubmit = async (values: SchoolDetails) => {
    setOutcome(null);
    clearErrors();
    const checked = checkSchoolDetails(values);
    if (!checked.ok) return show(checked.problems);
    try {
      await onSave(checked.value);
      reset(checked.value);
      setOutcome('saved');
    } catch (error) {
      const problems = fieldProblemsOf(error, DETAILS_FIELDS, DETAILS_CODES);
      if (problems.length > 0) show(problems);
      else setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  const errorsOf = (message: unknown) => (isDetailsCode(message) ? [t(`administration.schools.problems.${message}`)] : []);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid="school-form"
    >
      <Field id={`${id}-name`} label={t('administration.schools.name')} errors={errorsOf(errors.name?.message)}>
        {(describedBy, invalid) => (
          <input
            id={`${id}-name`}
            className="field__input"
            autoComplete="off"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...register('name')}
          />
        )}
      </Field>
      <div className="form__row">
        <Field
          id={`${id}-unit-code`}
          label={t('administration.schools.unitCode')}
          hint={t('administration.schools.unitCodeHint')}
          errors={errorsOf(errors.unitCode?.message)}
        >
          {(describedBy, invalid) => (
            <input
              id={`${id}-unit-code`}
              className="field__input"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              {...register('unitCode')}
            />
          )}
        </Field>
        <Field id={`${id}-form`} label={t('administration.schools.form')} errors={errorsOf(errors.form?.message)}>
          {(describedBy, invalid) => (
            <select
              id={`${id}-form`}
              className="field__input"
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              {...register('form')}
            >
              {SCHOOL_FORMS.map((form) => (
                <option key={form} value={form}>
                  {t(`administration.schools.forms.${form}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormFooter saving={isSubmitting} label={submitLabel} outcome={outcome} savedText={t('administration.schools.saved')} />
    </form>
  );
}

type SettingsCode = SchoolSettingsProblem['code'];
const SETTINGS_CODES: readonly SettingsCode[] = ['NOT_A_WHOLE_NUMBER', 'OUT_OF_RANGE', 'WARNING_ABOVE_ALARM'];
const isSettingsCode = (value: unknown): value is SettingsCode => SETTINGS_CODES.some((code) => code === value);

/** The settings alone: what the API answered also carries its `__typename`, which no input takes. */
const settingsOf = (values: SchoolSettings): SchoolSettings => ({
  mentorLeaveDayLimit: values.mentorLeaveDayLimit,
  sickReportDaysBack: values.sickReportDaysBack,
  absenceWarningPercent: values.absenceWarningPercent,
  absenceAlarmPercent: values.absenceAlarmPercent,
  csnThresholdMinutes: values.csnThresholdMinutes,
  gradeWarningContactDays: values.gradeWarningContactDays,
});

/** The school's own rules, each with its bounds told beside it and checked before sending. */
export function SchoolSettingsForm({ initial, onSave }: { initial: SchoolSettings; onSave: (settings: SchoolSettings) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SchoolSettings>({ defaultValues: settingsOf(initial) });

  const show = (problems: readonly { field: SchoolSettingField; code: SettingsCode }[]) =>
    showFieldProblems({ setError, setFocus }, SCHOOL_SETTING_FIELDS, problems);

  const onSubmit = async (values: SchoolSettings) => {
    setOutcome(null);
    clearErrors();
    const settings = settingsOf(values);
    const problems = checkSchoolSettings(settings);
    if (problems.length > 0) return show(problems);
    try {
      await onSave(settings);
      setOutcome('saved');
    } catch (error) {
      const refused = fieldProblemsOf(error, SCHOOL_SETTING_FIELDS, SETTINGS_CODES);
      if (refused.length > 0) show(refused);
      else setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid="settings-form"
    >
      <div className="admin-settings-grid">
        {SCHOOL_SETTING_FIELDS.map((field) => {
          const bounds = SCHOOL_SETTING_BOUNDS[field];
          const message = errors[field]?.message;
          return (
            <Field
              key={field}
              id={`${id}-${field}`}
              label={t(`administration.schools.settings.${field}.label`)}
              hint={`${t(`administration.schools.settings.${field}.hint`)} ${t('administration.schools.settings.bounds', bounds)}`}
              errors={isSettingsCode(message) ? [t(`administration.schools.problems.${message}`, bounds)] : []}
            >
              {(describedBy, invalid) => (
                <input
                  id={`${id}-${field}`}
                  className="field__input admin-number-input"
                  type="number"
                  inputMode="numeric"
                  min={bounds.min}
                  max={bounds.max}
                  step={1}
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                  {...register(field, { valueAsNumber: true })}
                />
              )}
            </Field>
          );
        })}
      </div>
      <FormFooter
        saving={isSubmitting}
        label={t('administration.schools.saveSettings')}
        outcome={outcome}
        savedText={t('administration.schools.settingsSaved')}
      />
    </form>
  );
}
