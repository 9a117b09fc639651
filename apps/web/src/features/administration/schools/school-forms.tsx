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
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldInput, FieldSelect } from '../../../components/ui/field';
import { AdminForm, useAdminForm } from '../admin-form';

type DetailsField = SchoolProblem['field'];
type DetailsCode = SchoolProblem['code'];
const DETAILS_FIELDS: readonly DetailsField[] = ['name', 'unitCode', 'form'];
const DETAILS_CODES: readonly DetailsCode[] = ['REQUIRED', 'TOO_LONG', 'INVALID_UNIT_CODE', 'DUPLICATE', 'UNKNOWN_FORM'];
const isDetailsCode = (value: unknown): value is DetailsCode => DETAILS_CODES.some((code) => code === value);

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
  const {
    form: {
      register,
      reset,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = useAdminForm<SchoolDetails, DetailsField, DetailsCode>(initial, DETAILS_FIELDS, DETAILS_CODES);
  const onSubmit = submit(async (values) => {
    const checked = checkSchoolDetails(values);
    if (!checked.ok) return checked.problems;
    await onSave(checked.value);
    reset(checked.value);
  });

  const errorsOf = (message: unknown) => (isDetailsCode(message) ? [t(`administration.schools.problems.${message}`)] : []);

  return (
    <AdminForm
      testId="school-form"
      busy={isSubmitting}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      outcome={outcome}
      savedText={t('administration.schools.saved')}
    >
      <FieldInput
        id={`${id}-name`}
        label={t('administration.schools.name')}
        errors={errorsOf(errors.name?.message)}
        autoComplete="off"
        {...register('name')}
      />
      <div className="form__row">
        <FieldInput
          id={`${id}-unit-code`}
          label={t('administration.schools.unitCode')}
          hint={t('administration.schools.unitCodeHint')}
          errors={errorsOf(errors.unitCode?.message)}
          inputMode="numeric"
          autoComplete="off"
          {...register('unitCode')}
        />
        <FieldSelect
          id={`${id}-form`}
          label={t('administration.schools.form')}
          errors={errorsOf(errors.form?.message)}
          {...register('form')}
        >
          {SCHOOL_FORMS.map((form) => (
            <option key={form} value={form}>
              {t(`administration.schools.forms.${form}`)}
            </option>
          ))}
        </FieldSelect>
      </div>
    </AdminForm>
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
  quietHoursFrom: values.quietHoursFrom,
  quietHoursUntil: values.quietHoursUntil,
});

/** The school's own rules, each with its bounds told beside it and checked before sending. */
export function SchoolSettingsForm({ initial, onSave }: { initial: SchoolSettings; onSave: (settings: SchoolSettings) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const {
    form: {
      register,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = useAdminForm<SchoolSettings, SchoolSettingField, SettingsCode>(settingsOf(initial), SCHOOL_SETTING_FIELDS, SETTINGS_CODES);
  const onSubmit = submit(async (values) => {
    const settings = settingsOf(values);
    const problems = checkSchoolSettings(settings);
    if (problems.length > 0) return problems;
    await onSave(settings);
  });

  return (
    <AdminForm
      testId="settings-form"
      busy={isSubmitting}
      onSubmit={onSubmit}
      submitLabel={t('administration.schools.saveSettings')}
      outcome={outcome}
      savedText={t('administration.schools.settingsSaved')}
    >
      <div className="admin-settings-grid">
        {SCHOOL_SETTING_FIELDS.map((field) => {
          const bounds = SCHOOL_SETTING_BOUNDS[field];
          const message = errors[field]?.message;
          return (
            <FieldInput
              key={field}
              id={`${id}-${field}`}
              label={t(`administration.schools.settings.${field}.label`)}
              hint={`${t(`administration.schools.settings.${field}.hint`)} ${t('administration.schools.settings.bounds', bounds)}`}
              errors={isSettingsCode(message) ? [t(`administration.schools.problems.${message}`, bounds)] : []}
              className="field__input admin-number-input"
              type="number"
              inputMode="numeric"
              min={bounds.min}
              max={bounds.max}
              step={1}
              {...register(field, { valueAsNumber: true })}
            />
          );
        })}
      </div>
    </AdminForm>
  );
}
