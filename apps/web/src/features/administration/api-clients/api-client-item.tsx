import { useMutation } from '@apollo/client/react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { useConfirmFocus } from '../../../components/ui/use-confirm-focus';
import { DataTable } from '../../../components/ui/data-table';
import type { ApiClientFieldsFragment } from '../../../gql/graphql';
import { formatSchoolDateTime } from '../../../lib/dates';
import { isConnectionError } from '../../../lib/graphql-errors';
import { currentLocale } from '../../../lib/i18n';
import { RevokeApiClientDocument } from './operations';
import { API_SCOPES, SS12000_PATH } from './scopes';

/** One client: what it may read, who made it (and revoked it), its latest calls, and revoking it. */
export function ApiClientItem({ client }: { client: ApiClientFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const revoked = client.revokedAt !== null;
  const byAt = (at: string, name: string | null) => t('administration.apiClients.byAt', { at: formatSchoolDateTime(at, locale), name });
  // In the order of the form's checkboxes, whatever order the API keeps them in.
  const scopes = API_SCOPES.filter((scope) => client.scopes.includes(scope));

  return (
    <li className={`panel api-client${revoked ? ' api-client--revoked' : ''}`} aria-labelledby={`${id}-name`} data-testid="api-client">
      <div className="api-client__head">
        <h3 id={`${id}-name`} ref={heading} tabIndex={-1} className="api-client__name">
          {client.name}
        </h3>
        <span className={`status-badge ${revoked ? 'status-badge--withdrawn' : 'status-badge--approved'}`}>
          {t(`administration.apiClients.status.${revoked ? 'REVOKED' : 'ACTIVE'}`)}
        </span>
      </div>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('administration.apiClients.clientId')}</dt>
          <dd>
            <code className="api-client__id">{client.clientId}</code>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('administration.apiClients.reads')}</dt>
          <dd>{scopes.map((scope) => t(`administration.apiClients.scopes.${scope}`)).join(', ')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('administration.apiClients.protectedFact')}</dt>
          <dd>
            {client.protectedIdentity ? t('administration.apiClients.protectedRead') : t('administration.apiClients.protectedLeftOut')}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('administration.apiClients.created')}</dt>
          <dd>{byAt(client.createdAt, client.createdByName)}</dd>
        </div>
        {client.revokedAt ? (
          <div className="facts__item" data-testid="api-client-revoked">
            <dt>{t('administration.apiClients.revoked')}</dt>
            <dd>{byAt(client.revokedAt, client.revokedByName)}</dd>
          </div>
        ) : null}
      </dl>
      <RecentCalls client={client} />
      {revoked ? null : <RevokeButton client={client} onRevoked={() => heading.current?.focus()} />}
    </li>
  );
}

/** Every call is under the one base, told in the table's caption: the rest of the path fits a phone's width. */
const pathUnderBase = (path: string) => (path.startsWith(`${SS12000_PATH}/`) ? path.slice(SS12000_PATH.length) : path);

/** The latest calls behind a disclosure: most visits to the page are not about them. */
function RecentCalls({ client }: { client: ApiClientFieldsFragment }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const calls = client.recentCalls;
  if (calls.length === 0) return <p className="api-client__no-calls">{t('administration.apiClients.calls.none')}</p>;
  return (
    <details className="api-calls">
      <summary className="api-calls__summary">{t('administration.apiClients.calls.summary', { count: calls.length })}</summary>
      <DataTable caption={t('administration.apiClients.calls.caption', { name: client.name, base: SS12000_PATH })}>
        <thead>
          <tr>
            <th scope="col" className="api-calls__wide">
              {t('administration.apiClients.calls.at')}
            </th>
            <th scope="col">{t('administration.apiClients.calls.path')}</th>
            <th scope="col" className="data-table__numeric">
              {t('administration.apiClients.calls.status')}
            </th>
            <th scope="col" className="data-table__numeric">
              {t('administration.apiClients.calls.records')}
            </th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call, index) => (
            // Two calls can share their second and path; the list's order is the API's and does not change.
            <tr key={`${call.at}-${index}`}>
              <td className="api-calls__at api-calls__wide">{formatSchoolDateTime(call.at, locale)}</td>
              <td>
                <span className="api-calls__path">
                  {call.method} {pathUnderBase(call.path)}
                </span>
                <span className="api-calls__narrow">{formatSchoolDateTime(call.at, locale)}</span>
              </td>
              <td className={`data-table__numeric${call.status >= 400 ? ' api-calls__refused' : ''}`}>{call.status}</td>
              <td className="data-table__numeric">{call.records ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </details>
  );
}

/**
 * Revoking in two steps (ask, telling what it does, then confirm), as deleting is elsewhere in the administration:
 * it cannot be undone, and the other system stops at once.
 */
function RevokeButton({ client, onRevoked }: { client: ApiClientFieldsFragment; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<'unreachable' | 'failed' | null>(null);
  const [revoke, { loading }] = useMutation(RevokeApiClientDocument);
  const { question, askButton } = useConfirmFocus(asking);

  const confirm = async () => {
    setFailure(null);
    try {
      await revoke({ variables: { id: client.id } });
      onRevoked();
    } catch (error) {
      setAsking(false);
      setFailure(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  return (
    <div className="api-client__revoke">
      {asking ? (
        <div className="api-client__confirm">
          <p ref={question} tabIndex={-1}>
            {t('administration.apiClients.revoke.question', { name: client.name })}
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={loading}
              aria-label={loading ? undefined : t('administration.apiClients.revoke.confirmLabel', { name: client.name })}
              onClick={() => void confirm()}
            >
              {loading ? t('administration.apiClients.revoke.revoking') : t('administration.apiClients.revoke.confirm')}
            </button>
            <button type="button" className="button button--secondary" disabled={loading} onClick={() => setAsking(false)}>
              {t('administration.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={askButton}
          type="button"
          className="button button--secondary"
          aria-label={t('administration.apiClients.revoke.label', { name: client.name })}
          onClick={() => setAsking(true)}
        >
          {t('administration.apiClients.revoke.button')}
        </button>
      )}
      <Alert tone="error">
        {failure === 'unreachable'
          ? t('errors.unreachableBody')
          : failure === 'failed'
            ? t('administration.apiClients.revoke.failed')
            : null}
      </Alert>
    </div>
  );
}
