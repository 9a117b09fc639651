import type { Resolvers } from '../../generated/graphql.ts';
import { isoDate, requireViewer } from '../access/viewer.ts';
import { myTeachingWeekSchedule, studentWeekSchedule } from './schedule.service.ts';

export const scheduleResolvers: Resolvers = {
  Query: {
    studentWeekSchedule: (_parent, args, ctx) => studentWeekSchedule(ctx, args.studentId, args.week),
    myTeachingWeekSchedule: (_parent, args, ctx) => myTeachingWeekSchedule(ctx, args.week),
  },
  ScheduleLesson: {
    date: (lesson) => isoDate(lesson.date),
    startsAt: (lesson) => lesson.startsAt.toISOString(),
    endsAt: (lesson) => lesson.endsAt.toISOString(),
    subjectCode: (lesson) => lesson.subject.code,
    subjectName: async (lesson, args, ctx) => {
      const locale = args.locale ?? (await requireViewer(ctx)).locale;
      return locale === 'en' ? lesson.subject.nameEn : lesson.subject.nameSv;
    },
    groupName: (lesson) => lesson.group.name,
    teachers: (lesson) =>
      lesson.teachers.map(({ staff }) => ({ id: staff.id, name: `${staff.firstName} ${staff.lastName}`, signature: staff.signature })),
    changed: (lesson) => lesson.originalStartsAt !== null || lesson.originalRoom !== null,
    originalStartsAt: (lesson) => lesson.originalStartsAt?.toISOString() ?? null,
  },
};
