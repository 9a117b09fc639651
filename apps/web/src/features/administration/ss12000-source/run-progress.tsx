import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ss12000ImportRunFieldsFragment } from '../../../gql/graphql';
import { CountsTable, useRunMeta } from './run-report';
import { useSs12000Texts } from './texts';

/** The kind of a run started on this page; one followed from the history (the nightly one, another's) is not known. */
export type RunKind = 'dryRun' | 'apply' | null;

/**
 * A run under way: which of its steps it is on, as words and as a bar, and what it has counted so far. The step's
 * words are a live region of their own, so that a screen reader hears each new step and not the counts' every change.
 */
export function RunProgress({ run, kind }: { run: Ss12000ImportRunFieldsFragment; kind: RunKind }) {
  const { t } = useTranslation();
  const texts = useSs12000Texts();
  const meta = useRunMeta();
  const id = useId();
  const step = run.progress?.step ?? 0;
  // The API gives the steps from the start (step 0 of 7); a bar of at least one step either way.
  const steps = Math.max(1, run.progress?.steps ?? 1);
  const text = texts.progress(run.progress);

  return (
    <section className="ss12000-progress" aria-labelledby={`${id}-heading`} data-testid="ss12000-progress">
      <h3 id={`${id}-heading`} className="ss12000-report__heading">
        {t(`administration.ss12000.progress.heading.${kind ?? 'run'}`)}
      </h3>
      <p className="ss12000-report__meta">{meta(run)}</p>
      <div className="ss12000-busy ss12000-progress__step" role="status">
        <span className="loading-state__spinner" aria-hidden="true" />
        <span>{text}</span>
      </div>
      <div
        className="ss12000-progress__bar"
        role="progressbar"
        aria-labelledby={`${id}-heading`}
        aria-valuemin={0}
        aria-valuemax={steps}
        aria-valuenow={step}
        aria-valuetext={text}
      >
        <div className="ss12000-progress__fill" style={{ width: `${(100 * Math.min(step, steps)) / steps}%` }} />
      </div>
      <CountsTable counts={run.counts} caption={t('administration.ss12000.progress.countsCaption')} testId="ss12000-progress-counts" />
    </section>
  );
}
