import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { RunSs12000ImportMutation } from '../../../gql/graphql';
import { BusyStatus } from './busy-status';
import { runFailureOf, type RunFailure } from './connection-check';
import { RunSs12000ImportDocument, Ss12000ImportRunsDocument } from './operations';
import { RunReport } from './run-report';

export type ImportRunResult = RunSs12000ImportMutation['runSs12000Import'];

/**
 * A dry run first, then, when it found no problem, the import itself, as with the school's lists. Each run reads the
 * whole source in one request (there is no progress to follow yet), and the history below is read again after it.
 */
export function ImportRun({ onUnreadable }: { onUnreadable: () => void }) {
  const { t } = useTranslation();
  const [runImport] = useMutation(RunSs12000ImportDocument, { refetchQueries: [Ss12000ImportRunsDocument] });
  const [running, setRunning] = useState<'dryRun' | 'apply' | null>(null);
  const [run, setRun] = useState<ImportRunResult | null>(null);
  const [failure, setFailure] = useState<RunFailure | null>(null);

  const start = async (apply: boolean) => {
    setRunning(apply ? 'apply' : 'dryRun');
    setFailure(null);
    try {
      const { data } = await runImport({ variables: { apply } });
      if (!data) throw new Error('runSs12000Import returned no data');
      setRun(data.runSs12000Import);
    } catch (error) {
      const reason = runFailureOf(error);
      setFailure(reason);
      if (reason === 'unreadable') onUnreadable();
    } finally {
      setRunning(null);
    }
  };

  // Importing is offered after a dry run that the source passed: a run with problems would save nothing anyway.
  const canApply = run?.outcome === 'DRY_RUN';

  return (
    <div className="ss12000-run" data-testid="ss12000-run">
      <div className="form__actions">
        <button
          type="button"
          className={`button ${canApply ? 'button--secondary' : 'button--primary'}`}
          disabled={running !== null}
          onClick={() => void start(false)}
        >
          {t('administration.ss12000.run.dryRun')}
        </button>
        {canApply ? (
          <button type="button" className="button button--primary" disabled={running !== null} onClick={() => void start(true)}>
            {t('administration.ss12000.run.apply')}
          </button>
        ) : null}
      </div>
      {canApply ? null : <p className="field__hint">{t('administration.ss12000.run.applyHint')}</p>}
      <BusyStatus text={running ? t(`administration.ss12000.run.busy.${running}`) : null} />
      <Alert tone="error">
        {failure === 'unreadable'
          ? t('administration.ss12000.unreadable')
          : failure === 'running'
            ? t('administration.ss12000.run.alreadyRunning')
            : failure === 'unreachable'
              ? t('errors.unreachableBody')
              : failure === 'failed'
                ? t('administration.ss12000.run.error')
                : null}
      </Alert>
      {run ? <RunReport run={run} busy={running !== null} /> : null}
    </div>
  );
}
