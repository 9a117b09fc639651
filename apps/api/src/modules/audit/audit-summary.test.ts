import { describe, expect, it } from 'vitest';
import { summarizeDetails } from './audit-summary.ts';

describe('an audit row’s details in one line', () => {
  it('is empty without details', () => {
    expect(summarizeDetails(null)).toBe('');
    expect(summarizeDetails(undefined)).toBe('');
  });

  it('names each field and its value, a record one level down, and nothing as –', () => {
    expect(summarizeDetails({ channel: 'WEB' })).toBe('channel: WEB');
    expect(summarizeDetails({ approve: true, sessions: 2, problem: null })).toBe('approve: true; sessions: 2; problem: –');
    expect(summarizeDetails({ filter: { personId: 'p1', action: 'news.posted' }, rows: 3 })).toBe(
      'filter.personId: p1; filter.action: news.posted; rows: 3',
    );
  });

  it('joins a short list of values, counts a long one and a list of records', () => {
    expect(summarizeDetails({ scopes: ['PERSONS', 'GROUPS'] })).toBe('scopes: PERSONS, GROUPS');
    expect(summarizeDetails({ ids: [1, 2, 3, 4, 5, 6, 7] })).toBe('ids: 1, 2, 3, 4, 5 … (7)');
    expect(
      summarizeDetails({
        people: [
          { kind: 'GUARDIAN', id: 'a' },
          { kind: 'GUARDIAN', id: 'b' },
        ],
      }),
    ).toBe('people: [2]');
  });

  it('shows a change as the fields that changed, before → after', () => {
    expect(
      summarizeDetails({
        before: { firstName: 'Ella', lastName: 'Ek', email: null },
        after: { firstName: 'Elsa', lastName: 'Ek', email: 'elsa@example.se' },
      }),
    ).toBe('firstName: Ella → Elsa; email: – → elsa@example.se');
    expect(summarizeDetails({ lessonId: 'l1', before: null, after: 'SCHOOL_ACTIVITY' })).toBe('lessonId: l1; – → SCHOOL_ACTIVITY');
  });

  it('lists the fields of a record made or removed', () => {
    expect(summarizeDetails({ before: null, after: { name: '7A', yearLevel: 7 } })).toBe('name: 7A; yearLevel: 7');
    expect(summarizeDetails({ before: { name: 'Jullov' }, after: null })).toBe('name: Jullov');
  });

  it('is cut at 400 characters', () => {
    const summary = summarizeDetails({ note: 'x'.repeat(1000) });
    expect(summary).toHaveLength(400);
    expect(summary.endsWith('…')).toBe(true);
  });
});
