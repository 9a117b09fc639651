import { useMutation, useQuery } from '@apollo/client/react';
import { Fragment, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { AdminPageHeader } from '../admin-page-header';
import { ApiClientForm } from './api-client-form';
import { ApiClientItem } from './api-client-item';
import { NewClientSecret } from './new-client-secret';
import { ApiClientsDocument, CreateApiClientDocument } from './operations';
import { SS12000_PATH } from './scopes';
import '../schools/schools.css';
import './api-clients.css';

/**
 * /administration/api-klienter: the systems that read the organisation's data over SS 12000. Each client with what it
 * may read and its latest calls, revoked ones last; a new one, whose secret is shown once; how another system uses it.
 */
export function ApiClientsPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.apiClients.title'));
  const id = useId();
  // Read afresh whenever the page is shown: the latest calls are what an administrator comes back to see.
  const { data, loading, error, refetch } = useQuery(ApiClientsDocument, { fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CreateApiClientDocument, { refetchQueries: [ApiClientsDocument] });
  const [created, setCreated] = useState<{ name: string; clientId: string; secret: string } | null>(null);
  const newHeading = useRef<HTMLHeadingElement>(null);
  const clients = data?.apiClients;

  return (
    <div className="admin-page">
      <AdminPageHeader
        back="/administration"
        backLabel={t('administration.title')}
        title={t('administration.apiClients.title')}
        lead={t('administration.apiClients.lead')}
      />
      {!clients ? (
        error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : loading ? (
          <LoadingState label={t('administration.apiClients.loading')} />
        ) : null
      ) : (
        <>
          <section aria-labelledby={`${id}-clients`}>
            <h2 id={`${id}-clients`} className="section-heading">
              {t('administration.apiClients.listHeading')}
            </h2>
            {clients.length === 0 ? (
              <p className="admin-page__empty">{t('administration.apiClients.none')}</p>
            ) : (
              <ul className="api-clients">
                {clients.map((client) => (
                  <ApiClientItem key={client.id} client={client} />
                ))}
              </ul>
            )}
          </section>
          <section className="panel admin-form-panel" aria-labelledby={`${id}-new`}>
            <h2 id={`${id}-new`} ref={newHeading} tabIndex={-1} className="section-heading">
              {t('administration.apiClients.form.heading')}
            </h2>
            {created ? (
              <NewClientSecret
                {...created}
                onDone={() => {
                  // The secret leaves the page's memory with the box that showed it.
                  setCreated(null);
                  newHeading.current?.focus();
                }}
              />
            ) : (
              <ApiClientForm
                onCreate={async (input) => {
                  const { data: answer } = await create({ variables: { input } });
                  if (!answer) throw new Error('createApiClient returned no data');
                  const { client, secret } = answer.createApiClient;
                  setCreated({ name: client.name, clientId: client.clientId, secret });
                }}
              />
            )}
          </section>
          <HowToUse />
        </>
      )}
    </div>
  );
}

/** What the administrator passes on to whoever sets up the other system, with this installation's own addresses. */
function HowToUse() {
  const { t } = useTranslation();
  const id = useId();
  const base = `${window.location.origin}${SS12000_PATH}`;
  return (
    <section className="panel admin-form-panel" aria-labelledby={`${id}-how`}>
      <h2 id={`${id}-how`} className="section-heading">
        {t('administration.apiClients.howTo.heading')}
      </h2>
      <ol className="api-how-to">
        <li>
          <p>{t('administration.apiClients.howTo.token')}</p>
          <code className="api-how-to__address">
            POST <Address text={`${base}/token`} />
          </code>
        </li>
        <li>
          <p>{t('administration.apiClients.howTo.read')}</p>
          <code className="api-how-to__address">
            <Address text={`${base}/`} />
          </code>
        </li>
        <li>
          <p>{t('administration.apiClients.howTo.description')}</p>
          {/* The API's own page, not one of the app's: a plain link, loaded from the server. */}
          <a className="api-how-to__address" href={`${SS12000_PATH}/openapi.json`}>
            <Address text={`${base}/openapi.json`} />
          </a>
        </li>
      </ol>
    </section>
  );
}

/** An address that a phone wraps after one of its slashes rather than inside a word. */
function Address({ text }: { text: string }) {
  return text.split('/').map((part, index) => (
    // The parts of one fixed address: their places never change.
    <Fragment key={index}>
      {index > 0 ? (
        <>
          /<wbr />
        </>
      ) : null}
      {part}
    </Fragment>
  ));
}
