import { checkContactChoices, type ContactProblem } from '@insyn/domain';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import type { ContactPreferencesFieldsFragment, ContactPreferencesInput } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { errorProblems, isConnectionError } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { showFieldProblems } from '../../lib/form-problems';

type MessageLocale = ContactPreferencesInput['locale'];
const MESSAGE_LOCALES: readonly MessageLocale[] = ['sv', 'en'];
/** Each language's name in its own language, as in the language switch. */
const LOCALE_NAMES: Record<MessageLocale, string> = { sv: 'Svenska', en: 'English' };

interface ContactValues {
  bySms: boolean;
  byEmail: boolean;
  emailDuringQuietHours: boolean;
  mobilePhone: string;
  email: string;
  locale: MessageLocale;
}

type ProblemField = ContactProblem['field'];
type ProblemCode = ContactProblem['code'];

const PROBLEM_CODES: Record<ProblemField, readonly ProblemCode[]> = {
  mobilePhone: ['INVALID_PHONE', 'NOT_A_MOBILE', 'REQUIRED_FOR_SMS'],
  email: ['INVALID_EMAIL', 'REQUIRED_FOR_EMAIL'],
  locale: ['UNKNOWN_LOCALE'],
};

const isProblemField = (value: unknown): value is ProblemField => value === 'mobilePhone' || value === 'email' || value === 'locale';

/** One of the API's `{ field, code }` problems, as the shared rules name them. */
function isContactProblem(value: unknown): value is ContactProblem {
  if (typeof value !== 'object' || value === null || !('field' in value) || !('code' in value)) return false;
  const { field, code } = value;
  return isProblemField(field) && PROBLEM_CODES[field].some((known) => known === code);
}

const isProblemCode = (value: unknown): value is ProblemCode =>
  Object.values(PROBLEM_CODES).some((codes) => codes.some((code) => code === value));

function valuesOf(preferences: ContactPreferencesFieldsFragment): ContactValues {
  return {
    bySms: preferences.bySms,
    byEmail: preferences.byEmail,
    emailDuringQuietHours: preferences.emailDuringQuietHours,
    mobilePhone: preferences.mobilePhone ?? '',
    email: preferences.email ?? '',
    locale: preferences.locale,
  };
}

interface ContactPreferencesFormProps {
  preferences: ContactPreferencesFieldsFragment;
  /** Saves the choices and returns them as stored (the number in E.164); throws the API's error. */
  onSave: (input: ContactPreferencesInput) => Promise<ContactPreferencesFieldsFragment>;
  /** Staff filling in a guardian's choices (e.g. from the paper form): texts speak of the guardian. */
  onBehalf?: boolean;
}

/**
 * A guardian's contact choices: SMS and e-mail on or off, the number and address, the language of the
 * messages. Checked with the shared rules before sending; the API's problems land on the same fields.
 * Used by the guardian's own page and by staff on a student's contact page.
 */
export function ContactPreferencesForm({ preferences, onSave, onBehalf = false }: ContactPreferencesFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const [outcome, setOutcome] = useState<'saved' | 'unreachable' | 'failed' | null>(null);
  const [shown, setShown] = useState(preferences);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ContactValues>({ defaultValues: valuesOf(preferences) });

  const showProblems = (problems: readonly ContactProblem[]) =>
    showFieldProblems({ setError, setFocus }, ['mobilePhone', 'email', 'locale'] as const, problems);

  const onSubmit = async (values: ContactValues) => {
    setOutcome(null);
    clearErrors();
    const checked = checkContactChoices({
      bySms: values.bySms,
      byEmail: values.byEmail,
      mobilePhone: values.mobilePhone.trim() === '' ? null : values.mobilePhone,
      email: values.email.trim() === '' ? null : values.email,
      locale: values.locale,
    });
    if (!checked.ok) {
      showProblems(checked.problems);
      return;
    }
    try {
      const saved = await onSave({ ...checked.value, emailDuringQuietHours: values.emailDuringQuietHours });
      setShown(saved);
      reset(valuesOf(saved));
      setOutcome('saved');
    } catch (error) {
      const problems = errorProblems(error).filter(isContactProblem);
      if (problems.length > 0) showProblems(problems);
      else setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  const fieldError = (message: unknown) => (isProblemCode(message) ? t(`contact.problems.${message}`) : null);
  const phoneError = fieldError(errors.mobilePhone?.message);
  const emailError = fieldError(errors.email?.message);
  const localeError = fieldError(errors.locale?.message);
  const bySms = useWatch({ control, name: 'bySms' });
  const byEmail = useWatch({ control, name: 'byEmail' });
  const describedBy = (...ids: (string | false | null)[]) => ids.filter(Boolean).join(' ') || undefined;
  const personal = onBehalf ? 'off' : undefined;

  return (
    <form
      className="form contact-form"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid="contact-form"
    >
      <fieldset className="choice-group" aria-describedby={`${id}-channels-hint`}>
        <legend className="choice-group__legend">{onBehalf ? t('contact.channelsLegendOnBehalf') : t('contact.channelsLegend')}</legend>
        <p id={`${id}-channels-hint`} className="field__hint">
          {t('contact.channelsHint')}
        </p>
        <div className="checkbox">
          <input
            id={`${id}-sms`}
            type="checkbox"
            className="checkbox__input"
            {...register('bySms', { onChange: () => clearErrors('mobilePhone') })}
          />
          <label htmlFor={`${id}-sms`} className="checkbox__label">
            {t('contact.bySms')}
          </label>
        </div>
        <div className="checkbox">
          <input
            id={`${id}-email-on`}
            type="checkbox"
            className="checkbox__input"
            {...register('byEmail', { onChange: () => clearErrors('email') })}
          />
          <label htmlFor={`${id}-email-on`} className="checkbox__label">
            {t('contact.byEmail')}
          </label>
        </div>
      </fieldset>

      <div className={`field${phoneError ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-phone`}>
          {bySms ? t('contact.mobilePhoneRequired') : t('contact.mobilePhone')}
        </label>
        <p id={`${id}-phone-hint`} className="field__hint">
          {t('contact.mobilePhoneHint')}
        </p>
        <input
          id={`${id}-phone`}
          className="field__input"
          type="tel"
          inputMode="tel"
          autoComplete={personal ?? 'tel'}
          aria-invalid={phoneError ? true : undefined}
          aria-describedby={describedBy(phoneError && `${id}-phone-error`, `${id}-phone-hint`)}
          {...register('mobilePhone', { onChange: () => clearErrors('mobilePhone') })}
        />
        {phoneError ? (
          <p id={`${id}-phone-error`} className="field__error">
            {phoneError}
          </p>
        ) : null}
      </div>

      <div className={`field${emailError ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`${id}-email`}>
          {byEmail ? t('contact.emailRequired') : t('contact.email')}
        </label>
        <input
          id={`${id}-email`}
          className="field__input"
          type="email"
          inputMode="email"
          autoComplete={personal ?? 'email'}
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? `${id}-email-error` : undefined}
          {...register('email', { onChange: () => clearErrors('email') })}
        />
        {emailError ? (
          <p id={`${id}-email-error`} className="field__error">
            {emailError}
          </p>
        ) : null}
      </div>

      {byEmail ? (
        <div className="checkbox">
          <input id={`${id}-email-night`} type="checkbox" className="checkbox__input" {...register('emailDuringQuietHours')} />
          <label htmlFor={`${id}-email-night`} className="checkbox__label">
            {t('contact.emailDuringQuietHours')}
          </label>
        </div>
      ) : null}

      <fieldset
        className={`choice-group${localeError ? ' choice-group--invalid' : ''}`}
        aria-describedby={localeError ? `${id}-locale-error` : undefined}
      >
        <legend className="choice-group__legend">{t('contact.localeLegend')}</legend>
        <div className="choice-group__options">
          {MESSAGE_LOCALES.map((option) => (
            <div className="checkbox" key={option}>
              <input
                id={`${id}-locale-${option}`}
                type="radio"
                className="checkbox__input"
                value={option}
                {...register('locale', { onChange: () => clearErrors('locale') })}
              />
              <label htmlFor={`${id}-locale-${option}`} className="checkbox__label" lang={option}>
                {LOCALE_NAMES[option]}
              </label>
            </div>
          ))}
        </div>
        {localeError ? (
          <p id={`${id}-locale-error`} className="field__error">
            {localeError}
          </p>
        ) : null}
      </fieldset>

      {!bySms && !byEmail ? <p className="contact-form__none">{onBehalf ? t('contact.noneOnBehalf') : t('contact.none')}</p> : null}

      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} data-testid="save-contact">
            {isSubmitting ? t('contact.saving') : t('contact.save')}
          </button>
          {shown.changedAt ? (
            <p className="form__meta" data-testid="contact-changed">
              {shown.changedByStaff
                ? t('contact.changedByStaff', { when: formatSchoolDateTime(shown.changedAt, locale) })
                : t('contact.changed', { when: formatSchoolDateTime(shown.changedAt, locale) })}
            </p>
          ) : null}
        </div>
        <Alert tone="success">{outcome === 'saved' ? (onBehalf ? t('contact.savedOnBehalf') : t('contact.saved')) : null}</Alert>
        <Alert tone="error">
          {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('contact.saveFailed') : null}
        </Alert>
      </div>
    </form>
  );
}
