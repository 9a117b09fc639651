import { describe, expect, it } from 'vitest';
import { contactInstant, fromSchoolDateTimeLocal, toSchoolDateTimeLocal } from './contact-time';

describe('contact time at the school', () => {
  it('shows an instant as Swedish clock time, in winter and summer', () => {
    expect(toSchoolDateTimeLocal(new Date('2026-11-25T09:30:00Z'))).toBe('2026-11-25T10:30');
    expect(toSchoolDateTimeLocal(new Date('2026-06-01T09:30:00Z'))).toBe('2026-06-01T11:30');
  });

  it('reads a datetime-local value as Swedish clock time', () => {
    expect(fromSchoolDateTimeLocal('2026-11-25T10:30')).toBe('2026-11-25T09:30:00.000Z');
    expect(fromSchoolDateTimeLocal('2026-06-01T11:30')).toBe('2026-06-01T09:30:00.000Z');
  });

  it('gives null for an incomplete value', () => {
    expect(fromSchoolDateTimeLocal('')).toBeNull();
    expect(fromSchoolDateTimeLocal('2026-11-25')).toBeNull();
  });

  it('takes a contact in the minute of the warning as at the warning, and any other as entered', () => {
    expect(contactInstant('2026-11-25T10:30', '2026-11-25T09:30:40.500Z')).toBe('2026-11-25T09:30:40.500Z');
    expect(contactInstant('2026-11-25T10:31', '2026-11-25T09:30:40.500Z')).toBe('2026-11-25T09:31:00.000Z');
    expect(contactInstant('2026-11-25T10:29', '2026-11-25T09:30:40.500Z')).toBe('2026-11-25T09:29:00.000Z');
    expect(contactInstant('', '2026-11-25T09:30:40.500Z')).toBeNull();
  });
});
