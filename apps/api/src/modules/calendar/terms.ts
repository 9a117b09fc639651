// The school calendar's terms as the features that work term by term see them (assessments, IUPs, routines).
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { dateValue } from '../access/validity.ts';
import { isoDate } from '../access/viewer.ts';

export const termSelect = {
  id: true,
  kind: true,
  startDate: true,
  endDate: true,
  schoolYearId: true,
  schoolYear: { select: { name: true } },
} satisfies Prisma.TermSelect;
export type TermRow = Prisma.TermGetPayload<{ select: typeof termSelect }>;

/** A term as the API shows it (GraphQL type Term). */
export interface TermRecord {
  id: string;
  kind: 'AUTUMN' | 'SPRING';
  /** the calendar year the term is in (HT 2026, VT 2027) */
  year: number;
  startDate: string;
  endDate: string;
  schoolYear: string;
}

export const termRecord = (term: TermRow): TermRecord => ({
  id: term.id,
  kind: term.kind,
  year: term.startDate.getUTCFullYear(),
  startDate: isoDate(term.startDate),
  endDate: isoDate(term.endDate),
  schoolYear: term.schoolYear.name,
});

/** The organisation's term that holds today, or else the last one begun (in a break between terms); null before the first. */
export async function currentTerm(ctx: RequestContext, organisationId: string): Promise<TermRow | null> {
  return ctx.prisma.term.findFirst({
    where: { schoolYear: { organisationId }, startDate: { lte: dateValue(ctx.today) } },
    orderBy: { startDate: 'desc' },
    select: termSelect,
  });
}
