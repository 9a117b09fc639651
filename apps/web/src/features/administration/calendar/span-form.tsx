import type { SchoolBreakProblem, SchoolYearProblem, TermProblem } from '@insyn/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import type { TermKind } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblemsOf } from '../schools/field-problems';
import { showFieldProblems } from '../../../lib/form-problems';

export type CalendarProblem = SchoolYearProblem | TermProblem | SchoolBreakProblem;
type CalendarField = CalendarProblem['field'];
type CalendarCode = CalendarProblem['code'];

const FIELDS: readonly CalendarField[] = ['name', 'kind', 'startDate', 'endDate'];
const CODES: readonly CalendarCode[] = [
  'REQUIRED',
  'INVALID_NAME',
  'NAME_NOT_START_YEAR',
  'DUPLICATE',
  'TOO_LONG',
  'OUT_OF_ORDER',
  'INVALID_DATE',
  'END_BEFORE_START',
  'OVERLAPS',
  'TERMS_OUTSIDE',
  'OUTSIDE_SCHOOL_YEAR',
  'OUTSIDE_TERM',
  'BREAKS_OUTSIDE',
  'LESSONS_OUTSIDE',
];
const isCode = (value: unknown): value is CalendarCode => CODES.some((code) => code === value);

export interface SpanValues {
  name: string;
  kind: TermKind;
  startDate: string;
  endDate: string;
}

interface SpanFormProps {
  /** what the form is for, in the test ids and the accessible name of the form */
  label: string;
  testId: string;
  /** a name field (school years, breaks) with its hint */
  nameHint?: string | null;
  withName: boolean;
  /** the term kinds to choose from (terms only) */
  kinds?: readonly TermKind[];
  initial: SpanValues;
  submitLabel: string;
  /** problems found before sending (the shared rules, with what the page knows) */
  check?: (values: SpanValues) => readonly CalendarProblem[];
  /** Saves; throws the API's error. */
  onSave: (values: SpanValues) => Promise<void>;
  /** empty the form after saving, for adding several in a row */
  clearOnSave?: boolean;
  onCancel?: () => void;
}

/** Dates from–to with a name or a term kind: the one form of school years, terms and breaks. */
export function SpanForm({
  label,
  testId,
  nameHint,
  withName,
  kinds,
  initial,
  submitLabel,
  check,
  onSave,
  clearOnSave,
  onCancel,
}: SpanFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<'saved' | 'unreachable' | 'failed' | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<SpanValues>({ defaultValues: initial });

  const show = (problems: readonly { field: CalendarField; code: CalendarCode }[]) =>
    showFieldProblems({ setError, setFocus }, FIELDS, problems);

  const onSubmit = async (values: SpanValues) => {
    setOutcome(null);
    clearErrors();
    const problems = check?.(values) ?? [];
    if (problems.length > 0) return show(problems);
    try {
      await onSave(values);
      reset(clearOnSave ? initial : values);
      setOutcome('saved');
    } catch (error) {
      const refused = fieldProblemsOf(error, FIELDS, CODES);
      if (refused.length > 0) show(refused);
      else setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  const errorsOf = (message: unknown) => (isCode(message) ? [t(`administration.calendar.problems.${message}`)] : []);
  const dateField = (field: 'startDate' | 'endDate') => (
    <Field id={`${id}-${field}`} label={t(`administration.calendar.${field}`)} errors={errorsOf(errors[field]?.message)}>
      {(describedBy, invalid) => (
        <input
          id={`${id}-${field}`}
          type="date"
          className="field__input"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...register(field)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="form"
      noValidate
      aria-label={label}
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid={testId}
    >
      {withName ? (
        <Field
          id={`${id}-name`}
          label={t('administration.calendar.name')}
          hint={nameHint ?? undefined}
          errors={errorsOf(errors.name?.message)}
        >
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
      ) : null}
      {kinds ? (
        <Field id={`${id}-kind`} label={t('administration.calendar.kind')} errors={errorsOf(errors.kind?.message)}>
          {(describedBy, invalid) => (
            <select
              id={`${id}-kind`}
              className="field__input"
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              {...register('kind')}
            >
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`administration.calendar.terms.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="form__row">
        {dateField('startDate')}
        {dateField('endDate')}
      </div>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('administration.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('administration.cancel')}
            </button>
          ) : null}
        </div>
        <Alert tone="success">{outcome === 'saved' ? t('administration.calendar.saved') : null}</Alert>
        <Alert tone="error">
          {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('administration.saveFailed') : null}
        </Alert>
      </div>
    </form>
  );
}
