import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorExtension, errorProblems } from '../../../lib/graphql-errors';

/** What keeps a group, subject or course from being deleted, as the API names it in `usedBy`. */
const USES = [
  'ROLL_CALLS',
  'CLASS_ATTENDANCE',
  'LESSONS',
  'LESSON_SERIES',
  'GROUPS',
  'COURSES',
  'ASSESSMENT_TASKS',
  'SUBJECT_ASSESSMENTS',
  'GRADE_WARNINGS',
  'NEWS_POSTS',
  'DEVELOPMENT_PLANS',
  'STUDY_PLANS',
  'ABSENCE_STATISTICS',
  'SS12000_LINKS',
] as const;

type Use = (typeof USES)[number];

const isUse = (value: unknown): value is Use => USES.some((use) => use === value);

/** The uses the API named that this app knows, with how many of each. */
function usesOf(usedBy: unknown): { kind: Use; count: number }[] {
  if (!Array.isArray(usedBy)) return [];
  return usedBy.flatMap((use: unknown) => {
    if (typeof use !== 'object' || use === null || !('kind' in use) || !('count' in use)) return [];
    const { kind, count } = use;
    return isUse(kind) && typeof count === 'number' ? [{ kind, count }] : [];
  });
}

const refusedFor = (error: unknown, code: string) =>
  errorProblems(error).some(
    (problem) =>
      typeof problem === 'object' &&
      problem !== null &&
      'field' in problem &&
      'code' in problem &&
      problem.field === 'id' &&
      problem.code === code,
  );

/**
 * The words of a refused deletion of a group, subject or course: what it is used by (IN_USE), or the class's
 * students today (HAS_STUDENTS); null for any other error.
 */
export function useDeletionRefusal(record: 'group' | 'subject' | 'course') {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (error: unknown): string | null => {
      if (refusedFor(error, 'HAS_STUDENTS')) {
        const count = errorExtension(error, 'BAD_USER_INPUT', 'currentStudents');
        return t('administration.groups.deletion.hasStudents', { count: typeof count === 'number' ? count : 0 });
      }
      if (!refusedFor(error, 'IN_USE')) return null;
      const uses = usesOf(errorExtension(error, 'BAD_USER_INPUT', 'usedBy'));
      if (uses.length === 0) return t('administration.groups.deletion.inUse');
      const list = new Intl.ListFormat(language, { type: 'conjunction' });
      return t(`administration.groups.deletion.usedBy.${record}`, {
        uses: list.format(uses.map((use) => t(`administration.groups.deletion.uses.${use.kind}`, { count: use.count }))),
      });
    },
    [t, language, record],
  );
}
