import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ui/data-table';
import type { RetentionDryRunQuery } from '../../../gql/graphql';
import { formatDateSpan, formatLongDate } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';

type DryRun = RetentionDryRunQuery['retentionDryRun'];

/**
 * What a run would delete today, per kind and school year: how many records, from which dates, and the day before which
 * the kind's records go. Below it, the kinds that are kept, and that no kind covers the people themselves (their person
 * records and accounts stay, also once they have left). Reading it deletes nothing.
 */
export function DryRunReport({ dryRun }: { dryRun: DryRun }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const due = dryRun.kinds.filter((kind) => kind.total > 0);
  const kept = dryRun.kinds.filter((kind) => kind.cutoff === null);
  return (
    <div className="retention-report" data-testid="retention-dry-run">
      <p>{t('administration.retention.dryRun.intro', { today: formatLongDate(dryRun.today, locale) })}</p>
      {due.length === 0 ? (
        <p className="admin-page__empty" role="status">
          {t('administration.retention.dryRun.none')}
        </p>
      ) : (
        <DataTable caption={t('administration.retention.dryRun.caption')} testId="retention-dry-run-table">
          <thead>
            <tr>
              <th scope="col">{t('administration.retention.dryRun.kind')}</th>
              <th scope="col">{t('administration.retention.dryRun.schoolYear')}</th>
              <th scope="col" className="data-table__numeric">
                {t('administration.retention.dryRun.count')}
              </th>
              <th scope="col" className="retention-wide">
                {t('administration.retention.dryRun.dates')}
              </th>
            </tr>
          </thead>
          <tbody>
            {due.flatMap((kind) =>
              kind.years.map((year) => (
                <tr key={`${kind.kind}-${year.schoolYear}`}>
                  <th scope="row">
                    {t(`administration.retention.kinds.${kind.kind}.label`)}
                    {kind.cutoff ? (
                      <span className="retention-report__cutoff">
                        {t(
                          kind.kind === 'FORMER_STUDENTS'
                            ? 'administration.retention.dryRun.leftBefore'
                            : 'administration.retention.dryRun.before',
                          {
                            date: formatLongDate(kind.cutoff, locale),
                          },
                        )}
                      </span>
                    ) : null}
                  </th>
                  {/* On a phone the dates go under the school year. */}
                  <td>
                    {year.schoolYear}
                    <span className="retention-narrow-line">{formatDateSpan(year.oldest, year.newest, locale)}</span>
                  </td>
                  <td className="data-table__numeric">{year.count}</td>
                  <td className="retention-wide">{formatDateSpan(year.oldest, year.newest, locale)}</td>
                </tr>
              )),
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('administration.retention.dryRun.total')}
              </th>
              <td className="data-table__numeric">{dryRun.total}</td>
              <td className="retention-wide" />
            </tr>
          </tfoot>
        </DataTable>
      )}
      {kept.length > 0 ? (
        <p className="retention-report__kept">
          {t('administration.retention.dryRun.kept', {
            kinds: kept.map((kind) => t(`administration.retention.kinds.${kind.kind}.label`)).join(', '),
          })}
        </p>
      ) : null}
      <p className="retention-report__kept">{t('administration.retention.dryRun.people')}</p>
    </div>
  );
}
