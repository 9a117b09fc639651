import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblemsOf } from '../field-problems';

/**
 * Delete in two steps (ask, then confirm), so one slip of the finger on a tablet removes nothing. A year or
 * term that the API finds in use (IN_USE) stays, and the reason is told beside the button.
 */
export function DeleteButton({
  label,
  confirmLabel,
  onDelete,
  testId,
}: {
  label: string;
  confirmLabel: string;
  onDelete: () => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<'inUse' | 'unreachable' | 'failed' | null>(null);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onDelete();
    } catch (error) {
      setAsking(false);
      setFailure(fieldProblemsOf(error, ['id'], ['IN_USE']).length > 0 ? 'inUse' : isConnectionError(error) ? 'unreachable' : 'failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="admin-delete">
      {asking ? (
        <div className="form__actions">
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void confirm()}
            data-testid={`${testId}-confirm`}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
            {t('administration.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={() => setAsking(true)} data-testid={testId}>
          {label}
        </button>
      )}
      <Alert tone="error">
        {failure === 'inUse'
          ? t('administration.calendar.inUse')
          : failure === 'unreachable'
            ? t('errors.unreachableBody')
            : failure === 'failed'
              ? t('administration.saveFailed')
              : null}
      </Alert>
    </div>
  );
}
