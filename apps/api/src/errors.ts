import type { AppErrorCode } from '@insyn/domain';
import { GraphQLError } from 'graphql';

// The codes themselves (APP_ERROR_CODES) are in @insyn/domain, shared with the web app, which tells each in words.
export { APP_ERROR_CODES } from '@insyn/domain';
export type ErrorCode = AppErrorCode;

export function appError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Used both for records that do not exist and for records the viewer may not see (rule 1). */
export const notFound = (what: string): GraphQLError => appError('NOT_FOUND', `${what} not found`);

export const unauthenticated = (message = 'Log in to continue'): GraphQLError => appError('UNAUTHENTICATED', message);

export const badInput = (message: string, field?: string): GraphQLError => appError('BAD_USER_INPUT', message, field ? { field } : {});
