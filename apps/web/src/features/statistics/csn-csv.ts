// The CSN list as a file for the school's report to CSN: one line a student, names as the register has them.
import type { CsnReportQuery } from '../../gql/graphql';
import { buildCsv } from './format';

type CsnStudent = Omit<CsnReportQuery['csnReport']['students'][number], '__typename'>;

/** The columns' headings, in the interface language. */
export const CSN_CSV_HEADER = [
  'statistics.table.student',
  'statistics.csn.class',
  'statistics.csn.unexcusedMinutes',
  'statistics.csn.recordedMinutes',
  'statistics.figures.notTaken',
] as const;

/** The file's text: names and classes are text (a name that begins as a formula is neutralised), the minutes numbers. */
export function csnCsv(students: readonly CsnStudent[], heading: (key: (typeof CSN_CSV_HEADER)[number]) => string): string {
  return buildCsv(
    CSN_CSV_HEADER.map(heading),
    students.map((student) => [
      `${student.lastName}, ${student.firstName}`,
      student.className ?? '',
      student.unexcusedAbsentMinutes,
      student.recordedMinutes,
      student.notTakenLessons,
    ]),
  );
}
