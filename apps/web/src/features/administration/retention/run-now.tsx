import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { LoadingState } from '../../../components/ui/loading-state';
import type { RetentionDryRunQuery, RetentionRunFieldsFragment } from '../../../gql/graphql';
import { errorProblems, isConnectionError } from '../../../lib/graphql-errors';
import { RunRetentionDocument } from './operations';

type Failure = 'alreadyRunning' | 'unreachable' | 'failed';

const isAlreadyRunning = (error: unknown) =>
  errorProblems(error).some(
    (problem) => typeof problem === 'object' && problem !== null && 'code' in problem && problem.code === 'ALREADY_RUNNING',
  );

/**
 * "Gallra nu": what the dry run shows is deleted at once, after a modal alert dialog has said what and that it cannot be
 * undone ("Cancel" focused, the safe choice; Escape too). The run answers at once and goes on in the server; the page
 * follows it in the runs (`latest`), and this says how it went.
 */
export function RunNow({
  dryRun,
  latest,
  onStarted,
}: {
  dryRun: RetentionDryRunQuery['retentionDryRun'];
  latest: RetentionRunFieldsFragment | null;
  onStarted: (run: RetentionRunFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [run, { loading: starting }] = useMutation(RunRetentionDocument);
  const [asking, setAsking] = useState(false);
  const [startedId, setStartedId] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Modal (the page behind it inert); focus to "Cancel" when it opens and back to the button after.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (asking) {
      if (!element.open) element.showModal();
      cancelButton.current?.focus();
    } else if (element.open) element.close();
    if (!asking && wasAsking.current) askButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const confirm = async () => {
    setFailure(null);
    try {
      const { data } = await run({ variables: { confirm: true } });
      if (!data) throw new Error('runRetention returned no data');
      setStartedId(data.runRetention.id);
      onStarted(data.runRetention);
      setAsking(false);
    } catch (error) {
      setAsking(false);
      setFailure(isAlreadyRunning(error) ? 'alreadyRunning' : isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  const running = latest?.outcome === 'RUNNING';
  const finished = latest && latest.id === startedId && latest.outcome !== 'RUNNING' ? latest : null;
  const due = dryRun.kinds.filter((kind) => kind.total > 0);

  return (
    <div className="retention-run" data-testid="retention-run">
      <p>{t('administration.retention.run.intro')}</p>
      {running ? (
        <LoadingState label={t('administration.retention.run.running')} />
      ) : dryRun.total === 0 ? (
        <p className="admin-page__empty">{t('administration.retention.run.nothing')}</p>
      ) : (
        <div className="form__actions">
          <button ref={askButton} type="button" className="button button--danger" onClick={() => setAsking(true)} disabled={starting}>
            {t('administration.retention.run.button')}
          </button>
        </div>
      )}
      <Alert tone="success">
        {finished?.outcome === 'COMPLETED' ? t('administration.retention.run.completed', { count: finished.deleted }) : null}
      </Alert>
      <Alert tone="error">
        {finished?.outcome === 'FAILED'
          ? t('administration.retention.run.failed', { count: finished.deleted })
          : failure === 'alreadyRunning'
            ? t('administration.retention.run.alreadyRunning')
            : failure === 'unreachable'
              ? t('errors.unreachableBody')
              : failure === 'failed'
                ? t('administration.saveFailed')
                : null}
      </Alert>
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="warning-dialog"
        data-testid="retention-confirm"
        onCancel={(event) => {
          event.preventDefault(); // Escape: cancel, through the same path as the button
          setAsking(false);
        }}
      >
        <h2 id={`${id}-title`} className="warning-dialog__title">
          {t('administration.retention.run.confirmTitle', { count: dryRun.total })}
        </h2>
        <div id={`${id}-body`} className="warning-dialog__body">
          <ul className="warning-dialog__list">
            {due.map((kind) => (
              <li key={kind.kind}>
                {t('administration.retention.run.confirmKind', {
                  kind: t(`administration.retention.kinds.${kind.kind}.label`),
                  count: kind.total,
                })}
              </li>
            ))}
          </ul>
          <p className="warning-dialog__consequence">{t('administration.retention.run.consequence')}</p>
        </div>
        <div className="form__actions warning-dialog__actions">
          <button ref={cancelButton} type="button" className="button button--primary" onClick={() => setAsking(false)}>
            {t('administration.cancel')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={starting}>
            {starting ? t('administration.retention.run.starting') : t('administration.retention.run.confirm')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
