// The imports an administrator must look at: for each source (the student, guardian and staff lists, and the SS 12000
// source), its latest import when that one was stopped. A later import of the same source that went through means
// the problem is behind them, so only the latest counts. Lists keep only the imports meant to be written (a trial run
// is not kept); an SS 12000 run is kept dry or applied, and a dry run that went through shows the source is fine again.
import type { ListKind, Prisma } from '@insyn/db';
import type { RequestContext } from '../../../context.ts';
import type { ImportSource, StoppedImportOutcome } from '../../../generated/graphql.ts';
import { requireAdministration } from '../administration.access.ts';

export interface StoppedImportRecord {
  id: string;
  source: ImportSource;
  outcome: StoppedImportOutcome;
  /** ISO timestamp */
  at: string;
  /** null for the nightly SS 12000 run */
  byName: string | null;
  problems: number;
}

/** The lists in the order the administration lists them. */
const LISTS: readonly { kind: ListKind; source: ImportSource }[] = [
  { kind: 'STUDENTS', source: 'STUDENT_LIST' },
  { kind: 'GUARDIANS', source: 'GUARDIAN_LIST' },
  { kind: 'STAFF', source: 'STAFF_LIST' },
];

const nameOf = (person: { firstName: string; lastName: string } | null): string | null =>
  person ? `${person.firstName} ${person.lastName}` : null;

const problemCount = (problems: Prisma.JsonValue): number => (Array.isArray(problems) ? problems.length : 0);

/** The administrator's organisation's sources whose latest import was refused or failed: the lists first, then SS 12000. */
export async function stoppedImports(ctx: RequestContext): Promise<StoppedImportRecord[]> {
  const { organisationId } = await requireAdministration(ctx);
  const person = { select: { firstName: true, lastName: true } } as const;
  const [lists, run] = await Promise.all([
    Promise.all(
      LISTS.map(async ({ kind, source }) => ({
        source,
        latest: await ctx.prisma.listImport.findFirst({
          where: { organisationId, kind },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          select: { id: true, createdAt: true, applied: true, problems: true, importedBy: person },
        }),
      })),
    ),
    // A run still reading has not finished: the one before it is the latest word on the source.
    ctx.prisma.ss12000ImportRun.findFirst({
      where: { organisationId, outcome: { not: 'RUNNING' } },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
      select: { id: true, startedAt: true, outcome: true, problems: true, startedBy: person },
    }),
  ]);
  const stopped: StoppedImportRecord[] = lists.flatMap(({ source, latest }) =>
    latest && !latest.applied
      ? [
          {
            id: latest.id,
            source,
            outcome: 'REFUSED' as const,
            at: latest.createdAt.toISOString(),
            byName: nameOf(latest.importedBy),
            problems: problemCount(latest.problems),
          },
        ]
      : [],
  );
  if (run && (run.outcome === 'REFUSED' || run.outcome === 'FAILED')) {
    stopped.push({
      id: run.id,
      source: 'SS12000',
      outcome: run.outcome,
      at: run.startedAt.toISOString(),
      byName: nameOf(run.startedBy),
      problems: problemCount(run.problems),
    });
  }
  return stopped;
}
