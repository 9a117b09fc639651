import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { AssessmentProblem } from '@insyn/domain';
import { errorProblems, hasErrorCode, isConnectionError } from '../../lib/graphql-errors';

const PROBLEMS: readonly string[] = [
  'NOT_A_TEACHING_GROUP',
  'GROUP_WITHOUT_SUBJECT',
  'NO_GRADE_SCALE',
  'TITLE_REQUIRED',
  'TITLE_TOO_LONG',
  'DESCRIPTION_TOO_LONG',
  'INVALID_DATE',
  'DATE_OUTSIDE_SCHOOL_YEAR',
  'GRADE_OUTSIDE_SCALE',
  'GRADE_REQUIRED',
  'GRADE_OR_COMMENT_REQUIRED',
  'COMMENT_TOO_LONG',
  'NOT_IN_GROUP',
  'DUPLICATE_STUDENT',
  'NOT_YOUR_DRAFT',
  'NOT_AUTHOR',
  'NOTHING_TO_PUBLISH',
  'ALREADY_PUBLISHED',
] satisfies AssessmentProblem[];

export const isAssessmentProblem = (value: unknown): value is AssessmentProblem => typeof value === 'string' && PROBLEMS.includes(value);

/** Not the input's fault: the API could not be reached, refused (NOT_FOUND: the viewer may not act), or failed. */
export type Failure = 'unreachable' | 'gone' | 'failed';

export interface Outcome {
  /** problems of the whole form */
  problems: AssessmentProblem[];
  /** problems of each row of a table, by student id */
  rows: Map<string, AssessmentProblem[]>;
  failure: Failure | null;
}

/** The `extensions.rows` of a refused table: `[{ studentId, problems }]`. */
function rowProblemsOf(error: unknown): Map<string, AssessmentProblem[]> {
  const rows = new Map<string, AssessmentProblem[]>();
  if (!CombinedGraphQLErrors.is(error)) return rows;
  for (const item of error.errors) {
    const listed: unknown = item.extensions?.rows;
    if (!Array.isArray(listed)) continue;
    for (const row of listed as unknown[]) {
      if (typeof row !== 'object' || row === null || !('studentId' in row) || !('problems' in row)) continue;
      const { studentId, problems } = row;
      if (typeof studentId === 'string' && Array.isArray(problems)) rows.set(studentId, problems.filter(isAssessmentProblem));
    }
  }
  return rows;
}

/** What went wrong with a mutation: problems for the form or its rows, or a failure for the whole of it. */
export function outcomeOf(error: unknown): Outcome {
  const rows = rowProblemsOf(error);
  const problems = rows.size > 0 ? [] : errorProblems(error).filter(isAssessmentProblem);
  if (rows.size > 0 || problems.length > 0) return { problems, rows, failure: null };
  if (hasErrorCode(error, 'NOT_FOUND')) return { problems, rows, failure: 'gone' };
  return { problems, rows, failure: isConnectionError(error) ? 'unreachable' : 'failed' };
}
