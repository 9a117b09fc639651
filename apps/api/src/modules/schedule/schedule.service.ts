import { isValidIsoWeek, schoolDaysOfIsoWeek, type IsoWeek } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { badInput } from '../../errors.ts';
import { authorizeStudent } from '../access/access.service.ts';
import { isoDate, requireStaffViewer } from '../access/viewer.ts';

const lessonInclude = {
  subject: { select: { code: true, nameSv: true, nameEn: true } },
  group: { select: { name: true } },
  teachers: { include: { staff: { select: { id: true, firstName: true, lastName: true, signature: true } } } },
} satisfies Prisma.LessonInclude;

export type ScheduleLessonRecord = Prisma.LessonGetPayload<{ include: typeof lessonInclude }>;

export interface ScheduleDayRecord {
  date: string;
  weekday: number;
  lessons: ScheduleLessonRecord[];
}

export interface WeekSchedule {
  isoYear: number;
  isoWeek: number;
  days: ScheduleDayRecord[];
}

function weekDates(week: IsoWeek): { dates: string[]; from: Date; to: Date } {
  if (!isValidIsoWeek(week)) throw badInput(`No such week: ${week.isoYear}-W${week.isoWeek}`, 'week');
  const dates = schoolDaysOfIsoWeek(week);
  return { dates, from: new Date(`${dates[0]}T00:00:00Z`), to: new Date(`${dates[4]}T00:00:00Z`) };
}

function toWeek(week: IsoWeek, dates: string[], lessons: ScheduleLessonRecord[]): WeekSchedule {
  return {
    ...week,
    days: dates.map((date, index) => ({
      date,
      weekday: index + 1,
      lessons: lessons.filter((lesson) => isoDate(lesson.date) === date),
    })),
  };
}

/** A student's lessons in a week: the lessons of the groups they belonged to on each lesson's date. */
export async function studentWeekSchedule(ctx: RequestContext, studentId: string, week: IsoWeek): Promise<WeekSchedule> {
  await authorizeStudent(ctx, studentId, 'student:readSchedule');
  const { dates, from, to } = weekDates(week);
  const memberships = await ctx.prisma.groupMembership.findMany({
    where: { studentId, validFrom: { lte: to }, OR: [{ validTo: null }, { validTo: { gte: from } }] },
    select: { groupId: true, validFrom: true, validTo: true },
  });
  const lessons = await ctx.prisma.lesson.findMany({
    where: { groupId: { in: [...new Set(memberships.map((m) => m.groupId))] }, date: { gte: from, lte: to } },
    include: lessonInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const member = (lesson: ScheduleLessonRecord) =>
    memberships.some((m) => m.groupId === lesson.groupId && m.validFrom <= lesson.date && (m.validTo === null || m.validTo >= lesson.date));
  return toWeek(week, dates, lessons.filter(member));
}

/** The lessons a staff member teaches in a week. */
export async function myTeachingWeekSchedule(ctx: RequestContext, week: IsoWeek): Promise<WeekSchedule> {
  const viewer = await requireStaffViewer(ctx);
  const { dates, from, to } = weekDates(week);
  const lessons = await ctx.prisma.lesson.findMany({
    where: { teachers: { some: { staffId: viewer.facts.staffId } }, date: { gte: from, lte: to } },
    include: lessonInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  return toWeek(week, dates, lessons);
}
