import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { Ss12000ImportRunsDocument } from './operations';
import { totalsOf } from './run-report';

/** The organisation's latest runs, dry runs too, newest first: when, who, how it went, and what it counted. */
export function RunHistory() {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  // Another administrator may have run an import since: read afresh whenever the page is shown.
  const { data, error, refetch } = useQuery(Ss12000ImportRunsDocument, { fetchPolicy: 'cache-and-network' });
  const runs = data?.ss12000ImportRuns;

  return (
    <section className="ss12000-section ss12000-history" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.ss12000.history.heading')}
      </h2>
      {!runs ? (
        error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <LoadingState label={t('administration.ss12000.history.loading')} />
        )
      ) : runs.length === 0 ? (
        <p className="admin-page__empty">{t('administration.ss12000.history.none')}</p>
      ) : (
        <DataTable caption={t('administration.ss12000.history.caption')} testId="ss12000-history">
          <thead>
            <tr>
              <th scope="col">{t('administration.ss12000.history.at')}</th>
              <th scope="col" className="ss12000-wide">
                {t('administration.ss12000.history.by')}
              </th>
              <th scope="col">{t('administration.ss12000.history.outcome')}</th>
              <th scope="col" className="ss12000-wide">
                {t('administration.ss12000.history.counts')}
              </th>
              <th scope="col" className="data-table__numeric ss12000-wide">
                {t('administration.ss12000.history.problems')}
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const counts = t('administration.ss12000.history.summary', totalsOf(run.counts));
              return (
                <tr key={run.id}>
                  {/* On a phone who ran it goes under when, and the counts and problems under the outcome. */}
                  <td>
                    <span className="ss12000-history__at">{formatSchoolDateTime(run.startedAt, locale)}</span>
                    <span className="ss12000-narrow-line">{run.startedByName}</span>
                  </td>
                  <td className="ss12000-wide">{run.startedByName}</td>
                  <td>
                    {t(`administration.ss12000.outcomes.${run.outcome}`)}
                    <span className="ss12000-narrow-line">{counts}</span>
                    <span className="ss12000-narrow-line">
                      {t('administration.ss12000.history.problemCount', { count: run.problems.length })}
                    </span>
                  </td>
                  <td className="ss12000-wide">{counts}</td>
                  <td className="data-table__numeric ss12000-wide">{run.problems.length}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
