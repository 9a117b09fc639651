import { useTranslation } from 'react-i18next';
import type { LeaveStatus } from '../../gql/graphql';

const SYMBOLS: Record<LeaveStatus, string> = { PENDING: '…', APPROVED: '✓', REJECTED: '✗', WITHDRAWN: '–' };

/** "Väntar på beslut" / "Beviljad" / "Avslagen" / "Återkallad", with a symbol, never colour alone. */
export function LeaveStatusBadge({ status }: { status: LeaveStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status.toLowerCase()}`} data-testid="leave-status">
      <span aria-hidden="true">{SYMBOLS[status]} </span>
      {t(`leave.status.${status}`)}
    </span>
  );
}
