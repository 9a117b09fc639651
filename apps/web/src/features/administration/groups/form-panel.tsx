import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { useFocusedHeading } from './use-focused-heading';
import type { Outcome } from './use-saving';

/**
 * One of the small forms under a list or a row (a subject, a course, a move, a leaving): its heading, focused when
 * it opens from a row's button (`focusHeading`), its fields, submit and cancel, and what became of the save.
 */
export function FormPanel({
  title,
  focusHeading = true,
  hint,
  testId,
  onSubmit,
  submitLabel,
  submitDisabled = false,
  onCancel,
  outcome,
  children,
}: {
  title: string;
  focusHeading?: boolean;
  hint?: string;
  testId?: string;
  onSubmit: () => Promise<void>;
  submitLabel: string;
  submitDisabled?: boolean;
  onCancel?: (() => void) | undefined;
  outcome: Outcome;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useFocusedHeading(focusHeading);
  return (
    <form
      className="form form-panel"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      data-testid={testId}
    >
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {children}
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              {t('administration.groups.cancel')}
            </button>
          ) : null}
        </div>
        <Alert tone={outcome === 'saved' ? 'success' : 'error'}>{outcome ? t(`administration.groups.${outcome}`) : null}</Alert>
      </div>
    </form>
  );
}
