/**
 * Stable error codes in `extensions.code`; clients branch on these, never on messages, and the server shows them
 * as they are (any other error is masked in production). One list for the API, which throws them, and the web app,
 * which tells them in words. NOT_ADULT: a student under 18 asked for what is theirs only from their 18th birthday
 * (consent to their guardians). The activation codes' own: wrong (or an unknown username), used, replaced by a newer
 * one, expired; ACCOUNT_LOCKED: an administrator locked the account; a password reset link's: not valid, used,
 * expired (or replaced by a newer link).
 */
export const APP_ERROR_CODES = [
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'LESSON_CANCELLED',
  'NOT_ADULT',
  'INVALID_ACTIVATION_CODE',
  'ACTIVATION_CODE_USED',
  'ACTIVATION_CODE_REPLACED',
  'ACTIVATION_CODE_EXPIRED',
  'ACCOUNT_LOCKED',
  'INVALID_RESET_LINK',
  'RESET_LINK_USED',
  'RESET_LINK_EXPIRED',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];
