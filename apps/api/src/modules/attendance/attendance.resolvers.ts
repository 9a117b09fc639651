import type { Resolvers } from '../../generated/graphql.ts';
import { isoDate, requireViewer } from '../access/viewer.ts';
import { classDay, getRollCall, myLessons, rollCallOverdue, rollCallState, saveRollCall } from './attendance.service.ts';

export const attendanceResolvers: Resolvers = {
  Query: {
    myLessons: (_parent, args, ctx) => myLessons(ctx, args.date),
    rollCall: (_parent, args, ctx) => getRollCall(ctx, args.lessonId),
    classDay: (_parent, args, ctx) => classDay(ctx, args.classId, args.date),
  },
  Mutation: {
    saveRollCall: (_parent, args, ctx) => saveRollCall(ctx, args.input),
  },
  SaveRollCallResult: {
    rollCall: (result, _args, ctx) => getRollCall(ctx, result.lessonId),
  },
  TeacherLesson: {
    date: (lesson) => isoDate(lesson.date),
    startsAt: (lesson) => lesson.startsAt.toISOString(),
    endsAt: (lesson) => lesson.endsAt.toISOString(),
    subjectCode: (lesson) => lesson.subject.code,
    subjectName: async (lesson, args, ctx) => {
      const locale = args.locale ?? (await requireViewer(ctx)).locale;
      return locale === 'en' ? lesson.subject.nameEn : lesson.subject.nameSv;
    },
    groupName: (lesson) => lesson.group.name,
    rollCallState: (lesson) => rollCallState(lesson),
    rollCallOverdue: (lesson, _args, ctx) => rollCallOverdue(lesson, ctx.now),
  },
  AttendanceChange: {
    changedAt: (change) => change.changedAt.toISOString(),
  },
};
