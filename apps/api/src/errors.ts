import { GraphQLError } from 'graphql';

/** Stable error codes in `extensions.code`; clients branch on these, never on messages. */
export type ErrorCode =
  'UNAUTHENTICATED' | 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'LESSON_CANCELLED';

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Used both for records that do not exist and for records the viewer may not see (rule 1). */
export const notFound = (what: string): GraphQLError => appError('NOT_FOUND', `${what} not found`);

export const unauthenticated = (message = 'Log in to continue'): GraphQLError => appError('UNAUTHENTICATED', message);

export const badInput = (message: string, field?: string): GraphQLError => appError('BAD_USER_INPUT', message, field ? { field } : {});
