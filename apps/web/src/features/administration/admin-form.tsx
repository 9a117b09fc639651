import { useState, type FormEvent, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { isConnectionError } from '../../lib/graphql-errors';
import { showFieldProblems } from '../../lib/form-problems';
import { fieldProblemsOf, type FieldProblem } from './field-problems';

export type FormOutcome = 'saved' | 'unreachable' | 'failed' | null;

/**
 * A form of the administration whose problems name its fields: those found before sending and the API's refusals
 * land on the fields, and focus moves to the first of them in the form's order (`fields`); anything else the API
 * answers is the form's outcome, as is a save.
 */
export function useAdminForm<Values extends FieldValues, F extends FieldPath<Values>, C extends string>(
  defaultValues: DefaultValues<Values>,
  fields: readonly F[],
  codes: readonly C[],
) {
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const form = useForm<Values>({ defaultValues });
  /**
   * The form's submit: `save` checks the values and sends them; it resolves to the problems found before sending
   * (nothing once sent) and throws the API's error.
   */
  const submit = (save: (values: Values) => Promise<readonly FieldProblem<F, C>[] | void>) =>
    form.handleSubmit(async (values) => {
      setOutcome(null);
      form.clearErrors();
      try {
        const problems = await save(values);
        if (problems && problems.length > 0) {
          showFieldProblems(form, fields, problems);
          return;
        }
        setOutcome('saved');
      } catch (error) {
        if (!showFieldProblems(form, fields, fieldProblemsOf(error, fields, codes))) {
          setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
        }
      }
    });
  return { form, outcome, submit };
}

/** The form element of a `useAdminForm` form, its submit button (and cancel, if any) and what became of the save. */
export function AdminForm({
  testId,
  label,
  busy,
  onSubmit,
  submitLabel,
  onCancel,
  outcome,
  savedText,
  children,
}: {
  testId: string;
  /** the form's accessible name, where it needs one */
  label?: string;
  busy: boolean;
  onSubmit: (event: FormEvent) => Promise<void>;
  submitLabel: string;
  onCancel?: (() => void) | undefined;
  outcome: FormOutcome;
  /** what a save says (none where the page moves on) */
  savedText?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form className="form" noValidate aria-label={label} onSubmit={(event) => void onSubmit(event)} aria-busy={busy} data-testid={testId}>
      {children}
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('administration.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('administration.cancel')}
            </button>
          ) : null}
        </div>
        {savedText === undefined ? null : <Alert tone="success">{outcome === 'saved' ? savedText : null}</Alert>}
        <Alert tone="error">
          {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('administration.saveFailed') : null}
        </Alert>
      </div>
    </form>
  );
}
