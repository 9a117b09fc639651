// API clients: made by an administrator for one organisation, with the endpoints it may read; the secret is
// random and shown once, only its SHA-256 is kept (a secret of 256 random bits needs no slow hash).
import { randomBytes } from 'node:crypto';
import { Prisma, type ApiScope } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { administeredRecord, requireAdministration } from '../administration/administration.access.ts';
import { refuseIfAny, type FieldProblem } from '../administration/administration.problems.ts';
import { audit } from '../audit/audit.service.ts';
import { hashRandomToken } from '../auth/tokens.ts';

const NAME_MAX = 100;
const RECENT_CALLS = 20;

export interface ApiClientRecord {
  id: string;
  name: string;
  clientId: string;
  scopes: ApiScope[];
  protectedIdentity: boolean;
  createdAt: string;
  createdByName: string;
  revokedAt: string | null;
  revokedByName: string | null;
  recentCalls: { at: string; method: string; path: string; status: number; records: number | null }[];
}

const clientSelect = {
  id: true,
  name: true,
  clientId: true,
  scopes: true,
  protectedIdentity: true,
  createdAt: true,
  revokedAt: true,
  createdBy: { select: { firstName: true, lastName: true } },
  revokedBy: { select: { firstName: true, lastName: true } },
  calls: { orderBy: { at: 'desc' }, take: RECENT_CALLS, select: { at: true, method: true, path: true, status: true, records: true } },
} as const;

type ClientRow = {
  id: string;
  name: string;
  clientId: string;
  scopes: ApiScope[];
  protectedIdentity: boolean;
  createdAt: Date;
  revokedAt: Date | null;
  createdBy: { firstName: string; lastName: string };
  revokedBy: { firstName: string; lastName: string } | null;
  calls: { at: Date; method: string; path: string; status: number; records: number | null }[];
};

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

const toRecord = (row: ClientRow): ApiClientRecord => ({
  id: row.id,
  name: row.name,
  clientId: row.clientId,
  scopes: row.scopes,
  protectedIdentity: row.protectedIdentity,
  createdAt: row.createdAt.toISOString(),
  createdByName: fullName(row.createdBy),
  revokedAt: row.revokedAt?.toISOString() ?? null,
  revokedByName: row.revokedBy ? fullName(row.revokedBy) : null,
  recentCalls: row.calls.map((call) => ({ ...call, at: call.at.toISOString() })),
});

export async function apiClients(ctx: RequestContext): Promise<ApiClientRecord[]> {
  const { organisationId } = await requireAdministration(ctx);
  const rows = await ctx.prisma.apiClient.findMany({
    where: { organisationId },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }],
    select: clientSelect,
  });
  return rows.map(toRecord);
}

export async function createApiClient(
  ctx: RequestContext,
  input: { name: string; scopes: readonly ApiScope[]; protectedIdentity: boolean },
): Promise<{ client: ApiClientRecord; secret: string }> {
  const { organisationId, staffId } = await requireAdministration(ctx);
  const name = input.name.trim();
  const problems: FieldProblem[] = [];
  if (name === '') problems.push({ field: 'name', code: 'REQUIRED' });
  else if (name.length > NAME_MAX) problems.push({ field: 'name', code: 'TOO_LONG' });
  if (input.scopes.length === 0) problems.push({ field: 'scopes', code: 'REQUIRED' });
  refuseIfAny(problems);

  const secret = randomBytes(32).toString('base64url');
  const clientId = `insyn-${randomBytes(12).toString('hex')}`;
  try {
    const row = await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.apiClient.create({
        data: {
          organisationId,
          name,
          clientId,
          secretHash: hashRandomToken(secret),
          scopes: [...new Set(input.scopes)],
          protectedIdentity: input.protectedIdentity,
          createdById: staffId,
          createdAt: ctx.now,
        },
        select: clientSelect,
      });
      await audit({ ...ctx, prisma: tx }, 'apiClient.created', {
        entityType: 'apiClient',
        entityId: created.id,
        details: { name, scopes: created.scopes, protectedIdentity: created.protectedIdentity },
      });
      return created;
    });
    return { client: toRecord(row), secret };
  } catch (error) {
    // Two clients of one organisation with the same name could not be told apart in the list.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      refuseIfAny([{ field: 'name', code: 'DUPLICATE' }]);
    throw error;
  }
}

export async function revokeApiClient(ctx: RequestContext, id: string): Promise<ApiClientRecord> {
  const { administration, record } = await administeredRecord(ctx, 'API client', id, (clientId) =>
    ctx.prisma.apiClient.findUnique({ where: { id: clientId }, select: { organisationId: true, revokedAt: true } }),
  );
  if (record.revokedAt) return toRecord(await ctx.prisma.apiClient.findUniqueOrThrow({ where: { id }, select: clientSelect }));
  const row = await ctx.prisma.$transaction(async (tx) => {
    const revoked = await tx.apiClient.update({
      where: { id },
      data: { revokedAt: ctx.now, revokedById: administration.staffId },
      select: clientSelect,
    });
    await audit({ ...ctx, prisma: tx }, 'apiClient.revoked', { entityType: 'apiClient', entityId: id });
    return revoked;
  });
  return toRecord(row);
}
