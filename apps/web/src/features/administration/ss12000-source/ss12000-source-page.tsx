import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { AdminPageHeader } from '../admin-page-header';
import { ConnectionCheck } from './connection-check';
import { ImportRun } from './import-run';
import { NightlySwitch } from './nightly-switch';
import { SaveSs12000SourceDocument, Ss12000ImportRunsDocument, Ss12000SourceDocument } from './operations';
import { RunHistory } from './run-history';
import { SourceForm } from './source-form';
import '../schools/schools.css';
import './ss12000-source.css';

/**
 * /administration/ss12000-kalla: the school administration system the organisation imports its schools, people,
 * subjects, groups and duties from over SS 12000. Its address and login, a check that reaches it, a dry run and the
 * import (followed while it runs), the nightly import, and the latest runs.
 */
export function Ss12000SourcePage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.ss12000.title'));
  const id = useId();
  const locale = currentLocale();
  const { data, loading, error, refetch } = useQuery(Ss12000SourceDocument);
  const [save] = useMutation(SaveSs12000SourceDocument, {
    // The source has no id of its own to be found by in the cache: the answer replaces the query's.
    update: (cache, { data: saved }) => {
      if (saved) cache.writeQuery({ query: Ss12000SourceDocument, data: { ss12000Source: saved.saveSs12000Source } });
    },
  });
  // A check or run found that the stored secret cannot be read with this server's key: the form asks for it again.
  const [unreadable, setUnreadable] = useState(false);
  const source = data?.ss12000Source;
  // The latest runs: shown below, and the newest followed by the run section when it is under way. Another
  // administrator (or the nightly import) may have run one since: read afresh whenever the page is shown.
  const history = useQuery(Ss12000ImportRunsDocument, { fetchPolicy: 'cache-and-network' });
  const runs = history.data?.ss12000ImportRuns;
  // The run section waits for the list's first answer from the server (not one kept from an earlier visit) to know
  // what runs now; without a list, it starts with none. A list read again later (after a run starts) leaves it be.
  const historyRead = history.networkStatus !== NetworkStatus.loading || history.error !== undefined;
  const findRunning = async () => {
    const { data: read } = await history.refetch();
    const newest = read?.ss12000ImportRuns[0];
    return newest?.outcome === 'RUNNING' ? newest : null;
  };

  return (
    <div className="admin-page ss12000-page">
      <AdminPageHeader
        back="/administration"
        backLabel={t('administration.title')}
        title={t('administration.ss12000.title')}
        lead={t('administration.ss12000.lead')}
      />
      {source === undefined ? (
        error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : loading ? (
          <LoadingState label={t('administration.ss12000.loading')} />
        ) : null
      ) : (
        <>
          <section className="panel admin-form-panel" aria-labelledby={`${id}-source`}>
            <h2 id={`${id}-source`} className="section-heading">
              {t('administration.ss12000.source.heading')}
            </h2>
            <p className="ss12000-meta" data-testid="ss12000-source-changed">
              {source
                ? t('administration.ss12000.source.changed', {
                    at: formatSchoolDateTime(source.changedAt, locale),
                    name: source.changedByName,
                  })
                : t('administration.ss12000.source.none')}
            </p>
            <SourceForm
              source={source}
              unreadable={unreadable}
              onSave={async (input) => {
                const { data: saved } = await save({ variables: { input } });
                if (!saved) throw new Error('saveSs12000Source returned no data');
                if (input.secret) setUnreadable(false);
                return saved.saveSs12000Source;
              }}
            />
          </section>

          <section className="panel admin-form-panel" aria-labelledby={`${id}-check`}>
            <h2 id={`${id}-check`} className="section-heading">
              {t('administration.ss12000.check.heading')}
            </h2>
            <p>{t('administration.ss12000.check.intro')}</p>
            {source ? (
              // A check of settings since changed tells nothing: it starts over when they are saved.
              <ConnectionCheck key={source.changedAt} onUnreadable={() => setUnreadable(true)} />
            ) : (
              <p className="admin-page__empty">{t('administration.ss12000.saveFirst')}</p>
            )}
          </section>

          <section className="panel ss12000-section" aria-labelledby={`${id}-run`}>
            <h2 id={`${id}-run`} className="section-heading">
              {t('administration.ss12000.run.heading')}
            </h2>
            <p className="ss12000-intro">{t('administration.ss12000.run.intro')}</p>
            {!source ? (
              <p className="admin-page__empty">{t('administration.ss12000.saveFirst')}</p>
            ) : historyRead ? (
              <ImportRun
                key={source.changedAt}
                latest={runs?.[0] ?? null}
                findRunning={findRunning}
                onUnreadable={() => setUnreadable(true)}
              />
            ) : (
              <LoadingState label={t('administration.ss12000.history.loading')} />
            )}
          </section>

          {source ? (
            <section className="panel admin-form-panel" aria-labelledby={`${id}-nightly`}>
              <h2 id={`${id}-nightly`} className="section-heading">
                {t('administration.ss12000.nightly.heading')}
              </h2>
              <NightlySwitch source={source} />
            </section>
          ) : null}

          <RunHistory runs={runs} error={history.error} onRetry={() => void history.refetch()} />
        </>
      )}
    </div>
  );
}
