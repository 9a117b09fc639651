// Schools of the administrator's organisation and their settings: every read and change through
// requireAdministration / administeredRecord, every change audited with before and after.
import { Prisma } from '@insyn/db';
import { checkSchoolDetails, checkSchoolSettings, type SchoolDetails, type SchoolSettings } from '@insyn/domain';
import type { RequestContext } from '../../../context.ts';
import { administeredRecord, requireAdministration } from '../administration.access.ts';
import { recordChange, type RecordSnapshot } from '../administration.changes.ts';
import { refuse, refuseIfAny } from '../administration.problems.ts';
import { pageOf } from '../administration.service.ts';

export type SchoolSortField = 'NAME' | 'UNIT_CODE' | 'FORM' | 'STUDENT_COUNT';

const schoolSelect = {
  id: true,
  organisationId: true,
  name: true,
  unitCode: true,
  form: true,
  mentorLeaveDayLimit: true,
  sickReportDaysBack: true,
  absenceWarningPercent: true,
  absenceAlarmPercent: true,
  csnThresholdMinutes: true,
  gradeWarningContactDays: true,
  quietHoursFrom: true,
  quietHoursUntil: true,
  _count: { select: { students: true } },
} satisfies Prisma.SchoolSelect;
type SchoolRow = Prisma.SchoolGetPayload<{ select: typeof schoolSelect }>;

export interface AdministeredSchoolRecord extends SchoolDetails {
  id: string;
  studentCount: number;
  settings: SchoolSettings;
}

const settingsOf = (row: SchoolRow): SchoolSettings => ({
  mentorLeaveDayLimit: row.mentorLeaveDayLimit,
  sickReportDaysBack: row.sickReportDaysBack,
  absenceWarningPercent: row.absenceWarningPercent,
  absenceAlarmPercent: row.absenceAlarmPercent,
  csnThresholdMinutes: row.csnThresholdMinutes,
  gradeWarningContactDays: row.gradeWarningContactDays,
  quietHoursFrom: row.quietHoursFrom,
  quietHoursUntil: row.quietHoursUntil,
});

const schoolRecord = (row: SchoolRow): AdministeredSchoolRecord => ({
  id: row.id,
  name: row.name,
  unitCode: row.unitCode,
  form: row.form,
  studentCount: row._count.students,
  settings: settingsOf(row),
});

/** What the audit keeps of a school: its details and settings, not the derived student count. */
const snapshot = (row: SchoolRow): RecordSnapshot => ({ name: row.name, unitCode: row.unitCode, form: row.form, ...settingsOf(row) });

const loadSchool = (ctx: RequestContext) => (id: string) => ctx.prisma.school.findUnique({ where: { id }, select: schoolSelect });

const SORTS: Record<SchoolSortField, (direction: Prisma.SortOrder) => Prisma.SchoolOrderByWithRelationInput> = {
  NAME: (direction) => ({ name: direction }),
  UNIT_CODE: (direction) => ({ unitCode: direction }),
  FORM: (direction) => ({ form: direction }),
  STUDENT_COUNT: (direction) => ({ students: { _count: direction } }),
};

export async function administeredSchools(
  ctx: RequestContext,
  args: {
    search?: string | null;
    sort?: { field: SchoolSortField; direction: 'ASC' | 'DESC' } | null;
    page?: { offset?: number | null; limit?: number | null } | null;
  },
) {
  const { organisationId } = await requireAdministration(ctx);
  const { skip, take } = pageOf(args.page);
  const search = args.search?.trim();
  const where: Prisma.SchoolWhereInput = {
    organisationId,
    ...(search
      ? { OR: [{ name: { contains: search, mode: 'insensitive' } }, { unitCode: { contains: search.replace(/\s+/g, '') } }] }
      : {}),
  };
  const sort = args.sort ?? { field: 'NAME', direction: 'ASC' };
  const direction = sort.direction === 'DESC' ? 'desc' : 'asc';
  const [rows, total] = await Promise.all([
    // The id last, so that equal names or counts keep one order from page to page.
    ctx.prisma.school.findMany({ where, select: schoolSelect, orderBy: [SORTS[sort.field](direction), { id: 'asc' }], skip, take }),
    ctx.prisma.school.count({ where }),
  ]);
  return { items: rows.map(schoolRecord), pageInfo: { offset: skip, limit: take, total } };
}

export async function administeredSchool(ctx: RequestContext, id: string): Promise<AdministeredSchoolRecord> {
  const { record } = await administeredRecord(ctx, 'School', id, loadSchool(ctx));
  return schoolRecord(record);
}

function checkedDetails(input: SchoolDetails): SchoolDetails {
  const checked = checkSchoolDetails(input);
  if (!checked.ok) throw refuse(checked.problems);
  return checked.value;
}

const duplicateUnitCode = refuse([{ field: 'unitCode', code: 'DUPLICATE' }]);

/** Skolverket's codes are national: a code already used, in any organisation, is the same school entered twice. */
async function refuseTakenUnitCode(ctx: RequestContext, unitCode: string, exceptId?: string): Promise<void> {
  const taken = await ctx.prisma.school.findFirst({
    where: { unitCode, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw duplicateUnitCode;
}

/** A school made or renamed at the same moment with the same code: the unique index decides, and says so per field. */
async function unlessDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw duplicateUnitCode;
    throw error;
  }
}

export async function createSchool(ctx: RequestContext, input: SchoolDetails): Promise<AdministeredSchoolRecord> {
  const { organisationId } = await requireAdministration(ctx);
  const details = checkedDetails(input);
  await refuseTakenUnitCode(ctx, details.unitCode);
  const row = await unlessDuplicate(() =>
    ctx.prisma.$transaction(async (tx) => {
      const created = await tx.school.create({ data: { organisationId, ...details }, select: schoolSelect });
      await recordChange(
        { ...ctx, prisma: tx },
        { entity: 'school', kind: 'created', entityId: created.id, before: null, after: snapshot(created) },
      );
      return created;
    }),
  );
  return schoolRecord(row);
}

export async function updateSchool(ctx: RequestContext, id: string, input: SchoolDetails): Promise<AdministeredSchoolRecord> {
  const { record } = await administeredRecord(ctx, 'School', id, loadSchool(ctx));
  const details = checkedDetails(input);
  if (details.unitCode !== record.unitCode) await refuseTakenUnitCode(ctx, details.unitCode, id);
  const row = await unlessDuplicate(() =>
    ctx.prisma.$transaction(async (tx) => {
      const updated = await tx.school.update({ where: { id }, data: details, select: schoolSelect });
      await recordChange(
        { ...ctx, prisma: tx },
        { entity: 'school', kind: 'updated', entityId: id, before: snapshot(record), after: snapshot(updated) },
      );
      return updated;
    }),
  );
  return schoolRecord(row);
}

/** The settings as sent; quiet hours left out (a client from before they existed) stay as they are. */
export type SchoolSettingsInput = Omit<SchoolSettings, 'quietHoursFrom' | 'quietHoursUntil'> &
  Partial<Record<'quietHoursFrom' | 'quietHoursUntil', number | null>>;

export async function updateSchoolSettings(ctx: RequestContext, id: string, input: SchoolSettingsInput): Promise<AdministeredSchoolRecord> {
  const { record } = await administeredRecord(ctx, 'School', id, loadSchool(ctx));
  const settings: SchoolSettings = {
    mentorLeaveDayLimit: input.mentorLeaveDayLimit,
    sickReportDaysBack: input.sickReportDaysBack,
    absenceWarningPercent: input.absenceWarningPercent,
    absenceAlarmPercent: input.absenceAlarmPercent,
    csnThresholdMinutes: input.csnThresholdMinutes,
    gradeWarningContactDays: input.gradeWarningContactDays,
    quietHoursFrom: input.quietHoursFrom ?? record.quietHoursFrom,
    quietHoursUntil: input.quietHoursUntil ?? record.quietHoursUntil,
  };
  refuseIfAny(checkSchoolSettings(settings));
  const row = await ctx.prisma.$transaction(async (tx) => {
    const updated = await tx.school.update({ where: { id }, data: settings, select: schoolSelect });
    await recordChange(
      { ...ctx, prisma: tx },
      { entity: 'school', kind: 'updated', entityId: id, before: snapshot(record), after: snapshot(updated) },
    );
    return updated;
  });
  // The statistics' thresholds, held by the process.
  ctx.referenceData.forget();
  return schoolRecord(row);
}
