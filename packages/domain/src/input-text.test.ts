import { describe, expect, it } from 'vitest';
import { freeTextProblem, isIsoInstant, MAX_TEXT_INPUT_LENGTH, textInputKind, textInputProblem } from './input-text.ts';

describe('text input', () => {
  it('reads a field as a date, an instant or free text by its name', () => {
    expect(['date', 'fromDate', 'birthDate', 'validFrom', 'validTo'].map(textInputKind)).toEqual(['date', 'date', 'date', 'date', 'date']);
    expect(['takenAt', 'contactedAt'].map(textInputKind)).toEqual(['instant', 'instant']);
    expect(['note', 'reason', 'dateline', 'format', 'lessonId'].map(textInputKind)).toEqual(['text', 'text', 'text', 'text', 'text']);
  });

  it('refuses control characters but line breaks and tabs', () => {
    expect(textInputProblem('note', 'Sjuk\u0000')).toBe('CONTROL_CHARACTER');
    expect(textInputProblem('note', 'a\u001bb')).toBe('CONTROL_CHARACTER');
    expect(textInputProblem('note', 'a\u007fb')).toBe('CONTROL_CHARACTER');
    expect(textInputProblem('note', 'a\u0085b')).toBe('CONTROL_CHARACTER');
    expect(textInputProblem('note', 'Rad ett\r\nRad två\tslut — åäö 👍')).toBeNull();
    expect(freeTextProblem('2026-02-30\u0000')).toBe('CONTROL_CHARACTER');
    expect(freeTextProblem('2026-02-30')).toBeNull();
  });

  it('refuses a text longer than any field takes', () => {
    expect(textInputProblem('body', 'x'.repeat(MAX_TEXT_INPUT_LENGTH))).toBeNull();
    expect(textInputProblem('body', 'x'.repeat(MAX_TEXT_INPUT_LENGTH + 1))).toBe('TOO_LONG');
  });

  it('refuses impossible dates and instants, and leaves an empty one to the field', () => {
    expect(textInputProblem('fromDate', '2026-02-30')).toBe('INVALID_DATE');
    expect(textInputProblem('date', '2026-11-25T00:00:00Z')).toBe('INVALID_DATE');
    expect(textInputProblem('validTo', '2028-02-29')).toBeNull();
    expect(textInputProblem('validTo', '')).toBeNull();
    expect(textInputProblem('takenAt', '2026-11-25T25:00:00Z')).toBe('INVALID_INSTANT');
    expect(textInputProblem('takenAt', '2026-02-30T09:00:00Z')).toBe('INVALID_INSTANT');
    expect(textInputProblem('takenAt', '2026-11-25T09:30')).toBe('INVALID_INSTANT');
    expect(textInputProblem('takenAt', '2026-11-25T09:30:00.123+01:00')).toBeNull();
    expect(isIsoInstant('2026-11-25T09:30:00Z')).toBe(true);
  });
});
