import { useTranslation } from 'react-i18next';
import type { RollCallState } from '../../gql/graphql';

/**
 * "Ej tagen" / "Tagen" / "Rättad" (not the schedule's "Ändrad", which is a moved lesson), with a word and a symbol for
 * overdue, never colour alone.
 */
export function RollCallStateBadge({ state, overdue, queued }: { state: RollCallState; overdue: boolean; queued?: boolean }) {
  const { t } = useTranslation();
  if (queued) {
    return (
      <span className="roll-state roll-state--queued" data-testid="roll-call-state">
        <span aria-hidden="true">⇅ </span>
        {t('rollCall.state.QUEUED')}
      </span>
    );
  }
  if (state === 'NOT_TAKEN' && overdue) {
    return (
      <span className="roll-state roll-state--overdue" data-testid="roll-call-state">
        <span aria-hidden="true">! </span>
        {t('rollCall.state.OVERDUE')}
      </span>
    );
  }
  return (
    <span className={`roll-state roll-state--${state.toLowerCase().replace('_', '-')}`} data-testid="roll-call-state">
      {state === 'NOT_TAKEN' ? null : <span aria-hidden="true">✓ </span>}
      {t(`rollCall.state.${state}`)}
    </span>
  );
}
