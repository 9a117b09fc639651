import {
  checkRetentionPeriods,
  RETENTION_KINDS,
  type RetentionKind,
  type RetentionPeriodInput,
  type RetentionPolicy,
  type RetentionProblemCode,
} from '@insyn/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionPolicyFieldsFragment } from '../../../gql/graphql';
import { AdminForm, useAdminForm } from '../admin-form';
import { RETENTION_GROUPS } from './kinds';

type Period = RetentionPolicyFieldsFragment['periods'][number];

/** Per kind its period as typed (NaN when empty), and whether it is kept instead. */
type Values = Record<RetentionKind, number> & { kept: Record<RetentionKind, boolean> };

const PROBLEM_CODES: readonly RetentionProblemCode[] = ['NOT_A_WHOLE_NUMBER', 'OUT_OF_RANGE', 'REQUIRED', 'DUPLICATE'];
const isProblemCode = (value: unknown): value is RetentionProblemCode => PROBLEM_CODES.some((code) => code === value);

function valuesOf(periods: readonly Period[]): Values {
  const kept = Object.fromEntries(periods.map((period) => [period.kind, period.keep === null])) as Record<RetentionKind, boolean>;
  const numbers = Object.fromEntries(periods.map((period) => [period.kind, period.keep ?? Number.NaN]));
  return { ...(numbers as Record<RetentionKind, number>), kept };
}

/**
 * How long each kind of record is kept, grouped as a school thinks of them: each a number of school years or months,
 * or (where the kind may be kept) "kept", never deleted by Insyn. Checked here by the rules the API checks by.
 */
export function PolicyForm({
  periods,
  onSave,
}: {
  periods: readonly Period[];
  onSave: (periods: RetentionPeriodInput[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const byKind = new Map(periods.map((period) => [period.kind, period]));
  const {
    form: {
      register,
      watch,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = useAdminForm<Values, RetentionKind, RetentionProblemCode>(valuesOf(periods), RETENTION_KINDS, PROBLEM_CODES);
  const kept = watch('kept');

  const onSubmit = submit(async (values) => {
    const input = RETENTION_KINDS.map((kind) => ({ kind, keep: values.kept[kind] ? null : values[kind] }));
    const current = Object.fromEntries(periods.map((period) => [period.kind, period.keep])) as RetentionPolicy;
    const checked = checkRetentionPeriods(input, current);
    if (!checked.ok) return checked.problems;
    await onSave(input);
  });

  return (
    <AdminForm
      testId="retention-policy-form"
      busy={isSubmitting}
      onSubmit={onSubmit}
      submitLabel={t('administration.retention.policy.save')}
      outcome={outcome}
      savedText={t('administration.retention.policy.saved')}
    >
      {RETENTION_GROUPS.map((group) => (
        <section key={group.key} className="retention-group" aria-labelledby={`${id}-${group.key}`}>
          <h3 id={`${id}-${group.key}`} className="admin-subheading">
            {t(`administration.retention.groups.${group.key}`)}
          </h3>
          <div className="retention-periods">
            {group.kinds.map((kind) => {
              const period = byKind.get(kind);
              if (!period) return null;
              const message = errors[kind]?.message;
              const inputId = `${id}-${kind}`;
              const errorId = `${inputId}-error`;
              const hintId = `${inputId}-hint`;
              const unit = period.unit === 'SCHOOL_YEARS' ? 'years' : 'months';
              const standard =
                period.defaultKeep === null
                  ? t('administration.retention.policy.defaultKept')
                  : t(`administration.retention.policy.default_${unit}`, { count: period.defaultKeep });
              const isKept = period.mayKeep && kept[kind];
              return (
                <fieldset key={kind} className="retention-period" data-testid={`retention-period-${kind}`}>
                  <legend className="retention-period__legend">{t(`administration.retention.kinds.${kind}.label`)}</legend>
                  <p className="field__hint">{t(`administration.retention.kinds.${kind}.hint`)}</p>
                  {period.mayKeep ? (
                    <div className="checkbox">
                      <input id={`${inputId}-kept`} type="checkbox" className="checkbox__input" {...register(`kept.${kind}`)} />
                      <label htmlFor={`${inputId}-kept`} className="checkbox__label">
                        {t('administration.retention.policy.kept')}
                      </label>
                    </div>
                  ) : null}
                  {isKept ? (
                    <p className="retention-period__kept">{standard}</p>
                  ) : (
                    // Kept, the kind has no period to type: the field comes back (with what was typed) when unticked.
                    <div className={`field${message ? ' field--invalid' : ''}`}>
                      <label className="field__label" htmlFor={inputId}>
                        {t(`administration.retention.policy.${unit}`)}
                      </label>
                      <p id={hintId} className="field__hint">
                        {t('administration.retention.policy.bounds', { min: period.min, max: period.max })} {standard}
                      </p>
                      <input
                        id={inputId}
                        className="field__input admin-number-input"
                        type="number"
                        inputMode="numeric"
                        min={period.min}
                        max={period.max}
                        step={1}
                        aria-invalid={message ? true : undefined}
                        aria-describedby={message ? `${errorId} ${hintId}` : hintId}
                        {...register(kind, { valueAsNumber: true })}
                      />
                      {message ? (
                        <p id={errorId} className="field__error">
                          {isProblemCode(message)
                            ? t(`administration.retention.problems.${message}`, { min: period.min, max: period.max })
                            : message}
                        </p>
                      ) : null}
                    </div>
                  )}
                </fieldset>
              );
            })}
          </div>
        </section>
      ))}
    </AdminForm>
  );
}
