import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { useConfirmFocus } from '../../components/ui/use-confirm-focus';
import { isConnectionError } from '../../lib/graphql-errors';
import './delete-button.css';

/**
 * Delete in two steps (ask, then confirm), so one slip of the finger on a tablet removes nothing. `question` tells
 * what deleting does; focus moves to it when asked, and back to the button when the step closes. A record the API
 * refuses to delete stays, and the reason is told beside the button: `refusal` gives the words of the refusals the
 * caller knows (null for any other error).
 */
export function DeleteButton({
  label,
  confirmLabel,
  question,
  onDelete,
  refusal,
  testId,
}: {
  label: string;
  confirmLabel: string;
  question?: string;
  onDelete: () => Promise<void>;
  refusal: (error: unknown) => string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const { question: questionRef, confirmButton, askButton } = useConfirmFocus(asking);

  const confirm = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await onDelete();
    } catch (error) {
      setAsking(false);
      setFailed({ error });
    } finally {
      setBusy(false);
    }
  };
  const failure = (error: unknown) =>
    refusal(error) ?? (isConnectionError(error) ? t('errors.unreachableBody') : t('administration.saveFailed'));

  return (
    <div className="admin-delete">
      {asking ? (
        <div className={question ? 'admin-delete__question' : undefined}>
          {question ? (
            <p id={`${id}-question`} ref={questionRef} tabIndex={-1}>
              {question}
            </p>
          ) : null}
          <div className="form__actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button--danger"
              disabled={busy}
              aria-describedby={question ? `${id}-question` : undefined}
              onClick={() => void confirm()}
              data-testid={`${testId}-confirm`}
            >
              {confirmLabel}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
              {t('administration.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button ref={askButton} type="button" className="button button--quiet" onClick={() => setAsking(true)} data-testid={testId}>
          {label}
        </button>
      )}
      <Alert tone="error">{failed ? failure(failed.error) : null}</Alert>
    </div>
  );
}
