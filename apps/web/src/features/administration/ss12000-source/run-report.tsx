import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import type { ImportRunResult } from './import-run';
import { useSs12000Texts } from './texts';

/** How long a run took, in whole seconds (at least one: a run that took 0.3 s did not take none). */
const secondsOf = (run: { startedAt: string; finishedAt: string }) =>
  Math.max(1, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));

/** The counts of every kind together. */
export const totalsOf = (counts: readonly { added: number; changed: number; unchanged: number }[]) =>
  counts.reduce(
    (sum, count) => ({ added: sum.added + count.added, changed: sum.changed + count.changed, unchanged: sum.unchanged + count.unchanged }),
    { added: 0, changed: 0, unchanged: 0 },
  );

/**
 * What a run did, or would have done: its outcome in words, a count per kind, the problems that stopped it (each with
 * its endpoint and the source's id, to find the record in the source), and the records it adds or changes.
 */
export function RunReport({ run, busy }: { run: ImportRunResult; busy: boolean }) {
  const { t } = useTranslation();
  const texts = useSs12000Texts();
  const id = useId();
  const locale = currentLocale();
  const totals = totalsOf(run.counts);
  const listed = totals.added + totals.changed;
  const outcome = t(`administration.ss12000.outcomes.${run.outcome}`);

  return (
    <section className="ss12000-report" aria-labelledby={`${id}-heading`} aria-busy={busy} data-testid="ss12000-report">
      <h3 id={`${id}-heading`} className="ss12000-report__heading">
        {t('administration.ss12000.report.heading')}
      </h3>
      {run.outcome === 'REFUSED' ? (
        <Alert tone="error">
          <strong className="ss12000-alert__title">{outcome}.</strong>{' '}
          {t('administration.ss12000.report.refused', { count: run.problems.length })}
        </Alert>
      ) : (
        <Alert tone="success">
          <strong className="ss12000-alert__title">{outcome}.</strong> {t(`administration.ss12000.report.summary.${run.outcome}`, totals)}
        </Alert>
      )}
      <p className="ss12000-report__meta">
        {t('administration.ss12000.report.meta', {
          at: formatSchoolDateTime(run.startedAt, locale),
          name: run.startedByName,
          seconds: secondsOf(run),
        })}
      </p>

      {/* Five rows of numbers: kept narrow, so that each kind's numbers are read across without a wide gap. */}
      <div className="ss12000-counts">
        <DataTable caption={t('administration.ss12000.report.countsCaption')} testId="ss12000-counts">
          <thead>
            <tr>
              <th scope="col">{t('administration.ss12000.report.kind')}</th>
              <th scope="col" className="data-table__numeric ss12000-wide">
                {t('administration.ss12000.report.added')}
              </th>
              <th scope="col" className="data-table__numeric ss12000-wide">
                {t('administration.ss12000.report.changed')}
              </th>
              <th scope="col" className="data-table__numeric ss12000-wide">
                {t('administration.ss12000.report.unchanged')}
              </th>
              <th scope="col" className="ss12000-narrow">
                {t('administration.ss12000.report.counts')}
              </th>
            </tr>
          </thead>
          <tbody>
            {run.counts.map((count) => (
              <tr key={count.kind}>
                <th scope="row">{texts.kindName(count.kind)}</th>
                <td className="data-table__numeric ss12000-wide">{count.added}</td>
                <td className="data-table__numeric ss12000-wide">{count.changed}</td>
                <td className="data-table__numeric ss12000-wide">{count.unchanged}</td>
                <td className="ss12000-narrow">{t('administration.ss12000.history.summary', count)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>

      {run.problems.length > 0 ? (
        <>
          <h4 className="ss12000-report__subheading">{t('administration.ss12000.report.problemsHeading')}</h4>
          <DataTable caption={t('administration.ss12000.report.problemsCaption')} testId="ss12000-problems">
            <thead>
              <tr>
                <th scope="col" className="ss12000-wide">
                  {t('administration.ss12000.report.endpoint')}
                </th>
                <th scope="col" className="ss12000-wide">
                  {t('administration.ss12000.report.sourceId')}
                </th>
                <th scope="col" className="ss12000-narrow">
                  {t('administration.ss12000.report.record')}
                </th>
                <th scope="col">{t('administration.ss12000.report.problem')}</th>
                <th scope="col" className="ss12000-wide">
                  {t('administration.ss12000.report.field')}
                </th>
              </tr>
            </thead>
            <tbody>
              {run.problems.map((problem, index) => {
                const endpoint = <EndpointPath endpoint={problem.endpoint} />;
                const sourceId = problem.sourceId ? (
                  <code className="ss12000-code">{problem.sourceId}</code>
                ) : (
                  t('administration.ss12000.report.wholeSource')
                );
                const field = problem.field ? texts.fieldName(problem.field) : '–';
                return (
                  // A record can have several problems, and the source's ids need not be unique (DUPLICATE_ID): the
                  // list's order is the API's and does not change.
                  <tr key={`${problem.endpoint}-${problem.sourceId ?? ''}-${problem.code}-${index}`}>
                    <td className="ss12000-wide">{endpoint}</td>
                    <td className="ss12000-wide ss12000-source-id">{sourceId}</td>
                    <td className="ss12000-narrow ss12000-source-id">
                      <span className="ss12000-line">{endpoint}</span>
                      <span className="ss12000-line">{sourceId}</span>
                    </td>
                    <td>
                      {texts.recordProblem(problem.code, problem.endpoint)}
                      {problem.field ? (
                        <span className="ss12000-narrow-line">{t('administration.ss12000.report.fieldIs', { field })}</span>
                      ) : null}
                    </td>
                    <td className="ss12000-wide">{field}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </>
      ) : null}

      <h4 className="ss12000-report__subheading">{t('administration.ss12000.report.changesHeading')}</h4>
      {run.changes.length === 0 ? (
        <p className="admin-page__empty">{t('administration.ss12000.report.noChanges')}</p>
      ) : (
        <>
          {listed > run.changes.length ? (
            <p className="ss12000-report__meta">
              {t('administration.ss12000.report.changesLimited', { shown: run.changes.length, total: listed })}
            </p>
          ) : null}
          <DataTable caption={t(`administration.ss12000.report.changesCaption.${run.outcome}`)} testId="ss12000-changes">
            <thead>
              <tr>
                <th scope="col" className="ss12000-wide">
                  {t('administration.ss12000.report.kind')}
                </th>
                <th scope="col">{t('administration.ss12000.report.name')}</th>
                <th scope="col" className="ss12000-wide">
                  {t('administration.ss12000.report.outcome')}
                </th>
                <th scope="col">{t('administration.ss12000.report.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {run.changes.map((change, index) => {
                const kind = texts.kindOne(change.kind);
                const outcome =
                  change.outcome === 'ADD' ? t('administration.ss12000.report.add') : t('administration.ss12000.report.change');
                return (
                  // The API's order, which does not change; a student's source id is on each of its guardianships.
                  <tr key={`${change.kind}-${change.sourceId}-${index}`}>
                    <td className="ss12000-wide">{kind}</td>
                    <th scope="row" className="ss12000-name">
                      {change.name}
                      <span className="ss12000-narrow-line">
                        {t(`administration.ss12000.report.narrowChange.${change.outcome === 'ADD' ? 'ADD' : 'CHANGE'}`, { kind })}
                      </span>
                    </th>
                    <td className="ss12000-wide">{outcome}</td>
                    <td>{change.fields.map(texts.fieldName).join(', ') || '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

/** Where a problem was: an endpoint's path as the source's documentation writes it, or its token address. */
function EndpointPath({ endpoint }: { endpoint: string }) {
  const texts = useSs12000Texts();
  return endpoint === 'token' ? texts.endpointName('token') : <code className="ss12000-code ss12000-path">/{endpoint}</code>;
}
