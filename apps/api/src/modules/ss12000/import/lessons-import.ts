// The source's calendar events as lessons: each event of an activity is a lesson of each of the activity's groups,
// of its subject (the syllabus, else the teaching group's own), taught by its teachers (when it is added: who
// teaches a lesson, a substitute say, is Insyn's to keep). A lesson is found again by
// its link, else by its group and start (a lesson Insyn's own basic schedule made), so an event changes it rather
// than adding a second. An event gone from the source removes its lesson only while that has no history: not held
// yet, no roll call taken; any other lesson stays as it was.
import { randomUUID } from 'node:crypto';
import { schoolDateOf } from '@insyn/domain';
import type { Prisma } from '@insyn/db';
import { dateValue } from '../../access/validity.ts';
import { recordChanges } from '../../administration/administration.changes.ts';
import type { ActivityIds, ImportedGroup } from './groups-import.ts';
import { allLinks, link, linksOf, records, type SourceRead, type WriteContext } from './import-records.ts';
import { sourceCalendarEvent, type SourceDuty } from './source-records.ts';

interface LessonSources {
  activities: Map<string, ActivityIds>;
  groups: Map<string, ImportedGroup>;
  subjects: Map<string, string>;
  duties: SourceDuty[];
}

/** A lesson as the source has it, before it is compared with Insyn's. */
interface WantedLesson {
  key: string;
  eventId: string;
  groupId: string;
  groupName: string;
  subjectId: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  teacherIds: string[];
}

const label = (lesson: { groupName: string; startsAt: Date }) =>
  `${lesson.groupName} ${lesson.startsAt.toISOString().slice(0, 16).replace('T', ' ')}`;

export async function importLessons(ctx: WriteContext, read: SourceRead, sources: LessonSources): Promise<void> {
  const { tally } = read;
  const staffLinks = await allLinks(ctx, 'STAFF');
  const staffOfDuty = new Map(
    sources.duties
      .map((duty) => [duty.id, staffLinks.get(duty.person.id)])
      .filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
  const groupSubjects = new Map(
    (
      await ctx.prisma.group.findMany({
        where: { id: { in: [...sources.groups.values()].map((group) => group.id) } },
        select: { id: true, subjectId: true },
      })
    ).map((group) => [group.id, group.subjectId]),
  );
  const seen = new Set<string>();
  const optional = { offered: true };
  for await (const page of records(read, 'calendarEvents', sourceCalendarEvent, new Set(), { optional, changedOnly: true })) {
    const wanted: WantedLesson[] = [];
    for (const event of page) {
      const activity = sources.activities.get(event.activity.id);
      const startsAt = new Date(event.startTime);
      const endsAt = new Date(event.endTime);
      if (!activity) {
        tally.problem({ endpoint: 'calendarEvents', sourceId: event.id, code: 'UNKNOWN_ACTIVITY', field: 'activity' });
        continue;
      }
      if (endsAt <= startsAt || schoolDateOf(endsAt) !== schoolDateOf(startsAt)) {
        tally.problem({ endpoint: 'calendarEvents', sourceId: event.id, code: 'ENDS_BEFORE_START', field: 'endTime' });
        continue;
      }
      const teacherIds = [
        ...new Set(activity.teacherDuties.map((duty) => staffOfDuty.get(duty)).filter((id): id is string => id !== undefined)),
      ].sort();
      // An activity may name groups Insyn does not keep (a schedule group): the lesson is its Insyn groups'.
      for (const groupSourceId of activity.groups) {
        const group = sources.groups.get(groupSourceId);
        if (!group) continue;
        const subjectId = (activity.syllabus ? sources.subjects.get(activity.syllabus) : undefined) ?? groupSubjects.get(group.id) ?? null;
        if (!subjectId) {
          tally.problem({ endpoint: 'calendarEvents', sourceId: event.id, code: 'NO_SUBJECT', field: 'activity' });
          continue;
        }
        const key = `${event.id}:${groupSourceId}`;
        seen.add(key);
        wanted.push({
          key,
          eventId: event.id,
          groupId: group.id,
          groupName: group.name,
          subjectId,
          startsAt,
          endsAt,
          cancelled: event.cancelled === true,
          teacherIds,
        });
      }
    }
    await placeLessons(ctx, read, wanted);
  }
  // A source that does not offer its calendar events has said nothing of the lessons: they stay.
  if (optional.offered) await removeGoneLessons(ctx, read, seen);
  // A term's lessons are thousands: audited as one change, as generating them from the basic schedule is.
  const { added, changed, ended } = tally.counts.lessons;
  if (added + changed + ended > 0)
    await recordChanges(ctx, [
      {
        entity: 'lesson',
        kind: 'generated',
        entityId: ctx.organisationId,
        before: null,
        after: { source: 'SS 12000', added, changed, removed: ended },
      },
    ]);
}

async function placeLessons(ctx: WriteContext, read: SourceRead, wanted: WantedLesson[]) {
  const { tally } = read;
  if (wanted.length === 0) return;
  const linked = await linksOf(
    ctx,
    'LESSON',
    wanted.map((lesson) => lesson.key),
  );
  const existing = await ctx.prisma.lesson.findMany({
    where: {
      OR: [
        { id: { in: [...linked.values()] } },
        {
          groupId: { in: [...new Set(wanted.map((lesson) => lesson.groupId))] },
          startsAt: { in: [...new Set(wanted.map((lesson) => lesson.startsAt))] },
        },
      ],
    },
  });
  const linkedIds = new Set(
    (
      await ctx.prisma.ss12000Link.findMany({
        where: { organisationId: ctx.organisationId, kind: 'LESSON', insynId: { in: existing.map((lesson) => lesson.id) } },
        select: { insynId: true },
      })
    ).map((one) => one.insynId),
  );
  const creates: Prisma.LessonCreateManyInput[] = [];
  const teacherRows: Prisma.LessonTeacherCreateManyInput[] = [];
  const newLinks: { sourceId: string; insynId: string }[] = [];
  for (const lesson of wanted) {
    const linkedId = linked.get(lesson.key);
    const found =
      existing.find((one) => one.id === linkedId) ??
      existing.find(
        (one) => !linkedIds.has(one.id) && one.groupId === lesson.groupId && one.startsAt.getTime() === lesson.startsAt.getTime(),
      );
    const fields = {
      groupId: lesson.groupId,
      subjectId: lesson.subjectId,
      date: dateValue(schoolDateOf(lesson.startsAt)),
      startsAt: lesson.startsAt,
      endsAt: lesson.endsAt,
      status: lesson.cancelled ? ('CANCELLED' as const) : ('SCHEDULED' as const),
    };
    if (!found) {
      const id = randomUUID();
      creates.push({ id, ...fields });
      for (const staffId of lesson.teacherIds) teacherRows.push({ lessonId: id, staffId });
      newLinks.push({ sourceId: lesson.key, insynId: id });
      tally.added('lessons', lesson.eventId, label(lesson));
      continue;
    }
    if (!linkedId) {
      newLinks.push({ sourceId: lesson.key, insynId: found.id });
      linkedIds.add(found.id);
    }
    // A lesson changed in Insyn (moved, another room, a substitute, cancelled with a reason) keeps the change.
    if (found.originalStartsAt !== null || found.changeNote !== null) {
      tally.unchanged('lessons');
      continue;
    }
    const before = {
      subjectId: found.subjectId,
      startsAt: found.startsAt.getTime(),
      endsAt: found.endsAt.getTime(),
      status: found.status,
    };
    const after = {
      subjectId: fields.subjectId,
      startsAt: fields.startsAt.getTime(),
      endsAt: fields.endsAt.getTime(),
      status: fields.status,
    };
    const differ = (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]);
    if (differ.length === 0) {
      tally.unchanged('lessons');
      continue;
    }
    await ctx.prisma.lesson.update({
      where: { id: found.id },
      data: {
        subjectId: fields.subjectId,
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        date: fields.date,
        status: fields.status,
      },
    });
    tally.changed('lessons', lesson.eventId, label(lesson), differ);
  }
  if (creates.length > 0) await ctx.prisma.lesson.createMany({ data: creates });
  if (teacherRows.length > 0) await ctx.prisma.lessonTeacher.createMany({ data: teacherRows });
  await link(ctx, 'LESSON', newLinks);
}

/** Lessons whose event has gone: removed while not held and without a roll call; kept otherwise. */
async function removeGoneLessons(ctx: WriteContext, read: SourceRead, seen: Set<string>) {
  // A later run learns of a lesson's end from the deletion of its event or of its group (the key is "<event>:<group>").
  const deletedEvents = read.deleted.get('calendarEvents') ?? new Set<string>();
  const deletedGroups = read.deleted.get('groups') ?? new Set<string>();
  const gone = [...(await allLinks(ctx, 'LESSON'))].filter(([key]) => {
    const [eventId = '', groupId = ''] = key.split(':');
    return read.changedAfter ? deletedEvents.has(eventId) || deletedGroups.has(groupId) : !seen.has(key);
  });
  for (let start = 0; start < gone.length; start += 1000) {
    const chunk = gone.slice(start, start + 1000);
    const lessons = await ctx.prisma.lesson.findMany({
      where: {
        id: { in: chunk.map(([, id]) => id) },
        date: { gte: dateValue(ctx.today) },
        attendanceTakenAt: null,
        attendances: { none: {} },
      },
      include: { group: { select: { name: true } } },
    });
    if (lessons.length === 0) continue;
    const ids = lessons.map((lesson) => lesson.id);
    await ctx.prisma.lessonTeacher.deleteMany({ where: { lessonId: { in: ids } } });
    await ctx.prisma.ss12000Link.deleteMany({ where: { organisationId: ctx.organisationId, kind: 'LESSON', insynId: { in: ids } } });
    await ctx.prisma.lesson.deleteMany({ where: { id: { in: ids } } });
    const keyOf = new Map(chunk.map(([key, id]) => [id, key]));
    for (const lesson of lessons)
      read.tally.ended('lessons', keyOf.get(lesson.id)!.split(':')[0]!, label({ groupName: lesson.group.name, startsAt: lesson.startsAt }));
  }
}
