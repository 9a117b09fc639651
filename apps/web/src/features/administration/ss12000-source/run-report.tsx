import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import type { Ss12000ImportRunFieldsFragment, Ss12000ImportRunQuery, Ss12000RunOutcome } from '../../../gql/graphql';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { MEMBERSHIP_FIELD_PREFIX } from './codes';
import { useSs12000Texts } from './texts';

export type ImportRunWithChanges = Ss12000ImportRunQuery['ss12000ImportRun'];
type FinishedRun = ImportRunWithChanges & { outcome: Exclude<Ss12000RunOutcome, 'RUNNING'> };
export const isFinished = (run: ImportRunWithChanges): run is FinishedRun => run.outcome !== 'RUNNING';
type Count = Ss12000ImportRunFieldsFragment['counts'][number];

/** How long a run took, in whole seconds (at least one: a run that took 0.3 s did not take none). */
const secondsOf = (startedAt: string, finishedAt: string) =>
  Math.max(1, Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000));

/** The counts of every kind together. */
export const totalsOf = (counts: readonly Omit<Count, 'kind'>[]) =>
  counts.reduce(
    (sum, count) => ({
      added: sum.added + count.added,
      changed: sum.changed + count.changed,
      ended: sum.ended + count.ended,
      unchanged: sum.unchanged + count.unchanged,
    }),
    { added: 0, changed: 0, ended: 0, unchanged: 0 },
  );

/** When a run started and who started it (the nightly run: nobody), and how long it took once it has finished. */
export function useRunMeta() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (run: Pick<Ss12000ImportRunFieldsFragment, 'startedAt' | 'finishedAt' | 'startedByName' | 'changesSince'>) => {
    const at = formatSchoolDateTime(run.startedAt, locale);
    const started =
      run.startedByName === null
        ? t('administration.ss12000.report.startedNightly', { at })
        : t('administration.ss12000.report.started', { at, name: run.startedByName });
    // What it read: everything, or what changed since the last import (said once it knows: the source may not tell).
    const read = !run.finishedAt
      ? null
      : run.changesSince
        ? t('administration.ss12000.report.readChanges', { at: formatSchoolDateTime(run.changesSince, locale) })
        : t('administration.ss12000.report.readAll');
    return [
      started,
      read,
      run.finishedAt ? t('administration.ss12000.report.took', { seconds: secondsOf(run.startedAt, run.finishedAt) }) : null,
    ]
      .filter((part) => part !== null)
      .join(' ');
  };
}

const COUNT_PARTS = ['added', 'changed', 'ended', 'unchanged'] as const;

/**
 * "nya: 1, ändrade: 0, avslutade: 0, oförändrade: 5", broken between its parts only, where a column is narrow; `brief`
 * leaves out the parts that are none ("nya: 1, oförändrade: 5"; "–" for a kind with nothing yet), for a phone's column.
 */
export function CountSummary({ count, brief = false }: { count: Omit<Count, 'kind' | '__typename'>; brief?: boolean }) {
  const { t } = useTranslation();
  const parts = COUNT_PARTS.filter((part) => !brief || count[part] > 0);
  if (parts.length === 0) return '–';
  const last = parts.length - 1;
  return parts.map((part, index) => (
    <Fragment key={part}>
      <span className="ss12000-count-part">
        {t(`administration.ss12000.countParts.${part}`, { n: count[part] })}
        {index < last ? ',' : null}
      </span>
      {index < last ? ' ' : null}
    </Fragment>
  ));
}

/** A count per kind: what a run did, or has done so far while it runs. Nine rows of numbers, read across. */
export function CountsTable({ counts, caption, testId }: { counts: readonly Count[]; caption: string; testId: string }) {
  const { t } = useTranslation();
  const texts = useSs12000Texts();
  return (
    // Kept narrow, so that each kind's numbers are read across without a wide gap.
    <div className="ss12000-counts">
      <DataTable caption={caption} testId={testId}>
        <thead>
          <tr>
            <th scope="col">{t('administration.ss12000.report.kind')}</th>
            {COUNT_PARTS.map((part) => (
              <th key={part} scope="col" className="data-table__numeric ss12000-wide">
                {t(`administration.ss12000.report.${part}`)}
              </th>
            ))}
            <th scope="col" className="ss12000-narrow">
              {t('administration.ss12000.report.counts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count) => (
            <tr key={count.kind}>
              <th scope="row">{texts.kindName(count.kind)}</th>
              {COUNT_PARTS.map((part) => (
                <td key={part} className="data-table__numeric ss12000-wide">
                  {count[part]}
                </td>
              ))}
              <td className="ss12000-narrow">
                <CountSummary count={count} brief />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}

const CHANGE_OUTCOMES = ['ADD', 'CHANGE', 'END'] as const;
type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];
/** A change's outcome; one the API adds later reads as a change. */
const changeOutcomeOf = (outcome: string): ChangeOutcome => CHANGE_OUTCOMES.find((known) => known === outcome) ?? 'CHANGE';

/**
 * What a finished run did, or would have done: its outcome in words, a count per kind, the problems that stopped it
 * (each with its endpoint and the source's id, to find the record in the source), and the records it adds, changes
 * or ends. A run that failed of Insyn's own error says so and no more: what it had read is not an answer.
 */
export function RunReport({ run, busy }: { run: FinishedRun; busy: boolean }) {
  const { t } = useTranslation();
  const texts = useSs12000Texts();
  const id = useId();
  const meta = useRunMeta();
  const totals = totalsOf(run.counts);
  const listed = totals.added + totals.changed + totals.ended;
  const outcome = t(`administration.ss12000.outcomes.${run.outcome}`);

  if (run.outcome === 'FAILED')
    return (
      <section className="ss12000-report" aria-labelledby={`${id}-heading`} aria-busy={busy} data-testid="ss12000-report">
        <h3 id={`${id}-heading`} className="ss12000-report__heading">
          {t('administration.ss12000.report.heading')}
        </h3>
        <Alert tone="error">
          <strong className="ss12000-alert__title">{outcome}.</strong> {t('administration.ss12000.report.failed')}
        </Alert>
        <p className="ss12000-report__meta">{meta(run)}</p>
      </section>
    );

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
      <p className="ss12000-report__meta">{meta(run)}</p>

      <CountsTable counts={run.counts} caption={t('administration.ss12000.report.countsCaption')} testId="ss12000-counts" />

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
                const field = problem.field ? <ProblemField field={problem.field} /> : '–';
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
                        <span className="ss12000-narrow-line">
                          {t('administration.ss12000.report.fieldIs')} {field}
                        </span>
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
                const what = changeOutcomeOf(change.outcome);
                return (
                  // The API's order, which does not change; a student's source id is on each of its guardianships.
                  <tr key={`${change.kind}-${change.sourceId}-${index}`}>
                    <td className="ss12000-wide">{kind}</td>
                    <th scope="row" className="ss12000-name">
                      {change.name}
                      <span className="ss12000-narrow-line">{t(`administration.ss12000.report.narrowChange.${what}`, { kind })}</span>
                    </th>
                    <td className="ss12000-wide">{t(`administration.ss12000.report.changeOutcome.${what}`)}</td>
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

/** A problem's field; a membership's names its member by the source's id, written as the ids are. */
function ProblemField({ field }: { field: string }) {
  const { t } = useTranslation();
  const texts = useSs12000Texts();
  if (!field.startsWith(MEMBERSHIP_FIELD_PREFIX)) return texts.fieldName(field);
  return (
    <>
      {t('administration.ss12000.fields.membershipOf')} <code className="ss12000-code">{field.slice(MEMBERSHIP_FIELD_PREFIX.length)}</code>
    </>
  );
}

/** Where a problem was: an endpoint's path as the source's documentation writes it, or its token address. */
function EndpointPath({ endpoint }: { endpoint: string }) {
  const texts = useSs12000Texts();
  return endpoint === 'token' ? texts.endpointName('token') : <code className="ss12000-code ss12000-path">/{endpoint}</code>;
}
