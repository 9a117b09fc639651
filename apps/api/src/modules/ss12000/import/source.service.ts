// The organisation's SS 12000 source: its settings (the secret encrypted, never shown again) and a check that
// reaches it the way an import will: the token, then the first page of each endpoint.
import { checkSs12000Source, normalisedSourceUrl, type Ss12000SourceAuthKind } from '@insyn/domain';
import type { AppConfig } from '../../../config.ts';
import type { RequestContext } from '../../../context.ts';
import { appError } from '../../../errors.ts';
import { requireAdministration } from '../../administration/administration.access.ts';
import { refuseIfAny } from '../../administration/administration.problems.ts';
import { audit } from '../../audit/audit.service.ts';
import { decryptSourceSecret, encryptSourceSecret } from './source-secret.ts';
import { SourceProblem, sourceAccessToken, sourcePages, type SourceConnection } from './source-reader.ts';

export interface SourceRecord {
  nightlyRun: boolean;
  baseUrl: string;
  auth: Ss12000SourceAuthKind;
  tokenUrl: string | null;
  clientId: string | null;
  changedAt: string;
  changedByName: string;
}

/** What the check reads, in order. The import needs the first three; the others a source may not offer, or not to us. */
export const SOURCE_ENDPOINTS = ['organisations', 'persons', 'duties', 'syllabuses', 'groups', 'activities', 'calendarEvents'] as const;
const OPTIONAL_ENDPOINTS: ReadonlySet<string> = new Set(['syllabuses', 'groups', 'activities', 'calendarEvents']);

export async function ss12000Source(ctx: RequestContext): Promise<SourceRecord | null> {
  const { organisationId } = await requireAdministration(ctx);
  const source = await ctx.prisma.ss12000Source.findUnique({
    where: { organisationId },
    include: { changedBy: { select: { firstName: true, lastName: true } } },
  });
  return source
    ? {
        nightlyRun: source.nightlyRun,
        baseUrl: source.baseUrl,
        auth: source.auth,
        tokenUrl: source.tokenUrl,
        clientId: source.clientId,
        changedAt: source.changedAt.toISOString(),
        changedByName: `${source.changedBy.firstName} ${source.changedBy.lastName}`,
      }
    : null;
}

export async function saveSs12000Source(
  ctx: RequestContext,
  input: { baseUrl: string; auth: Ss12000SourceAuthKind; tokenUrl?: string | null; clientId?: string | null; secret?: string | null },
): Promise<SourceRecord> {
  const { organisationId, staffId } = await requireAdministration(ctx);
  const existing = await ctx.prisma.ss12000Source.findUnique({ where: { organisationId }, select: { encryptedSecret: true } });
  refuseIfAny(checkSs12000Source(input, existing !== null));
  // Without a JWT_SECRET of its own the process makes one at start: a secret encrypted with it would be lost with it.
  if (ctx.config.jwtSecretGenerated && (input.secret ?? '').trim() !== '') {
    throw appError('BAD_USER_INPUT', 'Set JWT_SECRET before storing a source secret: it is encrypted with a key derived from it', {
      problems: [{ field: 'secret', code: 'NO_SERVER_SECRET' }],
    });
  }
  const clientCredentials = input.auth === 'CLIENT_CREDENTIALS';
  const settings = {
    baseUrl: normalisedSourceUrl(input.baseUrl),
    auth: input.auth,
    tokenUrl: clientCredentials ? (input.tokenUrl ?? '').trim() : null,
    clientId: clientCredentials ? (input.clientId ?? '').trim() : null,
    changedById: staffId,
    changedAt: ctx.now,
  };
  const secret = (input.secret ?? '').trim();
  const encryptedSecret = secret === '' ? existing!.encryptedSecret : encryptSourceSecret(secret, ctx.config.jwtSecret);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.ss12000Source.upsert({
      where: { organisationId },
      create: { organisationId, ...settings, encryptedSecret },
      update: { ...settings, encryptedSecret },
    });
    // The secret is not in the audit row, only that it changed.
    await audit({ ...ctx, prisma: tx }, 'ss12000Source.saved', {
      entityType: 'ss12000Source',
      entityId: organisationId,
      details: {
        baseUrl: settings.baseUrl,
        auth: settings.auth,
        tokenUrl: settings.tokenUrl,
        clientId: settings.clientId,
        secretChanged: secret !== '',
      },
    });
  });
  return (await ss12000Source(ctx))!;
}

export async function setSs12000NightlyRun(ctx: RequestContext, on: boolean): Promise<SourceRecord> {
  const { organisationId } = await requireAdministration(ctx);
  const source = await ctx.prisma.ss12000Source.findUnique({ where: { organisationId }, select: { nightlyRun: true } });
  if (!source) throw appError('NOT_FOUND', 'No SS 12000 source is set up');
  if (source.nightlyRun !== on) {
    await ctx.prisma.$transaction(async (tx) => {
      await tx.ss12000Source.update({ where: { organisationId }, data: { nightlyRun: on } });
      await audit({ ...ctx, prisma: tx }, 'ss12000Source.saved', {
        entityType: 'ss12000Source',
        entityId: organisationId,
        details: { nightlyRun: on },
      });
    });
  }
  return (await ss12000Source(ctx))!;
}

/** How the import connects, from the stored settings; NOT_FOUND when there are none yet. */
/** What reaching the source needs of the server's configuration. */
export type SourceConfig = Pick<AppConfig, 'jwtSecret' | 'ss12000SourceTimeoutMs'>;

export async function sourceConnection(
  ctx: Pick<RequestContext, 'prisma'> & { config: SourceConfig },
  organisationId: string,
): Promise<SourceConnection> {
  const source = await ctx.prisma.ss12000Source.findUnique({ where: { organisationId } });
  if (!source) throw appError('NOT_FOUND', 'No SS 12000 source is set up');
  const secret = decryptSourceSecret(source.encryptedSecret, ctx.config.jwtSecret);
  if (secret === null) {
    throw appError('BAD_USER_INPUT', 'The stored secret cannot be read with this JWT_SECRET: enter it again', {
      problems: [{ field: 'secret', code: 'UNREADABLE' }],
    });
  }
  return {
    baseUrl: source.baseUrl,
    timeoutMs: ctx.config.ss12000SourceTimeoutMs,
    auth:
      source.auth === 'BEARER_TOKEN'
        ? { kind: 'BEARER_TOKEN', token: secret }
        : { kind: 'CLIENT_CREDENTIALS', tokenUrl: source.tokenUrl ?? '', clientId: source.clientId ?? '', clientSecret: secret },
  };
}

export interface SourceCheck {
  ok: boolean;
  endpoints: { endpoint: string; offered: boolean; records: number; morePages: boolean }[];
  problem: { code: string; endpoint: string; status: number | null } | null;
}

/**
 * Reaches the source as an import would and reads the first page of each endpoint: whether the settings work, and
 * what the source offers. Reads nothing into Insyn.
 */
export async function checkSs12000SourceConnection(ctx: RequestContext): Promise<SourceCheck> {
  const { organisationId } = await requireAdministration(ctx);
  const connection = await sourceConnection(ctx, organisationId);
  const endpoints: SourceCheck['endpoints'] = [];
  let problem: SourceCheck['problem'] = null;
  try {
    const token = await sourceAccessToken(connection);
    for (const endpoint of SOURCE_ENDPOINTS) {
      try {
        const pages = sourcePages(connection, token, endpoint, {}, 100);
        const first = await pages.next();
        const records = first.done ? 0 : first.value.length;
        // Asking for the next page tells whether there is one, and whether its token loops.
        const second = first.done ? { done: true } : await pages.next();
        await pages.return(undefined);
        endpoints.push({ endpoint, offered: true, records, morePages: !second.done });
      } catch (error) {
        const notOffered = error instanceof SourceProblem && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');
        if (notOffered && OPTIONAL_ENDPOINTS.has(endpoint)) {
          endpoints.push({ endpoint, offered: false, records: 0, morePages: false });
          continue;
        }
        throw error;
      }
    }
  } catch (error) {
    if (!(error instanceof SourceProblem)) throw error;
    problem = { code: error.code, endpoint: error.endpoint, status: error.status };
  }
  await audit(ctx, 'ss12000Source.checked', {
    entityType: 'ss12000Source',
    entityId: organisationId,
    details: { ok: problem === null, problem },
  });
  return { ok: problem === null, endpoints, problem };
}
