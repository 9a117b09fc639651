import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { errorCodes, errorExtension, errorExtensionNumber, errorProblems, hasErrorCode, isConnectionError } from './graphql-errors';

const graphQLError = (code: string, extensions: Record<string, unknown> = {}) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message: code, extensions: { code, ...extensions } }] });

const response = (status: number) => new Response(null, { status });

describe('API error codes', () => {
  it('reads extensions.code from GraphQL errors', () => {
    const error = graphQLError('NOT_FOUND');
    expect(errorCodes(error)).toEqual(['NOT_FOUND']);
    expect(hasErrorCode(error, 'NOT_FOUND')).toBe(true);
    expect(hasErrorCode(error, 'UNAUTHENTICATED')).toBe(false);
    expect(isConnectionError(error)).toBe(false);
  });

  it('reads codes from a non-2xx response body too', () => {
    const body = JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] });
    const error = new ServerError('401', { response: response(401), bodyText: body });
    expect(hasErrorCode(error, 'UNAUTHENTICATED')).toBe(true);
    expect(isConnectionError(error)).toBe(false);
  });

  it('reads the problems of a refused input, whatever their shape', () => {
    const fields = [{ field: 'mobilePhone', code: 'NOT_A_MOBILE' }];
    expect(errorProblems(graphQLError('BAD_USER_INPUT', { problems: fields }))).toEqual(fields);
    expect(errorProblems(graphQLError('BAD_USER_INPUT', { problems: ['TOO_FAR_BACK'] }))).toEqual(['TOO_FAR_BACK']);
    expect(errorProblems(graphQLError('BAD_USER_INPUT'))).toEqual([]);
    expect(errorProblems(graphQLError('NOT_FOUND', { problems: ['X'] }))).toEqual([]);
    expect(errorProblems(new TypeError('Failed to fetch'))).toEqual([]);
  });

  it('reads numbers the API adds to a code', () => {
    expect(
      errorExtensionNumber(graphQLError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 30 }), 'TOO_MANY_ATTEMPTS', 'retryAfterSeconds'),
    ).toBe(30);
    expect(errorExtensionNumber(graphQLError('TOO_MANY_ATTEMPTS'), 'TOO_MANY_ATTEMPTS', 'retryAfterSeconds')).toBeNull();
  });

  it('reads what the API says beside a code, of that code only', () => {
    const usedBy = [{ kind: 'COURSES', count: 2 }];
    expect(errorExtension(graphQLError('BAD_USER_INPUT', { usedBy }), 'BAD_USER_INPUT', 'usedBy')).toEqual(usedBy);
    expect(errorExtension(graphQLError('NOT_FOUND', { usedBy }), 'BAD_USER_INPUT', 'usedBy')).toBeUndefined();
    expect(errorExtension(new TypeError('Failed to fetch'), 'BAD_USER_INPUT', 'usedBy')).toBeUndefined();
  });

  it('tells an unreachable server from an answer', () => {
    expect(isConnectionError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isConnectionError(new ServerError('502', { response: response(502), bodyText: '<html>Bad gateway</html>' }))).toBe(true);
    expect(isConnectionError(new ServerParseError(new Error('bad json'), { response: response(200), bodyText: '<html>' }))).toBe(true);
    expect(isConnectionError(undefined)).toBe(false);
  });
});
