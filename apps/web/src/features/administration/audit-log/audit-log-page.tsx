import { useApolloClient, useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AuditLogFilter } from '../../../gql/graphql';
import { schoolToday } from '../../../lib/dates';
import { errorExtension, hasErrorCode } from '../../../lib/graphql-errors';
import { downloadCsv } from '../../statistics/format';
import { AdminPageHeader } from '../admin-page-header';
import { auditLogCsv } from './audit-log-csv';
import { AuditLogFilterForm, type FilterProblems } from './audit-log-filter';
import { AuditLogTable } from './audit-log-table';
import { AuditLogDocument, AuditLogExportDocument } from './operations';
import './audit-log.css';

const PAGE_SIZE = 50;

/** The filter's words in the address, so that a filtered log can be bookmarked or linked to. */
const PARAMS = { personId: 'person', actor: 'anvandare', action: 'handelse', fromDate: 'fran', toDate: 'till' } as const;

function filterOf(params: URLSearchParams): AuditLogFilter {
  return Object.fromEntries(
    Object.entries(PARAMS).flatMap(([key, param]) => {
      const value = params.get(param)?.trim();
      return value ? [[key, value]] : [];
    }),
  );
}

function paramsOf(filter: AuditLogFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, param] of Object.entries(PARAMS)) {
    const value = filter[key as keyof typeof PARAMS];
    if (value) params.set(param, value);
  }
  return params;
}

/** The API's refusal of the filter at its field; null for any other error. */
function filterProblems(error: unknown, t: TFunction): FilterProblems | null {
  const notFound = errorExtension(error, 'NOT_FOUND', 'field');
  if (notFound === 'filter.personId') return { person: t('administration.auditLog.filter.personNotFound') };
  if (notFound === 'filter.actor') return { actor: t('administration.auditLog.filter.actorNotFound') };
  if (hasErrorCode(error, 'BAD_USER_INPUT') && errorExtension(error, 'BAD_USER_INPUT', 'field') === 'filter.toDate') {
    return { toDate: t('administration.auditLog.filter.datesReversed') };
  }
  return null;
}

type ExportState =
  { state: 'idle' } | { state: 'busy' } | { state: 'done'; count: number; truncated: boolean; limit: number } | { state: 'failed' };

/**
 * /administration/logg: the organisation's audit log for its administrator, filtered by person, user, event and days
 * (kept in the address), newest first a page at a time (each page a read the API logs), and exported as CSV.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.auditLog.title'));
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const key = JSON.stringify(filter);
  // The cursors of the pages shown so far (the newest page has none); a new filter starts again at the newest.
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = pages.key === key ? pages.cursors : [null];
  const cursor = cursors.at(-1) ?? null;
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogDocument, {
    variables: { filter, page: { cursor, limit: PAGE_SIZE } },
    // Always the log as it is now: every showing is a read, logged by the API.
    fetchPolicy: 'network-only',
  });
  const [exported, setExported] = useState<ExportState>({ state: 'idle' });
  const shown = (data ?? previousData)?.auditLog;
  const problems = error ? filterProblems(error, t) : null;

  async function exportCsv() {
    setExported({ state: 'busy' });
    try {
      const { data: answer } = await client.query({ query: AuditLogExportDocument, variables: { filter }, fetchPolicy: 'no-cache' });
      if (!answer) throw new Error('auditLogExport returned no data');
      const { entries, truncated, limit } = answer.auditLogExport;
      downloadCsv(`${t('administration.auditLog.export.fileName')}-${schoolToday()}.csv`, auditLogCsv(t, entries));
      setExported({ state: 'done', count: entries.length, truncated, limit });
    } catch {
      setExported({ state: 'failed' });
    }
  }

  return (
    <div className="admin-page audit-log">
      <AdminPageHeader
        back="/administration"
        backLabel={t('administration.title')}
        title={t('administration.auditLog.title')}
        lead={t('administration.auditLog.lead')}
      />
      <AuditLogFilterForm
        key={key}
        applied={filter}
        knownPerson={shown?.person ?? null}
        problems={problems ?? {}}
        onApply={(next) => {
          setParams(paramsOf(next));
          setExported({ state: 'idle' });
        }}
      />
      {error && !problems ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : problems ? null : !shown ? (
        <LoadingState label={t('administration.auditLog.loading')} />
      ) : (
        <>
          <div className="audit-log__export">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void exportCsv()}
              disabled={exported.state === 'busy' || shown.entries.length === 0}
            >
              {exported.state === 'busy' ? t('administration.auditLog.export.exporting') : t('administration.auditLog.export.button')}
            </button>
          </div>
          <Alert tone={exported.state === 'failed' ? 'error' : 'info'}>
            {exported.state === 'failed'
              ? t('administration.auditLog.export.failed')
              : exported.state === 'done'
                ? [
                    t('administration.auditLog.export.done', { count: exported.count }),
                    exported.truncated ? t('administration.auditLog.export.truncated', { limit: exported.limit }) : '',
                  ]
                    .filter(Boolean)
                    .join(' ')
                : null}
          </Alert>
          <AuditLogTable entries={shown.entries} busy={loading} />
          <nav className="pager" aria-label={t('administration.auditLog.pager.label')}>
            <p className="pager__status" aria-live="polite">
              {t('administration.auditLog.pager.status', { page: cursors.length })}
            </p>
            <button
              type="button"
              className="button button--secondary"
              disabled={cursors.length === 1 || loading}
              onClick={() => setPages({ key, cursors: cursors.slice(0, -1) })}
            >
              {t('administration.auditLog.pager.newer')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!shown.nextCursor || loading}
              onClick={() => setPages({ key, cursors: [...cursors, shown.nextCursor ?? null] })}
            >
              {t('administration.auditLog.pager.older')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
