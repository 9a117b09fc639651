import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { GuardianConsentFieldsFragment } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { errorCodes, isConnectionError } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { GiveGuardianConsentDocument, MyGuardianConsentsDocument, WithdrawGuardianConsentDocument } from './operations';
import './consent.css';

/** Given or not, with a symbol, never colour alone. */
function AccessStatus({ given }: { given: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${given ? 'approved' : 'withdrawn'}`} data-testid="consent-status">
      <span aria-hidden="true">{given ? '✓ ' : '– '}</span>
      {given ? t('consent.status.given') : t('consent.status.notGiven')}
    </span>
  );
}

/**
 * One guardian: whether they see the student's data, the button that changes it, and the choices so far. Giving is
 * one tap; withdrawing asks first, as the guardian is cut off at once. Focus goes to the question when asked and back
 * to the button when it closes, so a keyboard or screen reader user is never left on a removed element.
 */
function GuardianConsent({ state }: { state: GuardianConsentFieldsFragment }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = `${state.firstName} ${state.lastName}`;
  const headingId = `consent-${state.guardianId}`;
  const [give, { loading: giving }] = useMutation(GiveGuardianConsentDocument);
  const [withdraw, { loading: withdrawing }] = useMutation(WithdrawGuardianConsentDocument);
  const busy = giving || withdrawing;
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<'given' | 'withdrawn' | null>(null);
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function change(wish: 'give' | 'withdraw') {
    setFailed(null);
    setDone(null);
    try {
      // The answer is the guardian's new state: the cache (keyed by guardianId) updates the list.
      if (wish === 'give') await give({ variables: { guardianId: state.guardianId } });
      else await withdraw({ variables: { guardianId: state.guardianId } });
      setDone(wish === 'give' ? 'given' : 'withdrawn');
    } catch (error) {
      setFailed({ error });
    } finally {
      setAsking(false);
    }
  }

  return (
    <li className="record consent" aria-labelledby={headingId} data-testid="guardian-consent" data-guardian-id={state.guardianId}>
      <div className="consent__head">
        <h2 id={headingId} className="record__title">
          {name}
        </h2>
        <AccessStatus given={state.given} />
      </div>
      <p className="record__meta">{state.given ? t('consent.seesYou') : t('consent.doesNotSeeYou')}</p>
      <div className="consent__change">
        {asking ? (
          <div className="consent__question">
            <p id={`${headingId}-question`} ref={questionRef} tabIndex={-1}>
              {t('consent.withdrawQuestion', { name })}
            </p>
            <div className="form__actions">
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                aria-describedby={`${headingId}-question`}
                onClick={() => void change('withdraw')}
                data-testid="confirm-withdraw-consent"
              >
                {withdrawing ? t('consent.withdrawing') : t('consent.confirmWithdraw')}
              </button>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => setAsking(false)}>
                {t('consent.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="form__actions">
            <button
              ref={button}
              type="button"
              className={state.given ? 'button button--secondary' : 'button button--primary'}
              disabled={busy}
              onClick={() => {
                if (state.given) setAsking(true);
                else void change('give');
              }}
              data-testid={state.given ? 'withdraw-consent' : 'give-consent'}
            >
              {state.given
                ? t('consent.withdraw', { name: state.firstName })
                : giving
                  ? t('consent.giving')
                  : t('consent.give', { name: state.firstName })}
            </button>
          </div>
        )}
        <Alert tone="success">{done ? t(done === 'given' ? 'consent.givenNotice' : 'consent.withdrawnNotice', { name }) : null}</Alert>
        <Alert tone="error">{failed ? (isConnectionError(failed.error) ? t('errors.unreachableBody') : t('consent.failed')) : null}</Alert>
      </div>
      <div className="consent__history">
        <h3 className="consent__label">{t('consent.historyHeading')}</h3>
        {state.history.length === 0 ? (
          <p className="record__meta">{t('consent.noHistory')}</p>
        ) : (
          <ul className="consent__choices" data-testid="consent-history">
            {state.history.map((choice) => (
              <li key={`${choice.kind}-${choice.at}`}>
                {choice.kind === 'GIVEN' ? t('consent.choice.GIVEN') : t('consent.choice.WITHDRAWN')}{' '}
                <time dateTime={choice.at}>{formatSchoolDateTime(choice.at, locale)}</time>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** /samtycke: an adult student's guardians, each with their access to the student's data, to give or withdraw. */
export function ConsentPage() {
  const { t } = useTranslation();
  usePageTitle(t('consent.pageTitle'));
  const { data, error, loading, refetch } = useQuery(MyGuardianConsentsDocument, { fetchPolicy: 'cache-and-network' });

  if (!data) {
    // Under 18 there is nothing here to see: the same answer as for any page that is not the viewer's.
    if (error && errorCodes(error).includes('NOT_ADULT')) return <NotFoundState />;
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('consent.loading')} /> : <NotFoundState />;
  }

  const guardians = data.myGuardianConsents;
  return (
    <div className="consent-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('consent.heading')}</h1>
          <p className="page-header__sub">{t('consent.intro')}</p>
        </div>
      </header>
      {guardians.length === 0 ? (
        <p className="week-empty">{t('consent.none')}</p>
      ) : (
        <ul className="records consent-list" data-testid="guardian-consents">
          {guardians.map((state) => (
            <GuardianConsent key={state.guardianId} state={state} />
          ))}
        </ul>
      )}
    </div>
  );
}
