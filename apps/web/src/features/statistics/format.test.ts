import { describe, expect, it } from 'vitest';
import { buildCsv, formatMinutes, formatPercent } from './format';

describe('CSV for a Swedish Excel', () => {
  it('starts with a BOM, quotes every field, separates with semicolons, ends lines with CRLF, writes decimal commas', () => {
    const csv = buildCsv(
      ['Elev', 'Frånvaro'],
      [
        ['Åkesson, "Åke"', 12.5],
        ['Ek', 3],
        ['Öst', null],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('"Elev";"Frånvaro"\r\n"Åkesson, ""Åke""";"12,5"\r\n"Ek";"3"\r\n"Öst";""\r\n');
  });

  it('rounds to one decimal', () => {
    expect(buildCsv(['x'], [[33.333]])).toContain('"33,3"');
  });
});

describe('figures in the interface language', () => {
  it('writes per cent with a decimal comma in Swedish and a point in English', () => {
    expect(formatPercent(5.8, 'sv')).toMatch(/^5,8\s%$/);
    expect(formatPercent(5.8, 'en')).toBe('5.8%');
  });

  it('writes minutes as hours and minutes', () => {
    expect(formatMinutes(125, 'sv')).toBe('2 tim 5 min');
    expect(formatMinutes(120, 'en')).toBe('2 h');
    expect(formatMinutes(40, 'en')).toBe('40 min');
  });
});
