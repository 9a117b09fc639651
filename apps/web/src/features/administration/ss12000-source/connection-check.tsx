import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import type { CheckSs12000SourceMutation } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblemsOf } from '../field-problems';
import { BusyStatus } from './busy-status';
import { CheckSs12000SourceDocument } from './operations';
import { useSs12000Texts } from './texts';

type Check = CheckSs12000SourceMutation['checkSs12000Source'];
export type RunFailure = 'unreachable' | 'failed' | 'unreadable' | 'running';

/** Why a check or a run did not answer: the stored secret unreadable (a BAD_USER_INPUT at the secret), another run under way, or else. */
export function runFailureOf(error: unknown): RunFailure {
  if (fieldProblemsOf(error, ['secret'], ['UNREADABLE']).length > 0) return 'unreadable';
  if (fieldProblemsOf(error, ['run'], ['ALREADY_RUNNING']).length > 0) return 'running';
  return isConnectionError(error) ? 'unreachable' : 'failed';
}

/**
 * "Testa anslutningen": the API reaches the source with the stored settings as an import would and reads the first
 * page of each endpoint. The answer: that it works, with what each endpoint gave, or the problem where it stopped.
 */
export function ConnectionCheck({ onUnreadable }: { onUnreadable: () => void }) {
  const { t } = useTranslation();
  const texts = useSs12000Texts();
  const [checkSource, { loading }] = useMutation(CheckSs12000SourceDocument);
  const [result, setResult] = useState<Check | null>(null);
  const [failure, setFailure] = useState<RunFailure | null>(null);

  const check = async () => {
    setResult(null);
    setFailure(null);
    try {
      const { data } = await checkSource();
      if (!data) throw new Error('checkSs12000Source returned no data');
      setResult(data.checkSs12000Source);
    } catch (error) {
      const reason = runFailureOf(error);
      setFailure(reason);
      if (reason === 'unreadable') onUnreadable();
    }
  };

  return (
    <div className="ss12000-check" aria-busy={loading} data-testid="ss12000-check">
      <div className="form__actions">
        <button type="button" className="button button--secondary" disabled={loading} onClick={() => void check()}>
          {loading ? t('administration.ss12000.check.checking') : t('administration.ss12000.check.button')}
        </button>
      </div>
      <BusyStatus text={loading ? t('administration.ss12000.check.busy') : null} />
      <Alert tone="success">{result?.ok ? t('administration.ss12000.check.ok') : null}</Alert>
      <Alert tone="error">
        {result?.problem ? (
          <>
            <strong className="ss12000-alert__title">{t('administration.ss12000.check.failed')}</strong>{' '}
            {texts.sourceProblem(result.problem.code, result.problem.endpoint, result.problem.status)}
          </>
        ) : failure === 'unreadable' ? (
          t('administration.ss12000.unreadable')
        ) : failure === 'unreachable' ? (
          t('errors.unreachableBody')
        ) : failure === 'failed' ? (
          t('administration.ss12000.check.error')
        ) : null}
      </Alert>
      {result && result.endpoints.length > 0 ? (
        <DataTable
          caption={result.ok ? t('administration.ss12000.check.caption') : t('administration.ss12000.check.captionBefore')}
          testId="ss12000-check-endpoints"
        >
          <thead>
            <tr>
              <th scope="col">{t('administration.ss12000.check.endpoint')}</th>
              <th scope="col">{t('administration.ss12000.check.firstPage')}</th>
            </tr>
          </thead>
          <tbody>
            {result.endpoints.map((endpoint) => (
              <tr key={endpoint.endpoint}>
                <th scope="row">
                  <EndpointName endpoint={endpoint.endpoint} />
                </th>
                <td>
                  {endpoint.offered
                    ? endpoint.morePages
                      ? t('administration.ss12000.check.recordsMore', { count: endpoint.records })
                      : t('administration.ss12000.check.records', { count: endpoint.records })
                    : t('administration.ss12000.check.notOffered')}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}

/** An endpoint by its name, and its path as the source's documentation writes it. */
export function EndpointName({ endpoint }: { endpoint: string }) {
  const texts = useSs12000Texts();
  const name = texts.endpointName(endpoint);
  return (
    <span className="ss12000-endpoint">
      <span>{name}</span>
      {name === endpoint || endpoint === 'token' ? null : <code className="ss12000-endpoint__path">/{endpoint}</code>}
    </span>
  );
}
