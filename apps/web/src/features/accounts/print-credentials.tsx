import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { useConfirmFocus } from '../../components/ui/use-confirm-focus';
import { downloadFromApi, type DownloadOutcome } from '../../lib/download';
import './print-credentials.css';

/** The API's routes that print credentials (see the API's credentials.router.ts). */
export type CredentialsPrint =
  | { kind: 'guardian-letters'; body: { schoolId: string; groupId: string | null; onlyWithoutActivatedAccount: boolean } }
  | { kind: 'class-sheet'; body: { groupId: string } };

type Refusal = 'nothingToPrint' | 'notAllowed' | 'sessionEnded' | 'unreachable' | 'failed';

function refusalOf(outcome: Exclude<DownloadOutcome, { ok: true }>): Refusal {
  if (outcome.status === null || outcome.status >= 500) return 'unreachable';
  if (outcome.status === 400 && outcome.code === 'BAD_USER_INPUT') return 'nothingToPrint';
  if (outcome.status === 404) return 'notAllowed';
  if (outcome.status === 401) return 'sessionEnded';
  return 'failed';
}

/**
 * Prints credentials as a PDF in two steps: every print issues new activation codes and voids the earlier ones, so the
 * button first says so (`warning`) and prints only when confirmed. Focus moves to the warning when it opens and back
 * to the button when it closes; how the print went is told in a live region.
 */
export function PrintCredentialsButton({
  print,
  label,
  confirmLabel,
  warning,
  disabled = false,
  testId,
}: {
  print: CredentialsPrint;
  label: string;
  confirmLabel: string;
  warning: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; refusal: Refusal } | null>(null);
  const { question: warningRef, askButton } = useConfirmFocus(asking);

  const confirm = async () => {
    setBusy(true);
    setResult(null);
    const outcome = await downloadFromApi(`/api/accounts/${print.kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(print.body),
    });
    setBusy(false);
    setAsking(false);
    setResult(outcome.ok ? { ok: true } : { ok: false, refusal: refusalOf(outcome) });
  };

  return (
    <div className="print-credentials" data-testid={testId}>
      {asking ? (
        <div className="print-credentials__warning">
          <p id={`${id}-warning`} ref={warningRef} tabIndex={-1} className="notice-focus">
            <strong className="notice-title">{t('accounts.print.warningTitle')}</strong> {warning}
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              aria-describedby={`${id}-warning`}
              onClick={() => void confirm()}
              data-testid={`${testId}-confirm`}
            >
              {busy ? t('accounts.print.printing') : confirmLabel}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => setAsking(false)}>
              {t('accounts.print.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={askButton}
          type="button"
          className="button button--primary"
          disabled={disabled}
          onClick={() => {
            setResult(null);
            setAsking(true);
          }}
        >
          {label}
        </button>
      )}
      <Alert tone="success">{busy ? t('accounts.print.making') : result?.ok ? t('accounts.print.done') : null}</Alert>
      <Alert tone="error">{result && !result.ok ? t(`accounts.print.refusals.${result.refusal}`) : null}</Alert>
    </div>
  );
}
