import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ClockIcon } from '../../components/ui/clock-icon';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { MessageStatus, OutboundMessageFieldsFragment } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { errorProblems, isConnectionError } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { OutboxDocument, RetryMessageDocument } from './operations';

export const STATUS_PARAM = 'status';
const STATUSES: readonly MessageStatus[] = ['QUEUED', 'SENDING', 'SENT', 'FAILED'];
const PAGE_SIZE = 50;

const isMessageStatus = (value: unknown): value is MessageStatus => STATUSES.some((status) => status === value);

const STATUS_SYMBOLS: Record<MessageStatus, ReactNode> = { QUEUED: <ClockIcon />, SENDING: '⇅', SENT: '✓', FAILED: '!' };

/** "Skickat", or "Sparat i utkorgen" for a message no provider took: it was not sent anywhere. */
function MessageStatusBadge({ status, kept }: { status: MessageStatus; kept: boolean }) {
  const { t } = useTranslation();
  if (kept) {
    return (
      <span className="status-badge status-badge--message-kept" data-testid="message-status">
        <span aria-hidden="true">▣ </span>
        {t('outbox.keptStatus')}
      </span>
    );
  }
  return (
    <span className={`status-badge status-badge--message-${status.toLowerCase()}`} data-testid="message-status">
      <span aria-hidden="true">{STATUS_SYMBOLS[status]} </span>
      {t(`outbox.status.${status}`)}
    </span>
  );
}

function MessageItem({ message, refetch }: { message: OutboundMessageFieldsFragment; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [retry, { loading }] = useMutation(RetryMessageDocument, { refetchQueries: ['Outbox'] });
  const [outcome, setOutcome] = useState<'queued' | 'notFailed' | 'unreachable' | 'failed' | null>(null);

  async function onRetry() {
    setOutcome(null);
    try {
      await retry({ variables: { id: message.id } });
      setOutcome('queued');
    } catch (error) {
      if (errorProblems(error).includes('NOT_FAILED')) {
        // Retried by someone else meanwhile: the list shows how it stands now.
        setOutcome('notFailed');
        void refetch();
      } else setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  }

  return (
    <li
      className={`message${message.status === 'FAILED' ? ' message--failed' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid="outbox-message"
    >
      <div className="message__head">
        <h2 id={`${id}-title`} className="message__title">
          {t(`outbox.kind.${message.kind}`)}
          <span className="message__channel"> · {t(`outbox.channel.${message.channel}`)}</span>
        </h2>
        <MessageStatusBadge status={message.status} kept={message.status === 'SENT' && message.provider === 'OUTBOX'} />
      </div>
      <dl className="facts facts--compact">
        <div className="facts__item">
          <dt>{t('outbox.to')}</dt>
          <dd>
            {message.guardianName} <span className="message__recipient">{message.recipient}</span>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('outbox.student')}</dt>
          <dd>{message.studentName}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('outbox.created')}</dt>
          <dd>{formatSchoolDateTime(message.createdAt, locale)}</dd>
        </div>
        {message.status === 'QUEUED' && message.attempts === 0 ? (
          // Waiting for its first attempt: the teacher's grace period, or the school's quiet hours for an SMS at night.
          <div className="facts__item">
            <dt>{t('outbox.notBefore')}</dt>
            <dd data-testid="outbox-not-before">{formatSchoolDateTime(message.nextAttemptAt, locale)}</dd>
          </div>
        ) : null}
        {message.sentAt ? (
          <div className="facts__item">
            <dt>{message.provider === 'OUTBOX' ? t('outbox.kept') : t('outbox.sent')}</dt>
            <dd>{formatSchoolDateTime(message.sentAt, locale)}</dd>
          </div>
        ) : null}
        <div className="facts__item">
          <dt>{t('outbox.attempts')}</dt>
          <dd>
            {message.attempts}
            {message.status === 'QUEUED' && message.attempts > 0
              ? ` · ${t('outbox.nextAttempt', { when: formatSchoolDateTime(message.nextAttemptAt, locale) })}`
              : null}
          </dd>
        </div>
        {message.provider ? (
          <div className="facts__item">
            <dt>{t('outbox.provider')}</dt>
            <dd>{message.provider === 'OUTBOX' ? t('outbox.providerOutbox') : message.provider}</dd>
          </div>
        ) : null}
      </dl>
      <div className="message__content">
        {message.subject ? <p className="message__subject">{message.subject}</p> : null}
        <p className="message__body">{message.body}</p>
      </div>
      {message.lastError ? (
        <p className="message__error">
          <span className="message__error-label">{t('outbox.lastError')}</span> {message.lastError}
        </p>
      ) : null}
      {message.status === 'FAILED' ? (
        <div className="message__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={loading}
            aria-label={t('outbox.retryLabel', { name: message.guardianName, channel: t(`outbox.channel.${message.channel}`) })}
            onClick={() => void onRetry()}
          >
            {loading ? t('outbox.retrying') : t('outbox.retry')}
          </button>
        </div>
      ) : null}
      <Alert tone={outcome === 'queued' || outcome === 'notFailed' ? 'success' : 'error'}>
        {outcome === 'queued'
          ? t('outbox.retryQueued')
          : outcome === 'notFailed'
            ? t('outbox.notFailed')
            : outcome === 'unreachable'
              ? t('errors.unreachableBody')
              : outcome === 'failed'
                ? t('outbox.retryFailed')
                : null}
      </Alert>
    </li>
  );
}

/** Utkorg: the messages to the home and how their delivery went, for administrators. */
export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.pageTitle'));
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const raw = params.get(STATUS_PARAM);
  const status = isMessageStatus(raw) ? raw : null;
  const [limit, setLimit] = useState(PAGE_SIZE);
  const { data, previousData, error, loading, refetch } = useQuery(OutboxDocument, {
    variables: { status, limit, offset: 0 },
    fetchPolicy: 'cache-and-network',
  });
  // "Show more" asks for a longer page: the shorter one stays on screen meanwhile (not so for another filter).
  const page = (data ?? (limit > PAGE_SIZE ? previousData : undefined))?.outbox;

  function choose(next: MessageStatus | null) {
    setLimit(PAGE_SIZE);
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next) updated.set(STATUS_PARAM, next);
        else updated.delete(STATUS_PARAM);
        return updated;
      },
      { replace: true },
    );
  }

  const noProviders = page && !page.smsProviderConfigured && !page.emailProviderConfigured;

  return (
    <div className="outbox-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">{t('outbox.kicker')}</p>
          <h1 className="page-header__title">{t('outbox.heading')}</h1>
          <p className="page-header__sub">{t('outbox.intro')}</p>
        </div>
      </header>
      {page ? (
        noProviders ? (
          <Alert tone="info">
            <span data-testid="no-providers">{t('outbox.noProviders')}</span>
          </Alert>
        ) : !page.smsProviderConfigured ? (
          <Alert tone="info">{t('outbox.noSmsProvider')}</Alert>
        ) : !page.emailProviderConfigured ? (
          <Alert tone="info">{t('outbox.noEmailProvider')}</Alert>
        ) : null
      ) : null}
      {page && page.failedCount > 0 ? (
        <div className="failed-summary" data-testid="failed-count">
          <span className="failed-summary__icon" aria-hidden="true">
            !
          </span>
          <p className="failed-summary__text">{t('outbox.failedCount', { count: page.failedCount })}</p>
          {status !== 'FAILED' ? (
            <button type="button" className="button button--secondary" onClick={() => choose('FAILED')}>
              {t('outbox.showFailed')}
            </button>
          ) : null}
        </div>
      ) : null}

      <div className="outbox-filter">
        <div className="field outbox-filter__field">
          <label className="field__label" htmlFor={filterId}>
            {t('outbox.filterLabel')}
          </label>
          <select
            id={filterId}
            className="field__input"
            value={status ?? ''}
            onChange={(event) => choose(isMessageStatus(event.target.value) ? event.target.value : null)}
          >
            <option value="">{t('outbox.filterAll')}</option>
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`outbox.status.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {page ? (
          <p className="outbox-filter__count" aria-live="polite">
            {t('outbox.shown', { shown: page.messages.length, count: page.totalCount })}
          </p>
        ) : null}
      </div>

      {page ? (
        page.messages.length === 0 ? (
          <p className="week-empty" data-testid="outbox-empty">
            {status ? t('outbox.emptyStatus') : t('outbox.empty')}
          </p>
        ) : (
          <>
            <ol className="messages" data-testid="outbox-messages">
              {page.messages.map((message) => (
                <MessageItem key={message.id} message={message} refetch={refetch} />
              ))}
            </ol>
            {page.totalCount > page.messages.length ? (
              <p className="outbox-more">
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={loading}
                  onClick={() => setLimit((previous) => previous + PAGE_SIZE)}
                >
                  {t('outbox.showMore')}
                </button>
              </p>
            ) : null}
          </>
        )
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('outbox.loading')} />
      ) : null}
    </div>
  );
}
