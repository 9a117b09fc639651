import type { RequestContext } from '../../context.ts';
import { isoDate, requireViewer } from '../access/viewer.ts';

interface LessonRecord {
  date: Date;
  startsAt: Date;
  endsAt: Date;
  subject: { code: string; nameSv: string; nameEn: string };
  group: { name: string };
}

/** Field resolvers every lesson type shares (schedule and roll call): dates as strings, names in a language. */
export const lessonFields = {
  date: (lesson: LessonRecord) => isoDate(lesson.date),
  startsAt: (lesson: LessonRecord) => lesson.startsAt.toISOString(),
  endsAt: (lesson: LessonRecord) => lesson.endsAt.toISOString(),
  subjectCode: (lesson: LessonRecord) => lesson.subject.code,
  subjectName: async (lesson: LessonRecord, args: { locale?: 'sv' | 'en' | null }, ctx: RequestContext) => {
    const locale = args.locale ?? (await requireViewer(ctx)).locale;
    return locale === 'en' ? lesson.subject.nameEn : lesson.subject.nameSv;
  },
  groupName: (lesson: LessonRecord) => lesson.group.name,
};
