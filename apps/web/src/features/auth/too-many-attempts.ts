import type { TFunction } from 'i18next';
import { errorExtensionNumber } from '../../lib/graphql-errors';

/** TOO_MANY_ATTEMPTS in words, with how long to wait when the API said (a login, an activation, a password change). */
export function tooManyAttemptsMessage(t: TFunction, error: unknown): string {
  const seconds = errorExtensionNumber(error, 'TOO_MANY_ATTEMPTS', 'retryAfterSeconds');
  if (seconds === null) return t('login.tooManyAttempts');
  return seconds <= 90
    ? t('login.tooManyAttemptsSeconds', { count: Math.max(1, Math.ceil(seconds)) })
    : t('login.tooManyAttemptsMinutes', { count: Math.ceil(seconds / 60) });
}
