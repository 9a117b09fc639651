import { formatClockTime } from '@insyn/domain';
import type { Resolvers } from '../../../generated/graphql.ts';
import { isoDate, requireViewer } from '../../access/viewer.ts';
import type { RequestContext } from '../../../context.ts';
import {
  administeredLesson,
  cancelLesson,
  changeLesson,
  createLessonSeries,
  endLessonSeries,
  generateTermLessons,
  lessonSeriesList,
  restoreLesson,
  scheduleGroupLessons,
  scheduleOptions,
  startTimeOf,
  teacherOf,
  updateLessonSeries,
} from './schedule.service.ts';

const subjectName = async (subject: { nameSv: string; nameEn: string }, locale: 'sv' | 'en' | null | undefined, ctx: RequestContext) =>
  (locale ?? (await requireViewer(ctx)).locale) === 'en' ? subject.nameEn : subject.nameSv;

export const adminScheduleResolvers: Resolvers = {
  Query: {
    scheduleOptions: (_parent, args, ctx) => scheduleOptions(ctx, args.schoolId, args.termId),
    lessonSeriesList: (_parent, args, ctx) => lessonSeriesList(ctx, args),
    scheduleGroupLessons: (_parent, args, ctx) => scheduleGroupLessons(ctx, args.groupId, args.week),
    administeredLesson: (_parent, args, ctx) => administeredLesson(ctx, args.id),
  },
  Mutation: {
    createLessonSeries: (_parent, args, ctx) => createLessonSeries(ctx, args.termId, args.input),
    updateLessonSeries: (_parent, args, ctx) => updateLessonSeries(ctx, args.id, args.input),
    endLessonSeries: (_parent, args, ctx) => endLessonSeries(ctx, args.id, args.lastDate),
    generateTermLessons: (_parent, args, ctx) => generateTermLessons(ctx, args.termId, args.schoolId, args.from),
    cancelLesson: (_parent, args, ctx) => cancelLesson(ctx, args.id, args.reason),
    restoreLesson: (_parent, args, ctx) => restoreLesson(ctx, args.id),
    changeLesson: (_parent, args, ctx) => changeLesson(ctx, args.id, args.input),
  },
  ScheduleTermOption: {
    schoolYear: (term) => term.schoolYear.name,
    startDate: (term) => isoDate(term.startDate),
    endDate: (term) => isoDate(term.endDate),
  },
  ScheduleBreak: {
    startDate: (item) => isoDate(item.startDate),
    endDate: (item) => isoDate(item.endDate),
  },
  ScheduleSubjectOption: {
    name: (subject, args, ctx) => subjectName(subject, args.locale, ctx),
  },
  AdminLessonSeries: {
    groupName: (series) => series.group.name,
    subjectName: (series, args, ctx) => subjectName(series.subject, args.locale, ctx),
    startTime: (series) => formatClockTime(series.startMinute),
    endTime: (series) => formatClockTime(series.startMinute + series.durationMinutes),
    teachers: (series) => series.teachers.map(({ staff }) => teacherOf(staff)),
    validFrom: (series) => isoDate(series.validFrom),
    validTo: (series) => isoDate(series.validTo),
    lessonCount: (series) => series._count.lessons,
  },
  AdminLesson: {
    groupName: (lesson) => lesson.group.name,
    subjectName: (lesson, args, ctx) => subjectName(lesson.subject, args.locale, ctx),
    date: (lesson) => isoDate(lesson.date),
    startsAt: (lesson) => lesson.startsAt.toISOString(),
    endsAt: (lesson) => lesson.endsAt.toISOString(),
    startTime: (lesson) => startTimeOf(lesson.startsAt),
    durationMinutes: (lesson) => Math.round((lesson.endsAt.getTime() - lesson.startsAt.getTime()) / 60_000),
    originalStartsAt: (lesson) => lesson.originalStartsAt?.toISOString() ?? null,
    teachers: (lesson) => lesson.teachers.map(({ staff }) => teacherOf(staff)),
    attendanceTaken: (lesson) => lesson.attendanceTakenAt !== null || lesson._count.attendances > 0,
    schoolId: (lesson) => lesson.group.schoolId,
  },
};
