import { describe, expect, it } from 'vitest';
import { commonYearLevel, endOfGone, importedDuties, insynGroupKind, insynYearLevel } from './import-rules.ts';

describe('SS 12000 import rules', () => {
  it('keeps classes and teaching groups, no other group type', () => {
    expect(insynGroupKind('Klass')).toBe('CLASS');
    expect(insynGroupKind('Undervisning')).toBe('TEACHING');
    expect(insynGroupKind('Mentor')).toBeNull();
    expect(insynGroupKind('Schema')).toBeNull();
    expect(insynGroupKind('klass')).toBeNull();
  });

  it('reads årskurs as Insyn year levels per school form', () => {
    expect(insynYearLevel(0, 'COMPULSORY')).toBe(0);
    expect(insynYearLevel(9, 'COMPULSORY')).toBe(9);
    expect(insynYearLevel(10, 'COMPULSORY')).toBeNull();
    expect(insynYearLevel(1, 'UPPER_SECONDARY')).toBe(10);
    expect(insynYearLevel(3, 'UPPER_SECONDARY')).toBe(12);
    expect(insynYearLevel(4, 'UPPER_SECONDARY')).toBeNull();
    expect(insynYearLevel(0, 'UPPER_SECONDARY')).toBeNull();
    expect(insynYearLevel(1.5, 'COMPULSORY')).toBeNull();
  });

  it("takes a class's most common year level, the lowest on a tie", () => {
    expect(commonYearLevel([])).toBeNull();
    expect(commonYearLevel([7, 7, 8])).toBe(7);
    expect(commonYearLevel([8, 7, 8])).toBe(8);
    expect(commonYearLevel([9, 8])).toBe(8);
  });

  it('gives a principal, a mentor and a teacher, and no administrator', () => {
    expect(importedDuties({ dutyRole: 'Rektor', dutyAt: { id: 's1' } }, ['g9'])).toEqual([{ kind: 'PRINCIPAL', schoolSourceId: 's1' }]);
    expect(importedDuties({ dutyRole: 'Rektor' }, [])).toEqual([]);
    expect(
      importedDuties(
        {
          dutyRole: 'Lärare',
          dutyAt: { id: 's1' },
          assignmentRole: [
            { group: { id: 'c1' }, assignmentRoleType: 'Mentor' },
            { group: { id: 'c2' }, assignmentRoleType: 'Annan' },
          ],
        },
        ['t1', 't2', 't1'],
      ),
    ).toEqual([
      { kind: 'MENTOR', groupSourceId: 'c1' },
      { kind: 'TEACHER', groupSourceId: 't1' },
      { kind: 'TEACHER', groupSourceId: 't2' },
    ]);
    expect(importedDuties({ dutyRole: 'Skoladministratör', dutyAt: { id: 'o' } }, ['t1'])).toEqual([]);
    expect(importedDuties({ dutyRole: 'Elevassistent', dutyAt: { id: 's1' } }, [])).toEqual([]);
  });

  it('ends what is gone yesterday, and removes what has not begun', () => {
    expect(endOfGone({ validFrom: '2026-08-17', validTo: null }, '2026-12-05')).toEqual({ validTo: '2026-12-04' });
    expect(endOfGone({ validFrom: '2026-08-17', validTo: '2027-06-10' }, '2026-12-05')).toEqual({ validTo: '2026-12-04' });
    expect(endOfGone({ validFrom: '2026-12-04', validTo: null }, '2026-12-05')).toEqual({ validTo: '2026-12-04' });
    expect(endOfGone({ validFrom: '2026-12-05', validTo: null }, '2026-12-05')).toBe('REMOVE');
    expect(endOfGone({ validFrom: '2027-01-07', validTo: null }, '2026-12-05')).toBe('REMOVE');
    expect(endOfGone({ validFrom: '2026-08-17', validTo: '2026-12-04' }, '2026-12-05')).toBeNull();
    expect(endOfGone({ validFrom: '2026-08-17', validTo: '2026-10-01' }, '2026-12-05')).toBeNull();
  });
});
