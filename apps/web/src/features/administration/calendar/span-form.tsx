import type { SchoolBreakProblem, SchoolYearProblem, TermProblem } from '@insyn/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldInput, FieldSelect } from '../../../components/ui/field';
import type { TermKind } from '../../../gql/graphql';
import { AdminForm, useAdminForm } from '../admin-form';

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
  const {
    form: {
      register,
      reset,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = useAdminForm<SpanValues, CalendarField, CalendarCode>(initial, FIELDS, CODES);
  const onSubmit = submit(async (values) => {
    const problems = check?.(values) ?? [];
    if (problems.length > 0) return problems;
    await onSave(values);
    reset(clearOnSave ? initial : values);
  });

  const errorsOf = (message: unknown) => (isCode(message) ? [t(`administration.calendar.problems.${message}`)] : []);
  const dateField = (field: 'startDate' | 'endDate') => (
    <FieldInput
      id={`${id}-${field}`}
      type="date"
      label={t(`administration.calendar.${field}`)}
      errors={errorsOf(errors[field]?.message)}
      {...register(field)}
    />
  );

  return (
    <AdminForm
      testId={testId}
      label={label}
      busy={isSubmitting}
      onSubmit={onSubmit}
      submitLabel={submitLabel}
      onCancel={onCancel}
      outcome={outcome}
      savedText={t('administration.calendar.saved')}
    >
      {withName ? (
        <FieldInput
          id={`${id}-name`}
          label={t('administration.calendar.name')}
          hint={nameHint ?? undefined}
          errors={errorsOf(errors.name?.message)}
          autoComplete="off"
          {...register('name')}
        />
      ) : null}
      {kinds ? (
        <FieldSelect
          id={`${id}-kind`}
          label={t('administration.calendar.kind')}
          errors={errorsOf(errors.kind?.message)}
          {...register('kind')}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`administration.calendar.terms.${kind}`)}
            </option>
          ))}
        </FieldSelect>
      ) : null}
      <div className="form__row">
        {dateField('startDate')}
        {dateField('endDate')}
      </div>
    </AdminForm>
  );
}
