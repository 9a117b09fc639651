import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table in a horizontally scrollable, keyboard-focusable region (so narrow screens can reach
 * every column). The caption names both the table and the region.
 */
export function DataTable({ caption, children, testId }: { caption: string; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-label={t('a11y.scrollableTable', { caption })} tabIndex={0}>
      <table className="data-table" aria-labelledby={captionId} data-testid={testId}>
        <caption id={captionId} className="data-table__caption">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
