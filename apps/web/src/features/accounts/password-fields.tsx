// The new password, twice, with a strength meter: what the activation and the change of password share. The rule
// is the API's own (@insyn/domain/password-rule), so a password refused here would be refused there too; its
// dictionaries are large, which is why only these lazily loaded pages import it.
import { judgePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem } from '@insyn/domain/password-rule';
import { useDeferredValue, useMemo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Field, FieldInput } from '../../components/ui/field';
import { errorExtension, hasErrorCode } from '../../lib/graphql-errors';

/** Everything either form can say of a field; each is a text under accounts.problems. */
const FORM_PROBLEMS = [
  'usernameRequired',
  'codeRequired',
  'codeFormat',
  'invalidCode',
  'currentRequired',
  'wrongCurrent',
  'TOO_SHORT',
  'TOO_LONG',
  'CONTAINS_NAME',
  'TOO_GUESSABLE',
  'sameAsCurrent',
  'confirmationRequired',
  'mismatch',
] as const;
export type FormProblem = (typeof FORM_PROBLEMS)[number];
const isFormProblem = (value: unknown): value is FormProblem => FORM_PROBLEMS.some((problem) => problem === value);
const LENGTHS = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };

const PASSWORD_PROBLEMS: readonly PasswordProblem[] = ['TOO_SHORT', 'TOO_LONG', 'CONTAINS_NAME', 'TOO_GUESSABLE'];
const isPasswordProblem = (value: unknown): value is PasswordProblem => PASSWORD_PROBLEMS.some((problem) => problem === value);

/** The texts of a field's problems (react-hook-form keeps the problem as the error's message). */
export function useProblemTexts(): (message: unknown) => string[] {
  const { t } = useTranslation();
  return (message) => (isFormProblem(message) ? [t(`accounts.problems.${message}`, LENGTHS)] : []);
}

export interface NewPasswordValues {
  newPassword: string;
  confirmation: string;
}

/** Adds the new password's problems, by the same rule as the API's, and the repetition's. */
export function checkNewPassword(values: NewPasswordValues, personal: readonly string[], ctx: z.RefinementCtx): void {
  const { problem } = judgePassword(values.newPassword, personal);
  if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
  if (values.confirmation === '') ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'confirmationRequired' });
  else if (values.confirmation !== values.newPassword) ctx.addIssue({ code: 'custom', path: ['confirmation'], message: 'mismatch' });
}

/** The password rule's problem when the API refused the new password (BAD_USER_INPUT on newPassword). */
export function refusedPassword(error: unknown): PasswordProblem | 'other' | null {
  if (!hasErrorCode(error, 'BAD_USER_INPUT') || errorExtension(error, 'BAD_USER_INPUT', 'field') !== 'newPassword') return null;
  const problem = errorExtension(error, 'BAD_USER_INPUT', 'problem');
  return isPasswordProblem(problem) ? problem : 'other';
}

const LEVELS = ['weak', 'weak', 'fair', 'fair', 'strong'] as const;

/** How hard the password is to guess, as a bar (for the eye) and a sentence that changes only with the verdict. */
function StrengthMeter({ id, password, personal }: { id: string; password: string; personal: readonly string[] }) {
  const { t } = useTranslation();
  // Judging takes a few milliseconds: typing stays smooth, the meter follows.
  const typed = useDeferredValue(password);
  const verdict = useMemo(() => (typed === '' ? null : judgePassword(typed, personal)), [typed, personal]);
  const level = verdict ? (verdict.problem === null ? 'strong' : LEVELS[verdict.score]) : null;
  const text = !verdict
    ? t('accounts.strength.empty', LENGTHS)
    : verdict.problem === null
      ? t('accounts.strength.good')
      : verdict.problem === 'TOO_GUESSABLE'
        ? t(`accounts.strength.guessable${verdict.score >= 3 ? 'Almost' : ''}`)
        : t(`accounts.strength.${verdict.problem}`, LENGTHS);
  return (
    <div className="strength" data-testid="password-strength">
      <div className="strength__bar" aria-hidden="true">
        <span
          className={`strength__fill${level ? ` strength__fill--${level}` : ''}`}
          style={{ width: `${verdict ? ((verdict.problem === null ? 4 : Math.min(verdict.score, 3)) + 1) * 20 : 0}%` }}
        />
      </div>
      {/* Polite: read out when the verdict changes, not at every key. */}
      <p id={id} className="strength__text" aria-live="polite">
        <span className="visually-hidden">{t('accounts.strength.label')}: </span>
        {text}
      </p>
    </div>
  );
}

/** The new password with its meter, and the same again; `personal` is what the password must not contain. */
export function NewPasswordFields({
  id,
  password,
  personal,
  visible,
  onVisibleChange,
  errors,
  newPassword,
  confirmation,
}: {
  id: string;
  /** the new password as typed, for the meter */
  password: string;
  personal: readonly string[];
  /** shows every password field of the form as text, the current one too */
  visible: boolean;
  onVisibleChange: (visible: boolean) => void;
  errors: { newPassword: string[]; confirmation: string[] };
  newPassword: UseFormRegisterReturn<'newPassword'>;
  confirmation: UseFormRegisterReturn<'confirmation'>;
}) {
  const { t } = useTranslation();
  const meterId = `${id}-strength`;
  return (
    <>
      <Field id={`${id}-new`} label={t('accounts.newPassword')} errors={errors.newPassword}>
        {(describedBy, invalid) => (
          <>
            <input
              id={`${id}-new`}
              className="field__input"
              type={visible ? 'text' : 'password'}
              autoComplete="new-password"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={invalid || undefined}
              aria-describedby={[describedBy, meterId].filter(Boolean).join(' ')}
              {...newPassword}
            />
            <StrengthMeter id={meterId} password={password} personal={personal} />
          </>
        )}
      </Field>
      <FieldInput
        id={`${id}-confirmation`}
        label={t('accounts.confirmation')}
        errors={errors.confirmation}
        type={visible ? 'text' : 'password'}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
        {...confirmation}
      />
      <div className="checkbox">
        <input
          id={`${id}-show`}
          type="checkbox"
          className="checkbox__input"
          checked={visible}
          onChange={(event) => onVisibleChange(event.target.checked)}
        />
        <label htmlFor={`${id}-show`} className="checkbox__label">
          {t('accounts.showPasswords')}
        </label>
      </div>
    </>
  );
}
