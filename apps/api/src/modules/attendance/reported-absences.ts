// What the home has already said for a lesson's time: sick reports and approved leave (rules 4 and 5). The roll
// call shows them before it is saved, so that a teacher who keeps the defaults records a reported child as
// validly absent, not as present.
import type { RequestContext } from '../../context.ts';

export interface ReportedAbsence {
  reason: 'SICK' | 'LEAVE';
  /** local school dates, inclusive */
  fromDate: string;
  toDate: string;
  /** part of one day: local times `HH:MM`; null for whole days */
  fromTime: string | null;
  toTime: string | null;
}

/**
 * The reports that cover any part of [startsAt, endsAt) for each student, in the order a roll call would use
 * them: sick reports before leave, the earliest made first (as `saveRollCall` picks the reason).
 */
export async function reportedAbsences(
  ctx: Pick<RequestContext, 'prisma'>,
  studentIds: readonly string[],
  startsAt: Date,
  endsAt: Date,
): Promise<Map<string, ReportedAbsence[]>> {
  const byStudent = new Map<string, ReportedAbsence[]>();
  if (studentIds.length === 0) return byStudent;
  const rows = await ctx.prisma.$queryRaw<(ReportedAbsence & { studentId: string })[]>`
    SELECT * FROM (
      SELECT r."studentId"::text AS "studentId", 'SICK' AS reason, to_char(r."fromDate", 'YYYY-MM-DD') AS "fromDate",
             to_char(r."toDate", 'YYYY-MM-DD') AS "toDate", r."fromTime", r."toTime", 0 AS rank, r."createdAt"
      FROM "SickReport" r
      WHERE r."studentId" = ANY(${studentIds}::uuid[]) AND r."withdrawnAt" IS NULL AND r."startsAt" < ${endsAt} AND r."endsAt" > ${startsAt}
      UNION ALL
      SELECT la."studentId"::text, 'LEAVE', to_char(la."fromDate", 'YYYY-MM-DD'), to_char(la."toDate", 'YYYY-MM-DD'), NULL, NULL, 1, la."createdAt"
      FROM "LeaveApplication" la
      WHERE la."studentId" = ANY(${studentIds}::uuid[]) AND la.status = 'APPROVED' AND la."startsAt" < ${endsAt} AND la."endsAt" > ${startsAt}
    ) reports
    ORDER BY rank, "createdAt"`;
  for (const { studentId, reason, fromDate, toDate, fromTime, toTime } of rows) {
    const list = byStudent.get(studentId) ?? [];
    list.push({ reason, fromDate, toDate, fromTime, toTime });
    byStudent.set(studentId, list);
  }
  return byStudent;
}
