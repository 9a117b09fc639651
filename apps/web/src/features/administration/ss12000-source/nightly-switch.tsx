import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { Ss12000SourceFieldsFragment } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import { SetSs12000NightlyRunDocument, Ss12000SourceDocument } from './operations';

type Outcome = 'on' | 'off' | 'unreachable' | 'failed';

/**
 * The nightly import, on or off: saved as soon as it is switched, and said so. While it is being saved the box shows
 * what was asked for; a failure puts it back as it was.
 */
export function NightlySwitch({ source }: { source: Ss12000SourceFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const [setNightly] = useMutation(SetSs12000NightlyRunDocument, {
    // The source has no id of its own to be found by in the cache: the answer replaces the query's.
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: Ss12000SourceDocument, data: { ss12000Source: data.setSs12000NightlyRun } });
    },
  });
  const [pending, setPending] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const change = async (on: boolean) => {
    setPending(on);
    setOutcome(null);
    try {
      const { data } = await setNightly({ variables: { on } });
      if (!data) throw new Error('setSs12000NightlyRun returned no data');
      setOutcome(data.setSs12000NightlyRun.nightlyRun ? 'on' : 'off');
    } catch (error) {
      setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="ss12000-nightly" aria-busy={pending !== null} data-testid="ss12000-nightly">
      <div className="checkbox">
        <input
          id={`${id}-nightly`}
          type="checkbox"
          className="checkbox__input"
          checked={pending ?? source.nightlyRun}
          aria-describedby={`${id}-hint`}
          // Not disabled while saving (that would take the focus from it): a second switch waits for the first.
          onChange={(event) => {
            if (pending === null) void change(event.target.checked);
          }}
        />
        <label htmlFor={`${id}-nightly`} className="checkbox__label">
          {t('administration.ss12000.nightly.label')}
        </label>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t('administration.ss12000.nightly.hint')}
      </p>
      <Alert tone="success">
        {outcome === 'on'
          ? t('administration.ss12000.nightly.savedOn')
          : outcome === 'off'
            ? t('administration.ss12000.nightly.savedOff')
            : null}
      </Alert>
      <Alert tone="error">
        {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('administration.saveFailed') : null}
      </Alert>
    </div>
  );
}
