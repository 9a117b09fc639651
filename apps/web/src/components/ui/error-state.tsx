import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasErrorCode, isConnectionError } from '../../lib/graphql-errors';
import { usePageTitle } from './use-page-title';

/** The one answer for both "does not exist" and "not yours": the API does not tell them apart either. */
export function NotFoundState() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <section className="state-panel" aria-labelledby="not-found-title" data-testid="not-found">
      <span className="state-panel__icon" aria-hidden="true">
        ?
      </span>
      <h1 id="not-found-title">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundBody')}</p>
      <p>
        <Link className="button button--primary" to="/schema">
          {t('errors.toStart')}
        </Link>
      </p>
    </section>
  );
}

/** NOT_FOUND, and FORBIDDEN for an operation the role does not have: both are "not found or no access". */
export function isRefusal(error: unknown): boolean {
  return hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'FORBIDDEN');
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows a failed query: NOT_FOUND as the not-found page, an unreachable server or anything else with a retry. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  if (isRefusal(error)) return <NotFoundState />;
  const unreachable = isConnectionError(error);
  return (
    <section className="state-panel state-panel--error" role="alert" aria-labelledby="error-title">
      <span className="state-panel__icon" aria-hidden="true">
        !
      </span>
      <h1 id="error-title">{unreachable ? t('errors.unreachableTitle') : t('errors.genericTitle')}</h1>
      <p>{unreachable ? t('errors.unreachableBody') : t('errors.genericBody')}</p>
      {onRetry ? (
        <p>
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
