import { errorProblems } from '../../../lib/graphql-errors';

/** Every code the groups, memberships, subjects and courses API answers at a field (and the forms check first). */
export const PROBLEM_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'OUT_OF_RANGE',
  'NOT_FOR_KIND',
  'DUPLICATE',
  'OTHER_SUBJECT',
  'INVALID_CODE',
  'INVALID_DATE',
  'ENDS_BEFORE_START',
  'OUTSIDE_SCHOOL_YEAR',
  'OVERLAPS',
  'IN_ANOTHER_CLASS',
  'OTHER_SCHOOL',
  'OTHER_SCHOOL_YEAR',
  'NOT_AFTER_START',
  'AFTER_END',
  'SAME_GROUP',
  'NOT_A_CLASS',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface FieldProblem {
  field: string;
  code: ProblemCode;
}

const isProblemCode = (value: unknown): value is ProblemCode => PROBLEM_CODES.some((code) => code === value);

/** The API's `{ field, code }` problems this feature knows; anything else is left to the generic error. */
export function fieldProblems(error: unknown): FieldProblem[] {
  return errorProblems(error).flatMap((problem) => {
    if (typeof problem !== 'object' || problem === null || !('field' in problem) || !('code' in problem)) return [];
    const { field, code } = problem;
    return typeof field === 'string' && isProblemCode(code) ? [{ field, code }] : [];
  });
}
