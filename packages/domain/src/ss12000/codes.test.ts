import { describe, expect, it } from 'vitest';
import { ss12000CivicNo, ss12000Duty, ss12000SchoolYear } from './codes.ts';

describe('SS 12000 code lists', () => {
  it('maps each duty: a mentor is a teacher with the class as assignment, an administrator is at the organisation', () => {
    expect(ss12000Duty('TEACHER')).toEqual({ dutyRole: 'Lärare', mentor: false, atOrganisation: false });
    expect(ss12000Duty('MENTOR')).toEqual({ dutyRole: 'Lärare', mentor: true, atOrganisation: false });
    expect(ss12000Duty('PRINCIPAL')).toEqual({ dutyRole: 'Rektor', mentor: false, atOrganisation: false });
    expect(ss12000Duty('ADMINISTRATOR')).toEqual({ dutyRole: 'Skoladministratör', mentor: false, atOrganisation: true });
  });

  it('counts upper secondary years from 1, compulsory from förskoleklass as 0', () => {
    expect(ss12000SchoolYear(0)).toBe(0);
    expect(ss12000SchoolYear(9)).toBe(9);
    expect(ss12000SchoolYear(10)).toBe(1);
    expect(ss12000SchoolYear(12)).toBe(3);
    expect(ss12000SchoolYear(null)).toBeNull();
  });

  it('writes a personnummer as twelve digits', () => {
    expect(ss12000CivicNo('20100315-1234')).toBe('201003151234');
  });
});
