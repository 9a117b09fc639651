import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import type { RetentionRunFieldsFragment } from '../../../gql/graphql';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { deletedPerKind } from './kinds';

/**
 * The organisation's latest runs, newest first: when, who started it (nobody: the nightly run), how it went, and how
 * many records of each kind it deleted. `runs` is undefined until read.
 */
export function RunHistory({
  runs,
  error,
  onRetry,
}: {
  runs: readonly RetentionRunFieldsFragment[] | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  return (
    <section className="panel retention-history" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.retention.history.heading')}
      </h2>
      {!runs ? (
        error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : (
          <LoadingState label={t('administration.retention.history.loading')} />
        )
      ) : runs.length === 0 ? (
        <p className="admin-page__empty">{t('administration.retention.history.none')}</p>
      ) : (
        <DataTable caption={t('administration.retention.history.caption')} testId="retention-history">
          <thead>
            <tr>
              <th scope="col">{t('administration.retention.history.at')}</th>
              <th scope="col">{t('administration.retention.history.outcome')}</th>
              <th scope="col" className="retention-wide">
                {t('administration.retention.history.deleted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const kinds = deletedPerKind(run.counts).filter((kind) => kind.deleted > 0);
              const deleted = (
                <>
                  <span className="retention-history__total">{t('administration.retention.history.total', { count: run.deleted })}</span>
                  {kinds.length > 0 ? (
                    <span className="retention-history__kinds">
                      {kinds
                        .map((kind) =>
                          t('administration.retention.history.kindCount', {
                            kind: t(`administration.retention.kinds.${kind.kind}.label`),
                            count: kind.deleted,
                          }),
                        )
                        .join(', ')}
                    </span>
                  ) : null}
                </>
              );
              return (
                <tr key={run.id}>
                  <td>
                    <span className="retention-history__at">{formatSchoolDateTime(run.startedAt, locale)}</span>
                    <span className="retention-history__by">{run.startedByName ?? t('administration.retention.history.nightly')}</span>
                  </td>
                  {/* On a phone what was deleted goes under how the run went. */}
                  <td>
                    {t(`administration.retention.outcomes.${run.outcome}`)}
                    <span className="retention-narrow-line">{deleted}</span>
                  </td>
                  <td className="retention-wide">{deleted}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
