import { describe, expect, it } from 'vitest';
import { ageOn, isAdultOn } from './age.ts';

describe('ageOn / isAdultOn', () => {
  it('turns 18 on the birthday, not the day after', () => {
    expect(isAdultOn('2008-11-27', '2026-11-26')).toBe(false);
    expect(isAdultOn('2008-11-27', '2026-11-27')).toBe(true);
  });
  it('counts whole years', () => {
    expect(ageOn('2014-03-02', '2026-11-27')).toBe(12);
    expect(ageOn('2014-12-31', '2026-11-27')).toBe(11);
  });
  it('someone born on 29 February has the birthday on 28 February in other years', () => {
    expect(isAdultOn('2008-02-29', '2026-02-27')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
  it('refuses malformed dates', () => {
    expect(() => ageOn('2008-2-29', '2026-02-27')).toThrow(RangeError);
  });
});
