// activities (a subject taught to a group, by its teachers) and calendarEvents (the lessons).
import type { PrismaClient } from '@insyn/db';
import { isoDate } from '../access/viewer.ts';
import { activityId, meta, reference, type ExportScope } from './export-scope.ts';
import { modifiedWhere, page, pageWhere, take, type ListQuery } from './paging.ts';

export async function exportActivities(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  // Every (group, subject) the organisation teaches: from the basic schedule, and from lessons added on their own.
  const pairs = await prisma.$queryRaw<{ groupId: string; subjectId: string; modifiedAt: Date }[]>`
    SELECT DISTINCT p."groupId", p."subjectId", g."modifiedAt"
    FROM (SELECT "groupId", "subjectId" FROM "LessonSeries" UNION SELECT "groupId", "subjectId" FROM "Lesson" WHERE "seriesId" IS NULL) p
    JOIN "Group" g ON g.id = p."groupId"
    JOIN "School" s ON s.id = g."schoolId"
    WHERE s."organisationId" = ${scope.organisationId}::uuid`;
  const chosen = pairs
    .map((pair) => ({ ...pair, id: activityId(pair.groupId, pair.subjectId) }))
    .filter(
      ({ id, modifiedAt }) =>
        (!query.after || id > query.after) &&
        (!query.modifiedAfter || modifiedAt >= query.modifiedAfter) &&
        (!query.modifiedBefore || modifiedAt <= query.modifiedBefore),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .slice(0, query.limit + 1);

  const groupIds = [...new Set(chosen.map((pair) => pair.groupId))];
  const subjectIds = [...new Set(chosen.map((pair) => pair.subjectId))];
  const [groups, subjects, series, teacherDuties] = await Promise.all([
    prisma.group.findMany({
      where: { id: { in: groupIds } },
      select: {
        id: true,
        name: true,
        schoolId: true,
        createdAt: true,
        modifiedAt: true,
        schoolYear: { select: { startDate: true, endDate: true } },
      },
    }),
    prisma.subject.findMany({ where: { id: { in: subjectIds } }, select: { id: true, nameSv: true } }),
    prisma.lessonSeries.findMany({
      where: { groupId: { in: groupIds } },
      select: { groupId: true, subjectId: true, teachers: { select: { staffId: true } } },
    }),
    prisma.staffDuty.findMany({
      where: { kind: 'TEACHER', groupId: { in: groupIds } },
      select: { id: true, staffId: true, groupId: true },
    }),
  ]);
  const groupOf = new Map(groups.map((group) => [group.id, group]));
  const subjectName = new Map(subjects.map((subject) => [subject.id, subject.nameSv]));
  const dutyOf = new Map(teacherDuties.map((duty) => [`${duty.staffId}:${duty.groupId}`, duty.id]));

  return page(
    'activities',
    query,
    chosen.map((pair) => {
      const group = groupOf.get(pair.groupId)!;
      // The teachers with a teaching duty for the group: SS 12000 names a teacher by their duty.
      const staffIds = new Set(
        series
          .filter((one) => one.groupId === pair.groupId && one.subjectId === pair.subjectId)
          .flatMap((one) => one.teachers.map((teacher) => teacher.staffId)),
      );
      const duties = [...staffIds]
        .map((staffId) => dutyOf.get(`${staffId}:${pair.groupId}`))
        .filter((id): id is string => id !== undefined)
        .sort();
      return {
        id: pair.id,
        meta: meta(group.createdAt, group.modifiedAt),
        displayName: `${subjectName.get(pair.subjectId) ?? ''} ${group.name}`.trim(),
        activityType: 'Undervisning',
        startDate: isoDate(group.schoolYear.startDate),
        endDate: isoDate(group.schoolYear.endDate),
        calendarEventsRequired: true,
        groups: [reference(group.id)],
        // the subject's syllabus (see export-syllabuses.ts: a syllabus's id is its subject's)
        syllabus: reference(pair.subjectId),
        teachers: duties.map((duty) => ({ duty: reference(duty) })),
        organisation: reference(group.schoolId),
      };
    }),
  );
}

export async function exportCalendarEvents(prisma: PrismaClient, scope: ExportScope, query: ListQuery) {
  const lessons = await prisma.lesson.findMany({
    where: { group: { school: { organisationId: scope.organisationId } }, ...pageWhere(query), ...modifiedWhere(query) },
    orderBy: { id: 'asc' },
    take: take(query),
    select: { id: true, groupId: true, subjectId: true, startsAt: true, endsAt: true, status: true, createdAt: true, modifiedAt: true },
  });
  return page(
    'calendarEvents',
    query,
    lessons.map((lesson) => {
      const minutes = Math.round((lesson.endsAt.getTime() - lesson.startsAt.getTime()) / 60_000);
      return {
        id: lesson.id,
        meta: meta(lesson.createdAt, lesson.modifiedAt),
        activity: reference(activityId(lesson.groupId, lesson.subjectId)),
        startTime: lesson.startsAt.toISOString(),
        endTime: lesson.endsAt.toISOString(),
        cancelled: lesson.status === 'CANCELLED',
        teachingLengthStudent: minutes,
        teachingLengthTeacher: minutes,
      };
    }),
  );
}
