import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { AppErrorCode } from '@insyn/domain';

/** Error codes the API puts in `extensions.code`: the API's own list (@insyn/domain), so the two cannot differ. */
export type ApiErrorCode = AppErrorCode;
/** Some of the codes, each checked to be one (a misspelt code does not compile, as it would drop out of an Extract). */
type Codes<T extends ApiErrorCode> = T;

/** Why an activation code did not open an account (besides TOO_MANY_ATTEMPTS and the password rule). */
export type ActivationRefusal = Codes<
  'INVALID_ACTIVATION_CODE' | 'ACTIVATION_CODE_USED' | 'ACTIVATION_CODE_REPLACED' | 'ACTIVATION_CODE_EXPIRED' | 'ACCOUNT_LOCKED'
>;

/** Why a password reset link did not set a new password (besides TOO_MANY_ATTEMPTS and the password rule). */
export type ResetRefusal = Codes<'INVALID_RESET_LINK' | 'RESET_LINK_USED' | 'RESET_LINK_EXPIRED' | 'ACCOUNT_LOCKED'>;

interface RawGraphQLError {
  message?: unknown;
  extensions?: { code?: unknown } | null;
}

function codesOf(errors: readonly RawGraphQLError[]): string[] {
  return errors.flatMap((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? [code] : [];
  });
}

function codesInBody(bodyText: string): string[] {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (typeof body === 'object' && body !== null && 'errors' in body && Array.isArray(body.errors)) {
      return codesOf(body.errors as RawGraphQLError[]);
    }
  } catch {
    // Not JSON, e.g. a proxy's HTML error page.
  }
  return [];
}

/** Every `extensions.code` carried by an error from Apollo Client or from a raw response body. */
export function errorCodes(error: unknown): string[] {
  if (CombinedGraphQLErrors.is(error)) return codesOf(error.errors);
  if (ServerError.is(error)) return codesInBody(error.bodyText);
  return [];
}

/** A number the API added next to a code, e.g. `retryAfterSeconds` with TOO_MANY_ATTEMPTS. */
export function errorExtensionNumber(error: unknown, code: ApiErrorCode, key: string): number | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const item of error.errors) {
    const extensions: Record<string, unknown> | undefined = item.extensions;
    const value = extensions?.[key];
    if (extensions?.code === code && typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/** What the API said beside a code, e.g. `usedBy` with a refused deletion; the feature checks its shape. */
export function errorExtension(error: unknown, code: ApiErrorCode, key: string): unknown {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const extensions: Record<string, unknown> | undefined = error.errors.find((item) => item.extensions?.code === code)?.extensions;
  return extensions?.[key];
}

/**
 * What was wrong with the input: the `extensions.problems` of BAD_USER_INPUT errors, e.g.
 * `[{ field: 'mobilePhone', code: 'INVALID_PHONE' }]` or `['TOO_FAR_BACK']`. Each feature checks the shape.
 */
export function errorProblems(error: unknown): unknown[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((item) => {
    const extensions: Record<string, unknown> | undefined = item.extensions;
    const problems = extensions?.problems;
    return extensions?.code === 'BAD_USER_INPUT' && Array.isArray(problems) ? (problems as unknown[]) : [];
  });
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return errorCodes(error).includes(code);
}

/**
 * True when the server could not be reached or did not answer as a GraphQL server:
 * fetch failed (offline, API down), a gateway error, or a body that is not JSON.
 */
export function isConnectionError(error: unknown): boolean {
  if (error === undefined || error === null) return false;
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerParseError.is(error)) return true;
  if (ServerError.is(error)) return error.statusCode >= 500 && errorCodes(error).length === 0;
  return error instanceof TypeError || (error instanceof Error && error.name === 'TypeError');
}
