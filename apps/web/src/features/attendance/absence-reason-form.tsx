import { useMutation } from '@apollo/client/react';
import {
  checkAbsenceReason,
  MAX_ATTENDANCE_NOTE_LENGTH,
  STAFF_ABSENCE_REASONS,
  type AttendanceStatus,
  type StaffAbsenceReason,
} from '@insyn/domain';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { showFieldProblems } from '../../lib/form-problems';
import { errorProblems, hasErrorCode, isConnectionError } from '../../lib/graphql-errors';
import { SetAbsenceReasonDocument } from './operations';

/** A marked absence or lateness staff may give a reason (the absence lessons' row, as far as the form needs it). */
export interface ExcusableAbsence {
  lessonId: string;
  status: AttendanceStatus;
  /** the reason staff recorded before, if any: the form starts from it and may take it back */
  staffReason: StaffAbsenceReason | null;
  note: string | null;
}

interface ReasonValues {
  reason: StaffAbsenceReason | '';
  note: string;
}

const FIELDS = ['reason', 'note'] as const;
type ReasonField = (typeof FIELDS)[number];
/** What the API (or the same check here) refuses at a field, and which field shows it. */
const FIELD_OF = {
  REASON_REQUIRED: 'reason',
  UNKNOWN_REASON: 'reason',
  NOTE_REQUIRED: 'note',
  NOTE_TOO_LONG: 'note',
} as const satisfies Record<string, ReasonField>;
type FieldProblem = keyof typeof FIELD_OF;
const isFieldProblem = (code: unknown): code is FieldProblem => typeof code === 'string' && code in FIELD_OF;
/** The refusals as the form shows them, at their fields. */
const atFields = (codes: readonly unknown[]) => codes.filter(isFieldProblem).map((code) => ({ field: FIELD_OF[code], code }));
const GENERAL_PROBLEMS = ['NOT_ABSENT', 'REPORTED_BY_HOME', 'NOT_FOUND', 'failed'] as const;
type GeneralProblem = (typeof GENERAL_PROBLEMS)[number];

const isStaffReason = (value: string): value is StaffAbsenceReason => STAFF_ABSENCE_REASONS.some((reason) => reason === value);

/**
 * The student's mentor (or an administrator) records why an absence or lateness is valid: a school activity, or
 * another reason with a note; or takes a reason they recorded back. The same rule as the API's (checkAbsenceReason)
 * is checked here first; what the API still refuses is shown at its field or above the buttons.
 */
export function AbsenceReasonForm({
  studentId,
  absence,
  label,
  onDone,
}: {
  studentId: string;
  absence: ExcusableAbsence;
  /** the lesson in words, e.g. "on Mon 23 Nov, Mathematics", for the form's name */
  label: string;
  /** saved (with the reason now standing, null when taken back) or cancelled */
  onDone: (outcome: { saved: true; reason: StaffAbsenceReason | null } | { saved: false }) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [general, setGeneral] = useState<GeneralProblem | 'unreachable' | null>(null);
  const [setReason] = useMutation(SetAbsenceReasonDocument, { refetchQueries: ['StudentAbsenceLessons'], awaitRefetchQueries: true });
  const form = useForm<ReasonValues>({ defaultValues: { reason: absence.staffReason ?? '', note: absence.note ?? '' } });
  const { register, handleSubmit, formState, setFocus, clearErrors } = form;

  // Opened: to the first choice, so that a keyboard or screen-reader user is in the form.
  useEffect(() => setFocus('reason'), [setFocus]);

  const save = async (reason: StaffAbsenceReason | null, note: string) => {
    setGeneral(null);
    try {
      await setReason({ variables: { input: { lessonId: absence.lessonId, studentId, reason, note: note.trim() || null } } });
      onDone({ saved: true, reason });
    } catch (error) {
      const problems = errorProblems(error);
      if (showFieldProblems(form, FIELDS, atFields(problems))) return;
      const known = GENERAL_PROBLEMS.find((code) => problems.includes(code));
      setGeneral(known ?? (hasErrorCode(error, 'NOT_FOUND') ? 'NOT_FOUND' : isConnectionError(error) ? 'unreachable' : 'failed'));
    }
  };

  const onSubmit = async (values: ReasonValues) => {
    const reason = isStaffReason(values.reason) ? values.reason : null;
    const found = atFields([
      ...(reason === null ? ['REASON_REQUIRED'] : []),
      ...checkAbsenceReason({ status: absence.status, validReason: null }, reason, values.note),
    ]);
    if (showFieldProblems(form, FIELDS, found)) return;
    await save(reason, values.note);
  };

  const reasonError = formState.errors.reason?.message;
  const noteError = formState.errors.note?.message;
  const problemText = (code: string | undefined) => (isFieldProblem(code) ? t(`absenceReason.problems.${code}`) : null);
  return (
    <form
      className="form absence-reason"
      noValidate
      aria-label={t('absenceReason.formLabel', { lesson: label })}
      aria-busy={formState.isSubmitting}
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      data-testid="absence-reason-form"
    >
      <fieldset
        className={`choice-group${reasonError ? ' choice-group--invalid' : ''}`}
        aria-describedby={[reasonError ? `${id}-reason-error` : null, `${id}-reason-hint`].filter(Boolean).join(' ')}
      >
        <legend className="choice-group__legend">{t('absenceReason.reasonLegend')}</legend>
        <p id={`${id}-reason-hint`} className="field__hint">
          {t('absenceReason.reasonHint')}
        </p>
        <div className="choice-group__options">
          {STAFF_ABSENCE_REASONS.map((reason) => (
            <div className="checkbox" key={reason}>
              <input
                id={`${id}-reason-${reason}`}
                type="radio"
                className="checkbox__input"
                value={reason}
                aria-invalid={reasonError ? true : undefined}
                {...register('reason', { onChange: () => clearErrors() })}
              />
              <label htmlFor={`${id}-reason-${reason}`} className="checkbox__label">
                {t(`absenceReason.reason.${reason}`)}
              </label>
            </div>
          ))}
        </div>
        {reasonError ? (
          <p id={`${id}-reason-error`} className="field__error">
            {problemText(reasonError)}
          </p>
        ) : null}
      </fieldset>
      <Field
        id={`${id}-note`}
        label={t('absenceReason.note')}
        hint={t('absenceReason.noteHint')}
        errors={noteError ? [problemText(noteError) ?? noteError] : []}
      >
        {(describedBy, invalid) => (
          <textarea
            id={`${id}-note`}
            className="field__input field__textarea field__textarea--short"
            maxLength={MAX_ATTENDANCE_NOTE_LENGTH}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...register('note', { onChange: () => clearErrors('note') })}
          />
        )}
      </Field>
      <Alert tone="error">
        {general === 'unreachable' ? t('errors.unreachableBody') : general ? t(`absenceReason.problems.${general}`) : null}
      </Alert>
      <div className="form__actions absence-reason__actions">
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting} data-testid="save-absence-reason">
          {formState.isSubmitting ? t('absenceReason.saving') : t('absenceReason.save')}
        </button>
        {absence.staffReason ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={formState.isSubmitting}
            onClick={() => void save(null, '')}
            data-testid="remove-absence-reason"
          >
            {t('absenceReason.remove')}
          </button>
        ) : null}
        <button type="button" className="button button--quiet" onClick={() => onDone({ saved: false })}>
          {t('absenceReason.cancel')}
        </button>
      </div>
    </form>
  );
}
