// Refusals of administrative input: BAD_USER_INPUT with `extensions.problems`, one per field, each with a
// stable code the web app translates (e.g. `{ field: 'personalIdentityNumber', code: 'CHECK_DIGIT' }`).
import { Prisma } from '@insyn/db';
import { appError } from '../../errors.ts';

export interface FieldProblem {
  /** the input field, as named in the GraphQL input type */
  field: string;
  code: string;
}

/** `extensions` says more beside the problems, e.g. what keeps a record from being deleted (`usedBy`). */
export function refuse(problems: readonly FieldProblem[], extensions: Record<string, unknown> = {}) {
  return appError('BAD_USER_INPUT', `Not saved: ${problems.map((problem) => `${problem.field} ${problem.code}`).join(', ')}`, {
    ...extensions,
    problems,
  });
}

/** Throws the refusal if there is anything to refuse: validation collects every problem, then stops once. */
export function refuseIfAny(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw refuse(problems);
}

/** The SQLSTATE of what the database refused (e.g. 23P01 from the trigger that keeps memberships apart), if any. */
export function databaseCode(error: unknown): string | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown; code?: unknown } } | undefined)?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === 'string' ? code : undefined;
}
