// The one place that decides who may administer: every administration service asks here first.
import { canAdministerOrganisation } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { appError, notFound } from '../../errors.ts';
import { administeredOrganisationIds, isId } from '../access/access.service.ts';
import { isStaffViewer, requireViewer, type Viewer } from '../access/viewer.ts';

export interface Administration {
  viewer: Viewer;
  /** the organisation (huvudman) the viewer administers today */
  organisationId: string;
  /** the administrator's Staff id, for "changed by" fields */
  staffId: string;
}

/**
 * The viewer's organisation, if they administer one today. Lists and creations need nothing more;
 * anyone else is FORBIDDEN (they know the page exists, nothing in it).
 */
export async function requireAdministration(ctx: RequestContext): Promise<Administration> {
  const viewer = await requireViewer(ctx);
  const [organisationId] = administeredOrganisationIds(viewer, ctx.today);
  if (!isStaffViewer(viewer) || !organisationId || !canAdministerOrganisation(viewer.facts, organisationId, ctx.today)) {
    throw appError('FORBIDDEN', 'Only an administrator of the organisation may do this');
  }
  return { viewer, organisationId, staffId: viewer.facts.staffId };
}

/**
 * A record by id, if it belongs to the administrator's organisation; otherwise NOT_FOUND, the same
 * answer as for an id that does not exist (rule 1). `load` returns the record with its organisation.
 */
export async function administeredRecord<T>(
  ctx: RequestContext,
  what: string,
  id: string,
  load: (id: string) => Promise<(T & { organisationId: string }) | null>,
): Promise<{ administration: Administration; record: T & { organisationId: string } }> {
  const administration = await requireAdministration(ctx);
  if (!isId(id)) throw notFound(what);
  const record = await load(id);
  if (!record || record.organisationId !== administration.organisationId) throw notFound(what);
  return { administration, record };
}
