// An audit row's details as one readable line for the log viewer and its export: `key: value` pairs, and for a
// change the fields that changed as `before → after` (a record made or removed: its fields). Field names and values
// are shown as stored; the action beside it says in words what happened.

const MAX_LENGTH = 400;
const LIST_ITEMS = 5;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** One value: text as it is, `–` for nothing, a short list of plain values joined, a longer one or one of records counted. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!value.every(isScalar)) return `[${value.length}]`;
    const shown = value.slice(0, LIST_ITEMS).map(valueText).join(', ');
    return value.length > LIST_ITEMS ? `${shown} … (${value.length})` : shown;
  }
  if (isObject(value)) {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${key}: ${isObject(inner) || Array.isArray(inner) ? `[…]` : valueText(inner)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** `key: value`; a record's fields one level down as `key.field: value`. */
function entries(key: string, value: unknown): string[] {
  if (isObject(value)) return Object.entries(value).map(([field, inner]) => `${key}.${field}: ${valueText(inner)}`);
  return [`${key}: ${valueText(value)}`];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A change: the fields that differ, or all fields of a record made (no before) or removed (no after). */
function changeParts(before: unknown, after: unknown): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((key) => !same(before[key], after[key]))
      .map((key) => `${key}: ${valueText(before[key])} → ${valueText(after[key])}`);
  }
  if (isObject(after) && (before === null || before === undefined)) return Object.entries(after).flatMap(([key, v]) => entries(key, v));
  if (isObject(before) && (after === null || after === undefined)) return Object.entries(before).flatMap(([key, v]) => entries(key, v));
  return [`${valueText(before)} → ${valueText(after)}`];
}

const cut = (text: string): string => (text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text);

/** The details of an audit row as one line, at most 400 characters; empty when there are none. */
export function summarizeDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (!isObject(details)) return cut(valueText(details));
  const { before, after, ...rest } = details;
  const parts = Object.entries(rest).flatMap(([key, value]) => entries(key, value));
  if ('before' in details || 'after' in details) parts.push(...changeParts(before, after));
  return cut(parts.join('; '));
}
