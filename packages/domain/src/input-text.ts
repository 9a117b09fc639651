import { isIsoDate } from './iso-week.ts';

/**
 * What any text sent to Insyn must be, whatever the field: no control characters but line breaks and tabs (a NUL
 * cannot be stored by PostgreSQL, and the others are never typed), and no longer than the longest text any field
 * takes. Each field's own rules (a name's length, a note's) come after this.
 */
export const MAX_TEXT_INPUT_LENGTH = 10_000;

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export type TextInputProblem = 'CONTROL_CHARACTER' | 'TOO_LONG' | 'INVALID_DATE' | 'INVALID_INSTANT';

/** A calendar date and a time of day with its offset, e.g. `2026-11-25T09:30:00Z`; no 30 February, no 25:00. */
export function isIsoInstant(value: string): boolean {
  const match = ISO_INSTANT.exec(value);
  return match !== null && isIsoDate(match[1] as string) && !Number.isNaN(Date.parse(value));
}

/**
 * How a field's value is read by its name, as the API's fields are named: `date`, `…Date`, `validFrom` and `validTo`
 * are calendar dates (`YYYY-MM-DD`); `…At` are instants. Any other name is free text.
 */
export function textInputKind(fieldName: string): 'date' | 'instant' | 'text' {
  if (fieldName === 'date' || fieldName.endsWith('Date') || fieldName === 'validFrom' || fieldName === 'validTo') return 'date';
  if (fieldName.endsWith('At')) return 'instant';
  return 'text';
}

/** What no text may be, whatever its field: longer than any field takes, or holding a control character. */
export function freeTextProblem(value: string): 'TOO_LONG' | 'CONTROL_CHARACTER' | null {
  if (value.length > MAX_TEXT_INPUT_LENGTH) return 'TOO_LONG';
  if (CONTROL_CHARACTER.test(value)) return 'CONTROL_CHARACTER';
  return null;
}

/**
 * The first thing wrong with a text sent in the field of this name, or null when it may go on to the field's own rules
 * (which decide, among other things, whether an empty one may be sent).
 */
export function textInputProblem(fieldName: string, value: string): TextInputProblem | null {
  const free = freeTextProblem(value);
  if (free) return free;
  const kind = textInputKind(fieldName);
  // An empty date is a missing one: whether it may be missing is the field's own rule.
  if (value === '') return null;
  if (kind === 'date' && !isIsoDate(value)) return 'INVALID_DATE';
  if (kind === 'instant' && !isIsoInstant(value)) return 'INVALID_INSTANT';
  return null;
}
