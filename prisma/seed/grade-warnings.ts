// Demo grade warnings at the upper-secondary school, so that the routine views have something to follow up:
// one student in twenty-five warned in a course this term by its teacher, most with a recorded contact
// with the home, some closed, and a few still waiting for contact past the school's five school days. The
// compulsory school has none, so the two schools differ side by side (and the API tests of warnings, which
// run at the compulsory school, count only their own).
import { isSchoolDay } from '@insyn/domain';
import { addDaysIso, schoolInstant } from './dates.ts';
import { SeededRandom } from './random.ts';
import { insertRows, type Sql } from './sql.ts';
import type { World } from './world.ts';

const MISSING = [
  'Laborationsrapporten och ett godkänt resultat på omprovet.',
  'Två inlämningsuppgifter och den muntliga redovisningen.',
  'Ett godkänt resultat på provet om kapitel 3–4.',
  'Projektarbetet, som ska lämnas in före jullovet.',
];
const AGREED = [
  'Omprov vecka 50; eleven går på stödtiden på tisdagar fram till dess.',
  'Uppgifterna lämnas in på fredag; läraren ger återkoppling veckan efter.',
  'Möte med eleven och mentorn nästa vecka för en plan resten av terminen.',
];
const METHODS = ['PHONE', 'MEETING', 'EMAIL', 'DIGITAL_MEETING'] as const;

/** The school day `count` school days before `date` (weekends and breaks skipped). */
function schoolDaysBefore(world: World, date: string, count: number): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDaysIso(day, -1);
    if (isSchoolDay(day, world.calendar)) left -= 1;
  }
  return day;
}

export async function writeGradeWarnings(sql: Sql, world: World, seed: number, today: string): Promise<void> {
  const random = new SeededRandom(seed).fork('grade-warnings');
  const upperSchoolIds = new Set(world.schools.filter((school) => school.form === 'UPPER_SECONDARY').map((school) => school.id));
  const teacherOf = new Map(world.duties.filter((duty) => duty.kind === 'TEACHER').map((duty) => [duty.groupId, duty.staffId]));
  const groups = new Map(world.groups.map((group) => [group.id, group]));
  const currentGroupsOf = new Map<string, string[]>();
  for (const membership of world.memberships) {
    const group = groups.get(membership.groupId);
    const current = membership.validFrom <= today && (membership.validTo === null || membership.validTo >= today);
    if (!current || !group || group.kind !== 'TEACHING' || !group.subjectId || !teacherOf.has(group.id)) continue;
    currentGroupsOf.set(membership.studentId, [...(currentGroupsOf.get(membership.studentId) ?? []), group.id]);
  }

  const warnings: {
    id: string;
    studentId: string;
    groupId: string;
    subjectId: string;
    missing: string;
    staffId: string;
    issuedAt: Date;
    closedAt: Date | null;
    closeNote: string | null;
  }[] = [];
  const contacts: {
    id: string;
    warningId: string;
    staffId: string;
    contactedAt: Date;
    method: string;
    withWhom: string;
    agreed: string;
  }[] = [];
  // Every twenty-fifth upper-secondary student, in an order of the seed's own.
  const warned = random
    .shuffle(world.students.filter((student) => upperSchoolIds.has(student.schoolId)))
    .filter((_, index) => index % 25 === 0);
  for (const student of warned) {
    const groupId = random.pick(currentGroupsOf.get(student.id) ?? ['']);
    const group = groups.get(groupId);
    const staffId = teacherOf.get(groupId);
    if (!group?.subjectId || !staffId) continue;
    const issuedOn = schoolDaysBefore(world, today, random.int(2, 25));
    const issuedAt = schoolInstant(issuedOn, random.int(9 * 60, 15 * 60));
    // One in five without contact yet (overdue once past five school days), the rest contacted; one in five closed.
    const fate = warnings.length % 5;
    // Within 20 hours of the warning, which is at least two school days old: never in the future.
    const contactedAt = new Date(issuedAt.getTime() + random.int(1, 20) * 3_600_000);
    const id = random.uuid();
    warnings.push({
      id,
      studentId: student.id,
      groupId,
      subjectId: group.subjectId,
      missing: random.pick(MISSING),
      staffId,
      issuedAt,
      closedAt: fate === 4 ? new Date(contactedAt.getTime() + 3_600_000) : null,
      closeNote: fate === 4 ? 'Eleven har kompletterat; risken för F är borta.' : null,
    });
    if (fate !== 0) {
      contacts.push({
        id: random.uuid(),
        warningId: id,
        staffId,
        contactedAt,
        method: random.pick(METHODS),
        withWhom: random.chance(0.5) ? 'Vårdnadshavare (mamma)' : 'Vårdnadshavare (pappa)',
        agreed: random.pick(AGREED),
      });
    }
  }

  await insertRows(sql, 'GradeWarning', warnings, [
    { name: 'id', type: 'uuid', value: (row) => row.id },
    { name: 'studentId', type: 'uuid', value: (row) => row.studentId },
    { name: 'groupId', type: 'uuid', value: (row) => row.groupId },
    { name: 'subjectId', type: 'uuid', value: (row) => row.subjectId },
    { name: 'missing', type: 'text', value: (row) => row.missing },
    { name: 'issuedByStaffId', type: 'uuid', value: (row) => row.staffId },
    { name: 'issuedAt', type: 'timestamptz', value: (row) => row.issuedAt.toISOString() },
    { name: 'closedAt', type: 'timestamptz', value: (row) => row.closedAt?.toISOString() ?? null },
    { name: 'closedByStaffId', type: 'uuid', value: (row) => (row.closedAt ? row.staffId : null) },
    { name: 'closeNote', type: 'text', value: (row) => row.closeNote },
  ]);
  await insertRows(sql, 'GradeWarningContact', contacts, [
    { name: 'id', type: 'uuid', value: (row) => row.id },
    { name: 'warningId', type: 'uuid', value: (row) => row.warningId },
    { name: 'staffId', type: 'uuid', value: (row) => row.staffId },
    { name: 'contactedAt', type: 'timestamptz', value: (row) => row.contactedAt.toISOString() },
    { name: 'method', type: 'text', enumType: '"ContactMethod"', value: (row) => row.method },
    { name: 'withWhom', type: 'text', value: (row) => row.withWhom },
    { name: 'agreed', type: 'text', value: (row) => row.agreed },
    { name: 'recordedAt', type: 'timestamptz', value: (row) => row.contactedAt.toISOString() },
  ]);
}
