// SS 12000 (version 2.1) read-only export under /ss12000/v2.1, for other systems of the organisation: CSN reporting,
// statistics, learning platforms. A client gets a short-lived access token for its id and secret (OAuth2 client
// credentials, POST /ss12000/v2.1/token) and reads the endpoints its scopes name, its own organisation only. Every
// call of a known client is kept (ApiClientCall) before the answer leaves. The OpenAPI description is public.
import type { ApiScope, PrismaClient } from '@insyn/db';
import { schoolDateOf } from '@insyn/domain';
import express, { type Request, type Response } from 'express';
import type { AppConfig } from '../../config.ts';
import { hashRandomToken, signApiClientToken, verifyApiClientToken } from '../auth/tokens.ts';
import { AGGREGATED_ATTENDANCE_FILTERS, exportAbsences, exportAggregatedAttendance, exportAttendances } from './export-attendance.ts';
import { exportDuties, exportGroups } from './export-groups.ts';
import { exportOrganisations, exportPersons } from './export-people.ts';
import { exportActivities, exportCalendarEvents } from './export-schedule.ts';
import type { ExportScope } from './export-scope.ts';
import { exportSyllabuses } from './export-syllabuses.ts';
import { SS12000_OPENAPI } from './openapi.ts';
import { readListQuery, Ss12000Error, type ListQuery } from './paging.ts';

export const SS12000_PATH = '/ss12000/v2.1';
/** An access token lives 15 minutes; a revoked client is refused at once all the same (checked on every call). */
const TOKEN_SECONDS = 15 * 60;

type Exporter = (prisma: PrismaClient, scope: ExportScope, query: ListQuery) => Promise<{ data: object[]; pageToken?: string }>;

/** Each endpoint with the scope that opens it and its own filters. */
export const SS12000_ENDPOINTS: Record<string, { scope: ApiScope; exporter: Exporter; filters?: readonly string[] }> = {
  organisations: { scope: 'ORGANISATIONS', exporter: exportOrganisations },
  persons: { scope: 'PERSONS', exporter: exportPersons },
  groups: { scope: 'GROUPS', exporter: exportGroups },
  duties: { scope: 'DUTIES', exporter: exportDuties },
  syllabuses: { scope: 'SYLLABUSES', exporter: exportSyllabuses },
  activities: { scope: 'ACTIVITIES', exporter: exportActivities },
  calendarEvents: { scope: 'CALENDAR_EVENTS', exporter: exportCalendarEvents },
  attendances: { scope: 'ATTENDANCES', exporter: exportAttendances },
  absences: { scope: 'ABSENCES', exporter: exportAbsences },
  aggregatedAttendance: { scope: 'AGGREGATED_ATTENDANCE', exporter: exportAggregatedAttendance, filters: AGGREGATED_ATTENDANCE_FILTERS },
};

/** RFC 6749 2.3.1 form-encodes the id and secret inside HTTP Basic; a value that is not valid encoding is taken as it is. */
function formDecoded(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}

const sendProblem = (res: Response, error: Ss12000Error) => res.status(error.status).json({ code: error.code, message: error.message });

export function createSs12000Router({
  prisma,
  config,
  log,
}: {
  prisma: PrismaClient;
  config: AppConfig;
  log: (line: string) => void;
}): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const recordCall = (apiClientId: string, req: Request, status: number, records: number | null) =>
    prisma.apiClientCall.create({
      data: {
        apiClientId,
        method: req.method,
        path: req.originalUrl.slice(0, 2000),
        status,
        records,
        ip: req.ip ?? null,
        at: config.clock(),
      },
    });

  router.get('/openapi.json', (_req, res) => {
    res.json(SS12000_OPENAPI);
  });

  // OAuth2 client credentials (RFC 6749 4.4): the id and secret in HTTP Basic, or as form fields.
  router.post('/token', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const basic = /^Basic (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      let clientId = typeof body.client_id === 'string' ? body.client_id : undefined;
      let clientSecret = typeof body.client_secret === 'string' ? body.client_secret : undefined;
      if (basic) {
        const decoded = Buffer.from(basic, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) {
          clientId = formDecoded(decoded.slice(0, colon));
          clientSecret = formDecoded(decoded.slice(colon + 1));
        }
      }
      if (body.grant_type !== 'client_credentials') {
        res.status(400).json({ error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' });
        return;
      }
      if (!clientId || !clientSecret) {
        res.status(400).json({ error: 'invalid_request', error_description: 'client_id and client_secret are required' });
        return;
      }
      const client = await prisma.apiClient.findUnique({
        where: { clientId },
        select: { id: true, secretHash: true, revokedAt: true, scopes: true },
      });
      if (!client || client.revokedAt || client.secretHash !== hashRandomToken(clientSecret)) {
        if (client) await recordCall(client.id, req, 401, null);
        res.status(401).set('WWW-Authenticate', 'Basic realm="ss12000"').json({ error: 'invalid_client' });
        return;
      }
      await recordCall(client.id, req, 200, null);
      res.json({
        access_token: signApiClientToken(client.id, config.jwtSecret, TOKEN_SECONDS),
        token_type: 'Bearer',
        expires_in: TOKEN_SECONDS,
        scope: client.scopes.join(' '),
      });
    } catch (error) {
      log(`SS 12000 token: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.status(500).json({ error: 'server_error' });
    }
  });

  for (const [resource, endpoint] of Object.entries(SS12000_ENDPOINTS)) {
    router.get(`/${resource}`, async (req, res) => {
      const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      const apiClientId = bearer ? verifyApiClientToken(bearer, config.jwtSecret) : null;
      const client = apiClientId
        ? await prisma.apiClient.findUnique({
            where: { id: apiClientId },
            select: { id: true, organisationId: true, scopes: true, protectedIdentity: true, revokedAt: true },
          })
        : null;
      if (!client || client.revokedAt) {
        if (client) await recordCall(client.id, req, 401, null);
        res.set('WWW-Authenticate', 'Bearer');
        sendProblem(res, new Ss12000Error(401, 'UNAUTHORIZED', 'A valid access token from POST /ss12000/v2.1/token is required'));
        return;
      }
      try {
        if (!client.scopes.includes(endpoint.scope)) throw new Ss12000Error(403, 'FORBIDDEN', `This client may not read ${resource}`);
        const query = readListQuery(resource, req.query, endpoint.filters);
        const now = config.clock();
        const answer = await endpoint.exporter(
          prisma,
          { organisationId: client.organisationId, protectedIdentity: client.protectedIdentity, now, today: schoolDateOf(now) },
          query,
        );
        await recordCall(client.id, req, 200, answer.data.length);
        res.json(answer);
      } catch (error) {
        if (error instanceof Ss12000Error) {
          await recordCall(client.id, req, error.status, null);
          sendProblem(res, error);
          return;
        }
        log(`SS 12000 ${resource}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        await recordCall(client.id, req, 500, null).catch(() => undefined);
        res.status(500).json({ code: 'INTERNAL_ERROR', message: 'Internal server error' });
      }
    });
  }

  router.use((_req, res) => {
    sendProblem(res, new Ss12000Error(404, 'NOT_FOUND', 'No such SS 12000 endpoint'));
  });
  return router;
}
