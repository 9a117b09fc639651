import type { RequestContext } from '../../context.ts';
import { badInput } from '../../errors.ts';
import { administeredOrganisationIds } from '../access/access.service.ts';
import { requireViewer } from '../access/viewer.ts';

export async function administeredOrganisation(ctx: RequestContext) {
  const viewer = await requireViewer(ctx);
  const [organisationId] = administeredOrganisationIds(viewer, ctx.today);
  if (!organisationId) return null;
  return ctx.prisma.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, name: true, schools: { select: { id: true, name: true, unitCode: true }, orderBy: { name: 'asc' } } },
  });
}

export const MAX_PAGE_SIZE = 200;

/** A page request checked once for every list: Prisma's skip/take. */
export function pageOf(page: { offset?: number; limit?: number } | null | undefined): { skip: number; take: number } {
  const offset = page?.offset ?? 0;
  const limit = page?.limit ?? 50;
  if (!Number.isInteger(offset) || offset < 0) throw badInput('page.offset must be 0 or more', 'page.offset');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw badInput(`page.limit must be 1–${MAX_PAGE_SIZE}`, 'page.limit');
  }
  return { skip: offset, take: limit };
}
