import type { Resolvers } from '../../generated/graphql.ts';
import { lessonFields } from '../schedule/lesson-fields.ts';
import { classDay, getRollCall, myLessons, rollCallOverdue, rollCallState, saveRollCall, setAbsenceReason } from './attendance.service.ts';

export const attendanceResolvers: Resolvers = {
  Query: {
    myLessons: (_parent, args, ctx) => myLessons(ctx, args.date),
    rollCall: (_parent, args, ctx) => getRollCall(ctx, args.lessonId),
    classDay: (_parent, args, ctx) => classDay(ctx, args.classId, args.date),
  },
  Mutation: {
    saveRollCall: (_parent, args, ctx) => saveRollCall(ctx, args.input),
    setAbsenceReason: (_parent, args, ctx) => setAbsenceReason(ctx, args.input),
  },
  SaveRollCallResult: {
    rollCall: (result, _args, ctx) => getRollCall(ctx, result.lessonId),
  },
  TeacherLesson: {
    ...lessonFields,
    rollCallState: (lesson) => rollCallState(lesson),
    rollCallOverdue: (lesson, _args, ctx) => rollCallOverdue(lesson, ctx.now),
  },
  AttendanceChange: {
    changedAt: (change) => change.changedAt.toISOString(),
    takenOfflineAt: (change) => change.takenOfflineAt?.toISOString() ?? null,
  },
};
