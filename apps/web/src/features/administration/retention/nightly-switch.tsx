import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { isConnectionError } from '../../../lib/graphql-errors';
import { RetentionPolicyDocument, SetRetentionNightlyDocument } from './operations';

type Outcome = 'on' | 'off' | 'unreachable' | 'failed';

/**
 * Deletion every night, on or off (off until the administrator has read the dry run: deleting cannot be undone). Saved
 * as soon as it is switched, and said so; while saving the box shows what was asked for, a failure puts it back.
 */
export function NightlySwitch({ on }: { on: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [setNightly] = useMutation(SetRetentionNightlyDocument, {
    // The policy has no id of its own to be found by in the cache: the answer replaces the query's.
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: RetentionPolicyDocument, data: { retentionPolicy: data.setRetentionNightly } });
    },
  });
  const [pending, setPending] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const change = async (next: boolean) => {
    setPending(next);
    setOutcome(null);
    try {
      const { data } = await setNightly({ variables: { on: next } });
      if (!data) throw new Error('setRetentionNightly returned no data');
      setOutcome(data.setRetentionNightly.nightlyDeletion ? 'on' : 'off');
    } catch (error) {
      setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="retention-nightly" aria-busy={pending !== null} data-testid="retention-nightly">
      <div className="checkbox">
        <input
          id={`${id}-nightly`}
          type="checkbox"
          className="checkbox__input"
          checked={pending ?? on}
          aria-describedby={`${id}-hint`}
          // Not disabled while saving (that would take the focus from it): a second switch waits for the first.
          onChange={(event) => {
            if (pending === null) void change(event.target.checked);
          }}
        />
        <label htmlFor={`${id}-nightly`} className="checkbox__label">
          {t('administration.retention.nightly.label')}
        </label>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t('administration.retention.nightly.hint')}
      </p>
      <Alert tone="success">
        {outcome === 'on'
          ? t('administration.retention.nightly.savedOn')
          : outcome === 'off'
            ? t('administration.retention.nightly.savedOff')
            : null}
      </Alert>
      <Alert tone="error">
        {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('administration.saveFailed') : null}
      </Alert>
    </div>
  );
}
