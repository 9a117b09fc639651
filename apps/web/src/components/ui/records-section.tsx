import type { ReactNode } from 'react';
import { ErrorState } from './error-state';
import { LoadingState } from './loading-state';

/** The section's heading, its records and how each is shown, what it says when there are none, and the read's state. */
interface RecordsSectionProps<T> {
  headingId: string;
  heading: string;
  /** the records, once read (undefined while there is no answer yet) */
  records: readonly T[] | undefined;
  renderRecord: (record: T) => ReactNode;
  empty: string;
  emptyTestId?: string;
  listTestId?: string;
  /** the read's state, shown while there are no records to show */
  error?: unknown;
  loading?: boolean;
  loadingLabel: string;
  onRetry?: () => void;
}

/**
 * A page's section of records (a student's sick reports, a group's grade warnings, …): its heading, then the records,
 * a line when there are none, the failed read with a retry, or the read under way.
 */
export function RecordsSection<T>({
  headingId,
  heading,
  records,
  renderRecord,
  empty,
  emptyTestId,
  listTestId,
  error,
  loading = false,
  loadingLabel,
  onRetry,
}: RecordsSectionProps<T>) {
  return (
    <section className="records-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {heading}
      </h2>
      {records ? (
        records.length === 0 ? (
          <p className="week-empty" data-testid={emptyTestId}>
            {empty}
          </p>
        ) : (
          <ul className="records" data-testid={listTestId}>
            {records.map(renderRecord)}
          </ul>
        )
      ) : error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : loading ? (
        <LoadingState label={loadingLabel} />
      ) : null}
    </section>
  );
}
