import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import type { Ss12000ImportRunFieldsFragment } from '../../../gql/graphql';
import { CountSummary, totalsOf } from './run-report';
import { useSs12000Texts } from './texts';

/**
 * The organisation's latest runs, dry runs too, newest first: when, who (nobody: the nightly run), how it went, and
 * what it counted. A run under way shows what it has counted so far; the page reads the list (`runs`, undefined
 * until read) and keeps the run it follows up to date in it.
 */
export function RunHistory({
  runs,
  error,
  onRetry,
}: {
  runs: readonly Ss12000ImportRunFieldsFragment[] | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const texts = useSs12000Texts();
  const id = useId();
  const locale = currentLocale();

  return (
    <section className="ss12000-section ss12000-history" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.ss12000.history.heading')}
      </h2>
      {!runs ? (
        error ? (
          <ErrorState error={error} onRetry={onRetry} />
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
              const counts = <CountSummary count={totalsOf(run.counts)} />;
              const by = texts.starter(run.startedByName);
              return (
                <tr key={run.id}>
                  {/* On a phone who ran it goes under when, and the counts and problems under the outcome. */}
                  <td>
                    <span className="ss12000-history__at">{formatSchoolDateTime(run.startedAt, locale)}</span>
                    <span className="ss12000-narrow-line">{by}</span>
                  </td>
                  <td className="ss12000-wide">{by}</td>
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
