import type { Resolvers } from '../../generated/graphql.ts';
import { lessonFields } from './lesson-fields.ts';
import { myTeachingWeekSchedule, studentWeekSchedule } from './schedule.service.ts';

export const scheduleResolvers: Resolvers = {
  Query: {
    studentWeekSchedule: (_parent, args, ctx) => studentWeekSchedule(ctx, args.studentId, args.week),
    myTeachingWeekSchedule: (_parent, args, ctx) => myTeachingWeekSchedule(ctx, args.week),
  },
  ScheduleLesson: {
    ...lessonFields,
    teachers: (lesson) =>
      lesson.teachers.map(({ staff }) => ({ id: staff.id, name: `${staff.firstName} ${staff.lastName}`, signature: staff.signature })),
    // A note alone marks a change too: a substitute teacher keeps time and room.
    changed: (lesson) => lesson.originalStartsAt !== null || lesson.originalRoom !== null || lesson.changeNote !== null,
    originalStartsAt: (lesson) => lesson.originalStartsAt?.toISOString() ?? null,
  },
};
