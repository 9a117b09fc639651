// The principal's routine view (rule 6: "the home must know in time"): per school and class, how many of this
// term's subject assessments are published, the grade warnings still open and those without contact with the
// home, and support decisions no guardian (nor the student) has confirmed reading; every school the viewer
// follows up side by side, so that differences between schools stand out.
import { gradeScaleFor } from '@insyn/domain';
import type { RequestContext } from '../../context.ts';
import { accessibleSchools, authorizeSchool } from '../access/access.service.ts';
import { currentTerm, termRecord, type TermRecord } from '../calendar/terms.ts';
import { schoolGradeWarningRoutine } from '../grade-warnings/grade-warnings.service.ts';

export interface RoutineFigures {
  /** one per current member of each teaching group whose year has a grade scale */
  expectedAssessments: number;
  publishedAssessments: number;
  openWarnings: number;
  warningsWithoutContact: number;
  overdueWarnings: number;
  supportDecisions: number;
  unacknowledgedDecisions: number;
}

export interface ClassRoutine extends RoutineFigures {
  classId: string | null;
  className: string | null;
}

export interface SchoolRoutine extends RoutineFigures {
  schoolId: string;
  schoolName: string;
  /** the term the assessment figures are for; null before the first term */
  term: TermRecord | null;
  /** by class name; students without a class last */
  classes: ClassRoutine[];
}

const emptyFigures = (): RoutineFigures => ({
  expectedAssessments: 0,
  publishedAssessments: 0,
  openWarnings: 0,
  warningsWithoutContact: 0,
  overdueWarnings: 0,
  supportDecisions: 0,
  unacknowledgedDecisions: 0,
});

interface AssessmentCountRow {
  classId: string | null;
  expected: number;
  published: number;
}

interface DecisionCountRow {
  classId: string | null;
  decisions: number;
  unacknowledged: number;
}

/** The school's figures, computed for a viewer already allowed to see them. */
async function routineOf(
  ctx: RequestContext,
  school: { id: string; name: string; form: 'COMPULSORY' | 'UPPER_SECONDARY'; organisationId: string },
) {
  const term = await currentTerm(ctx, school.organisationId);
  const today = ctx.today;
  // Teaching groups of the term's school year whose year is assessed (not förskoleklass).
  const groups = term
    ? await ctx.prisma.group.findMany({
        where: { schoolId: school.id, schoolYearId: term.schoolYearId, kind: 'TEACHING', subjectId: { not: null } },
        select: { id: true, yearLevel: true },
      })
    : [];
  const assessedGroupIds = groups.filter((group) => gradeScaleFor(school.form, group.yearLevel) !== null).map((group) => group.id);
  const [assessmentRows, decisionRows, warnings, classes] = await Promise.all([
    term && assessedGroupIds.length > 0
      ? ctx.prisma.$queryRaw<AssessmentCountRow[]>`
          SELECT class_of."groupId" AS "classId",
                 count(*)::int AS expected,
                 count(sa.id) FILTER (WHERE sa."publishedAt" IS NOT NULL)::int AS published
          FROM "GroupMembership" m
          LEFT JOIN LATERAL (
            SELECT c."groupId" FROM "GroupMembership" c JOIN "Group" g ON g.id = c."groupId" AND g.kind = 'CLASS'
            WHERE c."studentId" = m."studentId" AND c."validFrom" <= ${today}::date AND (c."validTo" IS NULL OR c."validTo" >= ${today}::date)
            ORDER BY c."validFrom" DESC LIMIT 1
          ) class_of ON true
          LEFT JOIN "SubjectAssessment" sa
            ON sa."studentId" = m."studentId" AND sa."groupId" = m."groupId" AND sa."termId" = ${term.id}::uuid
          WHERE m."groupId" = ANY(${assessedGroupIds}::uuid[])
            AND m."validFrom" <= ${today}::date AND (m."validTo" IS NULL OR m."validTo" >= ${today}::date)
          GROUP BY class_of."groupId"`
      : Promise.resolve([]),
    ctx.prisma.$queryRaw<DecisionCountRow[]>`
      SELECT class_of."groupId" AS "classId",
             count(*)::int AS decisions,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM "SupportDecisionAcknowledgement" a WHERE a."decisionId" = d.id))::int AS unacknowledged
      FROM "SupportDecision" d
      JOIN "Student" s ON s.id = d."studentId" AND s."schoolId" = ${school.id}::uuid
      LEFT JOIN LATERAL (
        SELECT c."groupId" FROM "GroupMembership" c JOIN "Group" g ON g.id = c."groupId" AND g.kind = 'CLASS'
        WHERE c."studentId" = d."studentId" AND c."validFrom" <= ${today}::date AND (c."validTo" IS NULL OR c."validTo" >= ${today}::date)
        ORDER BY c."validFrom" DESC LIMIT 1
      ) class_of ON true
      GROUP BY class_of."groupId"`,
    schoolGradeWarningRoutine(ctx, school.id),
    ctx.prisma.group.findMany({
      where: { schoolId: school.id, kind: 'CLASS', ...(term ? { schoolYearId: term.schoolYearId } : {}) },
      select: { id: true, name: true },
    }),
  ]);

  const byClass = new Map<string, ClassRoutine>();
  const row = (classId: string | null, className: string | null): ClassRoutine => {
    const key = classId ?? '';
    const existing = byClass.get(key);
    if (existing) return existing;
    const created = { classId, className, ...emptyFigures() };
    byClass.set(key, created);
    return created;
  };
  const names = new Map(classes.map((schoolClass) => [schoolClass.id, schoolClass.name]));
  for (const schoolClass of classes) row(schoolClass.id, schoolClass.name);
  for (const counts of assessmentRows) {
    const target = row(counts.classId, counts.classId ? (names.get(counts.classId) ?? null) : null);
    target.expectedAssessments += counts.expected;
    target.publishedAssessments += counts.published;
  }
  for (const counts of decisionRows) {
    const target = row(counts.classId, counts.classId ? (names.get(counts.classId) ?? null) : null);
    target.supportDecisions += counts.decisions;
    target.unacknowledgedDecisions += counts.unacknowledged;
  }
  for (const counts of warnings.classes) {
    const target = row(counts.classId, counts.className);
    target.openWarnings += counts.open;
    target.warningsWithoutContact += counts.withoutContact;
    target.overdueWarnings += counts.overdue;
  }
  const classRows = [...byClass.values()].sort((a, b) => (a.className ?? '\uffff').localeCompare(b.className ?? '\uffff', 'sv'));
  const totals = emptyFigures();
  for (const classRow of classRows) {
    for (const key of Object.keys(totals) as (keyof RoutineFigures)[]) totals[key] += classRow[key];
  }
  return { schoolId: school.id, schoolName: school.name, term: term ? termRecord(term) : null, ...totals, classes: classRows };
}

/** One school's routine: its principal and the organisation's administrators. */
export async function schoolRoutine(ctx: RequestContext, schoolId: string): Promise<SchoolRoutine> {
  const { school } = await authorizeSchool(ctx, schoolId, 'school:readRoutines');
  return routineOf(ctx, school);
}

/** Every school the viewer follows up, side by side (an administrator: their organisation's; a principal: their own). */
export async function schoolRoutines(ctx: RequestContext): Promise<SchoolRoutine[]> {
  const visible = await accessibleSchools(ctx, 'school:readRoutines');
  return Promise.all(visible.map((school) => routineOf(ctx, school)));
}
