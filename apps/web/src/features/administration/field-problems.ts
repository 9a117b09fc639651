import { errorProblems } from '../../lib/graphql-errors';

/** One of the API's `{ field, code }` refusals of administrative input. */
export interface FieldProblem<Field extends string, Code extends string> {
  field: Field;
  code: Code;
}

/**
 * The refusals in an error that name one of the form's fields with a code it knows; anything else (a
 * code added to the API later) is left for the form's general error message.
 */
export function fieldProblemsOf<Field extends string, Code extends string>(
  error: unknown,
  fields: readonly Field[],
  codes: readonly Code[],
): FieldProblem<Field, Code>[] {
  return errorProblems(error).flatMap((problem) => {
    if (typeof problem !== 'object' || problem === null || !('field' in problem) || !('code' in problem)) return [];
    const field = fields.find((known) => known === problem.field);
    const code = codes.find((known) => known === problem.code);
    return field && code ? [{ field, code }] : [];
  });
}
