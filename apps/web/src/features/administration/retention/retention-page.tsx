import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { AdminPageHeader } from '../admin-page-header';
import { DryRunReport } from './dry-run-report';
import { NightlySwitch } from './nightly-switch';
import { RetentionDryRunDocument, RetentionPolicyDocument, RetentionRunsDocument, UpdateRetentionPolicyDocument } from './operations';
import { PolicyForm } from './policy-form';
import { RunHistory } from './run-history';
import { RunNow } from './run-now';
import '../schools/schools.css';
import './retention.css';

/** How often the page asks how a run under way is doing. */
const FOLLOW_RUN_MS = 1000;

/**
 * /administration/gallring: how long the organisation keeps each kind of record, what that deletes today (the dry run),
 * deleting it now after a confirmation, the nightly deletion, and the runs so far.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.retention.title'));
  const id = useId();
  const locale = currentLocale();
  const policy = useQuery(RetentionPolicyDocument);
  // What is due and what has run change without this page (another administrator, the nightly run): read afresh.
  const dryRun = useQuery(RetentionDryRunDocument, { fetchPolicy: 'cache-and-network' });
  const history = useQuery(RetentionRunsDocument, { fetchPolicy: 'cache-and-network' });
  const latest = history.data?.retentionRuns[0] ?? null;
  const running = latest?.outcome === 'RUNNING';
  const [save] = useMutation(UpdateRetentionPolicyDocument, {
    // The policy has no id of its own to be found by in the cache: the answer replaces the query's.
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: RetentionPolicyDocument, data: { retentionPolicy: data.updateRetentionPolicy } });
    },
  });

  // Follow a run under way; once a run has ended (seen here, or already ended when first read back), what is due is read again.
  const { startPolling, stopPolling } = history;
  useEffect(() => {
    if (!running) return;
    startPolling(FOLLOW_RUN_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  const settledRun = latest && latest.outcome !== 'RUNNING' ? latest.id : null;
  const lastSettled = useRef<string | null | undefined>(undefined);
  const refetchDryRun = dryRun.refetch;
  const historyRead = history.data !== undefined;
  useEffect(() => {
    if (!historyRead) return;
    if (lastSettled.current !== undefined && settledRun !== null && settledRun !== lastSettled.current) void refetchDryRun();
    lastSettled.current = settledRun;
  }, [historyRead, settledRun, refetchDryRun]);

  const current = policy.data?.retentionPolicy;
  return (
    <div className="admin-page retention-page">
      <AdminPageHeader
        back="/administration"
        backLabel={t('administration.title')}
        title={t('administration.retention.title')}
        lead={t('administration.retention.lead')}
      />
      {!current ? (
        policy.error ? (
          <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
        ) : (
          <LoadingState label={t('administration.retention.loading')} />
        )
      ) : (
        <>
          <section className="panel" aria-labelledby={`${id}-policy`}>
            <h2 id={`${id}-policy`} className="section-heading">
              {t('administration.retention.policy.heading')}
            </h2>
            <p className="retention-intro">{t('administration.retention.policy.intro')}</p>
            <p className="retention-meta" data-testid="retention-policy-changed">
              {current.changedAt && current.changedByName
                ? t('administration.retention.policy.changed', {
                    at: formatSchoolDateTime(current.changedAt, locale),
                    name: current.changedByName,
                  })
                : t('administration.retention.policy.neverChanged')}
            </p>
            <PolicyForm
              periods={current.periods}
              onSave={async (periods) => {
                await save({ variables: { input: { periods } } });
                await dryRun.refetch();
              }}
            />
          </section>

          <section className="panel" aria-labelledby={`${id}-due`}>
            <h2 id={`${id}-due`} className="section-heading">
              {t('administration.retention.dryRun.heading')}
            </h2>
            {dryRun.data ? (
              <DryRunReport dryRun={dryRun.data.retentionDryRun} />
            ) : dryRun.error ? (
              <ErrorState error={dryRun.error} onRetry={() => void dryRun.refetch()} />
            ) : (
              <LoadingState label={t('administration.retention.dryRun.loading')} />
            )}
          </section>

          <section className="panel" aria-labelledby={`${id}-run`}>
            <h2 id={`${id}-run`} className="section-heading">
              {t('administration.retention.run.heading')}
            </h2>
            {dryRun.data && history.data ? (
              <RunNow dryRun={dryRun.data.retentionDryRun} latest={latest} onStarted={() => void history.refetch()} />
            ) : (
              <LoadingState label={t('administration.retention.dryRun.loading')} />
            )}
          </section>

          <section className="panel" aria-labelledby={`${id}-nightly`}>
            <h2 id={`${id}-nightly`} className="section-heading">
              {t('administration.retention.nightly.heading')}
            </h2>
            <NightlySwitch on={current.nightlyDeletion} />
          </section>

          <RunHistory runs={history.data?.retentionRuns} error={history.error} onRetry={() => void history.refetch()} />
        </>
      )}
    </div>
  );
}
