import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { Ss12000ImportRunFieldsFragment } from '../../../gql/graphql';
import { hasErrorCode, isConnectionError } from '../../../lib/graphql-errors';
import { BusyStatus } from './busy-status';
import { runFailureOf, type RunFailure } from './connection-check';
import { RunSs12000ImportDocument, Ss12000ImportRunDocument, Ss12000ImportRunsDocument } from './operations';
import { RunProgress, type RunKind } from './run-progress';
import { isFinished, RunReport } from './run-report';

/** How often a run under way is asked how far it has come. */
const POLL_MS = 1000;

interface Followed {
  id: string;
  kind: RunKind;
  /** the run as the mutation or the history gave it, shown until the run's own answer comes */
  first: Ss12000ImportRunFieldsFragment;
}

/**
 * A dry run first, then, when it found no problem, the import itself, as with the school's lists. A run is started
 * and answers at once; the page then asks how far it has come every second (which step, what it has counted so far)
 * until it has finished, and shows its report. A run already under way when the page opens (another administrator's,
 * the nightly one, or this page's before a reload: `latest`, the history's newest) is followed the same way.
 */
export function ImportRun({
  latest,
  findRunning,
  onUnreadable,
}: {
  latest: Ss12000ImportRunFieldsFragment | null;
  /** reads the history again: the run under way, if its newest is one */
  findRunning: () => Promise<Ss12000ImportRunFieldsFragment | null>;
  onUnreadable: () => void;
}) {
  const { t } = useTranslation();
  const [runImport] = useMutation(RunSs12000ImportDocument, { refetchQueries: [Ss12000ImportRunsDocument] });
  const [starting, setStarting] = useState<'dryRun' | 'apply' | null>(null);
  const [followed, setFollowed] = useState<Followed | null>(() =>
    latest?.outcome === 'RUNNING' ? { id: latest.id, kind: null, first: latest } : null,
  );
  const [failure, setFailure] = useState<RunFailure | null>(null);
  // The dry run and the import after it read alike: what changed (the default), or everything.
  const [everything, setEverything] = useState(false);
  const everythingId = useId();

  const { data, previousData, error, startPolling, stopPolling } = useQuery(
    Ss12000ImportRunDocument,
    followed ? { variables: { id: followed.id }, fetchPolicy: 'network-only' } : skipToken,
  );
  // The latest answer about the followed run (an answer that failed leaves the one before), else what started it.
  const answered = [data, previousData].map((answer) => answer?.ss12000ImportRun).find((run) => run?.id === followed?.id);
  const run = answered ?? followed?.first ?? null;
  const underWay = run?.outcome === 'RUNNING';
  // A run that is not there (NOT_FOUND) is not asked for again; any other error is, at the next poll.
  const running = underWay && !hasErrorCode(error, 'NOT_FOUND');
  useEffect(() => {
    if (!running) return;
    startPolling(POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);

  const start = async (apply: boolean) => {
    setStarting(apply ? 'apply' : 'dryRun');
    setFailure(null);
    try {
      const { data: started } = await runImport({ variables: { apply, everything } });
      if (!started) throw new Error('runSs12000Import returned no data');
      setFollowed({ id: started.runSs12000Import.id, kind: apply ? 'apply' : 'dryRun', first: started.runSs12000Import });
    } catch (caught) {
      const reason = runFailureOf(caught);
      setFailure(reason);
      if (reason === 'unreadable') onUnreadable();
      // Another run is under way (another administrator's, or the nightly one): it is followed here instead.
      if (reason === 'running') {
        const other = await findRunning().catch(() => null);
        if (other) setFollowed({ id: other.id, kind: null, first: other });
      }
    } finally {
      setStarting(null);
    }
  };

  // Importing is offered after a dry run that the source passed: a run with problems would save nothing anyway.
  const canApply = run?.outcome === 'DRY_RUN';
  const busy = starting !== null || running;
  const finished = answered && isFinished(answered) ? answered : null;

  return (
    <div className="ss12000-run" data-testid="ss12000-run">
      <div className="checkbox">
        <input
          id={`${everythingId}-input`}
          type="checkbox"
          className="checkbox__input"
          checked={everything}
          disabled={busy}
          aria-describedby={`${everythingId}-hint`}
          onChange={(event) => setEverything(event.target.checked)}
        />
        <label htmlFor={`${everythingId}-input`} className="checkbox__label">
          {t('administration.ss12000.run.everything')}
        </label>
      </div>
      <p id={`${everythingId}-hint`} className="field__hint">
        {t('administration.ss12000.run.everythingHint')}
      </p>
      <div className="form__actions">
        <button
          type="button"
          className={`button ${canApply ? 'button--secondary' : 'button--primary'}`}
          disabled={busy}
          onClick={() => void start(false)}
        >
          {t('administration.ss12000.run.dryRun')}
        </button>
        {canApply ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void start(true)}>
            {t('administration.ss12000.run.apply')}
          </button>
        ) : null}
      </div>
      {canApply ? null : <p className="field__hint">{t('administration.ss12000.run.applyHint')}</p>}
      <BusyStatus text={starting ? t(`administration.ss12000.run.busy.${starting}`) : null} />
      {/* The progress's steps are told by its own live region; that the run has finished, by this one, there all along. */}
      <div className="visually-hidden" role="status">
        {finished ? t('administration.ss12000.run.finished', { outcome: t(`administration.ss12000.outcomes.${finished.outcome}`) }) : null}
      </div>
      <Alert tone="error">
        {failure === 'unreadable'
          ? t('administration.ss12000.unreadable')
          : failure === 'running'
            ? t('administration.ss12000.run.alreadyRunning')
            : failure === 'unreachable'
              ? t('errors.unreachableBody')
              : failure === 'failed'
                ? t('administration.ss12000.run.error')
                : underWay && error
                  ? isConnectionError(error)
                    ? t('administration.ss12000.progress.unreachable')
                    : hasErrorCode(error, 'NOT_FOUND')
                      ? t('administration.ss12000.progress.notFound')
                      : t('administration.ss12000.progress.error')
                  : null}
      </Alert>
      {run && running ? (
        <RunProgress run={run} kind={followed?.kind ?? null} />
      ) : finished ? (
        <RunReport run={finished} busy={starting !== null} />
      ) : null}
    </div>
  );
}
