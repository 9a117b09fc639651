import { describe, expect, it } from 'vitest';
import { historyLines, type AttendanceChange } from './history-lines';

const TAKEN_AT = '2026-11-25T08:20:00.000Z';
const CORRECTED_AT = '2026-11-25T09:05:00.000Z';

function first(studentId: string, afterStatus: AttendanceChange['afterStatus'], afterLateMinutes: number | null = null): AttendanceChange {
  return { studentId, studentName: `Elev ${studentId}`, changedAt: TAKEN_AT, changedBy: 'Karin Falk', afterStatus, afterLateMinutes };
}

describe("a roll call's history", () => {
  it('shows the first roll call as one line with its counts, not a "no mark → present" line per student', () => {
    const lines = historyLines([first('a', 'PRESENT'), first('b', 'ABSENT'), first('c', 'LATE', 10), first('d', 'PRESENT')]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      kind: 'taken',
      changedAt: TAKEN_AT,
      changedBy: 'Karin Falk',
      counts: { present: 2, absent: 1, late: 1 },
    });
    expect(lines[0]?.kind === 'taken' ? lines[0].notPresent.map((change) => change.studentId) : null).toEqual(['b', 'c']);
  });

  it('shows a later correction as a change of its own, newest first, above the roll call taken', () => {
    const correction: AttendanceChange = {
      studentId: 'a',
      studentName: 'Elev a',
      changedAt: CORRECTED_AT,
      changedBy: 'Karin Falk',
      beforeStatus: 'PRESENT',
      afterStatus: 'ABSENT',
      reason: null,
    };
    const lines = historyLines([correction, first('a', 'PRESENT'), first('b', 'PRESENT')]);
    expect(lines.map((line) => line.kind)).toEqual(['correction', 'taken']);
    expect(lines[0]).toMatchObject({ kind: 'correction', change: correction });
    expect(lines[1]).toMatchObject({ kind: 'taken', counts: { present: 2, absent: 0, late: 0 } });
  });

  it("keeps the reason of a roll call taken after its day, and two saves' first marks apart", () => {
    const late = { ...first('e', 'PRESENT'), changedAt: CORRECTED_AT, changedBy: 'Mona Mentor', reason: 'Läraren var sjuk.' };
    const lines = historyLines([late, first('a', 'PRESENT')]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ kind: 'taken', changedBy: 'Mona Mentor', reason: 'Läraren var sjuk.', counts: { present: 1 } });
    expect(lines[1]).toMatchObject({ kind: 'taken', changedBy: 'Karin Falk', reason: null });
  });

  it('marks a late arrival with when the device took it, on the roll call taken and on its corrections', () => {
    const offline = '2026-11-25T09:05:00.000Z';
    const arrived = '2026-11-26T06:40:00.000Z';
    const late = (change: AttendanceChange): AttendanceChange => ({ ...change, changedAt: arrived, takenOfflineAt: offline });
    const corrected = late({ ...first('a', 'ABSENT'), beforeStatus: 'PRESENT' });
    const lines = historyLines([corrected, late(first('b', 'PRESENT')), first('a', 'PRESENT'), first('b', 'ABSENT')]);
    expect(lines.map((line) => [line.kind, line.changedAt, line.takenOfflineAt])).toEqual([
      ['correction', arrived, offline],
      ['taken', arrived, offline],
      ['taken', TAKEN_AT, null],
    ]);
  });

  it('has no lines before the roll call is taken', () => {
    expect(historyLines([])).toEqual([]);
  });
});
