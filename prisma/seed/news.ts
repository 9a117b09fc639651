// Demo news: the principal of the compulsory school informs the whole school (guardians; then guardians and
// students) and the demo mentor informs their class, on the school days before today, each post read by part
// of those it reaches. The demo guardian has read the oldest and not the others, so the demo shows both.
// Bulk inserts from the world in memory: a few milliseconds.
import { isAdultOn } from '@insyn/domain';
import { addDaysIso, isoWeekday, schoolInstant } from './dates.ts';
import { SeededRandom } from './random.ts';
import { insertRows, type Sql } from './sql.ts';
import type { World } from './world.ts';

interface PostRow {
  id: string;
  schoolId: string;
  groupId: string | null;
  toGuardians: boolean;
  toStudents: boolean;
  title: string;
  body: string;
  authorStaffId: string;
  publishedAt: Date;
}

/** The `n`th weekday before `date`. */
function weekdayBefore(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0;) {
    day = addDaysIso(day, -1);
    if (isoWeekday(day) <= 5) left -= 1;
  }
  return day;
}

export async function writeNews(sql: Sql, world: World, seed: number, today: string): Promise<void> {
  const random = new SeededRandom(seed).fork('news');
  const staffIdOf = (username: string) => world.accounts.find((account) => account.username === username)?.staffId;
  const principalId = staffIdOf('rektor');
  const mentorId = staffIdOf('mentor');
  const schoolId = world.duties.find((duty) => duty.staffId === principalId && duty.kind === 'PRINCIPAL')?.schoolId;
  const classId = world.duties.find((duty) => duty.staffId === mentorId && duty.kind === 'MENTOR')?.groupId;
  if (!principalId || !mentorId || !schoolId || !classId) throw new Error('The demo principal and mentor are missing');

  const classSchoolId = world.classes.find((schoolClass) => schoolClass.id === classId)?.schoolId ?? schoolId;
  const post = (fields: Omit<PostRow, 'id' | 'schoolId' | 'publishedAt'>, daysBefore: number, minute: number): PostRow => ({
    id: random.uuid(),
    schoolId: fields.groupId ? classSchoolId : schoolId,
    ...fields,
    publishedAt: schoolInstant(weekdayBefore(today, daysBefore), minute),
  });
  const posts: PostRow[] = [
    post(
      {
        groupId: null,
        toGuardians: true,
        toStudents: false,
        title: 'Välkomna till utvecklingssamtal',
        body: 'Under veckorna före jullovet har vi utvecklingssamtal. Mentorn hör av sig med förslag på tid.\n\nVälkomna!',
        authorStaffId: principalId,
      },
      6,
      15 * 60,
    ),
    post(
      {
        groupId: null,
        toGuardians: true,
        toStudents: true,
        title: 'Studiedag nästa fredag',
        body: 'Nästa fredag har personalen studiedag och eleverna är lediga. Fritidshemmet har öppet för dem som har anmält behov.',
        authorStaffId: principalId,
      },
      3,
      13 * 60,
    ),
    post(
      {
        groupId: classId,
        toGuardians: true,
        toStudents: true,
        title: 'Friluftsdag på torsdag',
        body: 'På torsdag har klassen friluftsdag vid Ängsjön. Ta med matsäck, vattenflaska och kläder efter väder. Vi samlas vid skolan kl. 8.30.',
        authorStaffId: mentorId,
      },
      1,
      16 * 60,
    ),
  ];

  // Who each post reaches today, as the API works it out: current members, guardians under rule 2.
  const inForce = world.memberships.filter((m) => m.validFrom <= today && (m.validTo === null || m.validTo >= today));
  const groupsOf = new Map<string, Set<string>>();
  for (const membership of inForce)
    groupsOf.set(membership.studentId, (groupsOf.get(membership.studentId) ?? new Set()).add(membership.groupId));
  const accountOf = new Map(world.accounts.map((account) => [account.studentId ?? account.guardianId ?? account.staffId, account.id]));
  const consenting = new Set(world.consents.filter((c) => c.withdrawnAt === null).map((c) => `${c.studentId}:${c.guardianId}`));
  const birthDates = new Map(world.students.map((student) => [student.id, { birthDate: student.birthDate, schoolId: student.schoolId }]));
  const guardiansOf = new Map<string, string[]>();
  for (const { studentId, guardianId } of world.guardianships)
    guardiansOf.set(studentId, [...(guardiansOf.get(studentId) ?? []), guardianId]);
  const demoGuardian = world.accounts.find((account) => account.username === 'vardnadshavare')?.id;

  const reads: { postId: string; userId: string; readAt: Date }[] = [];
  const dayStart = schoolInstant(today, 7 * 60);
  posts.forEach((row, index) => {
    const reached = new Set<string>();
    for (const [studentId, groups] of groupsOf) {
      const student = birthDates.get(studentId);
      if (!student || (row.groupId ? !groups.has(row.groupId) : student.schoolId !== row.schoolId)) continue;
      if (row.toStudents) reached.add(studentId);
      if (!row.toGuardians) continue;
      for (const guardianId of guardiansOf.get(studentId) ?? []) {
        if (!isAdultOn(student.birthDate, today) || consenting.has(`${studentId}:${guardianId}`)) reached.add(guardianId);
      }
    }
    for (const personId of reached) {
      const userId = accountOf.get(personId);
      const read = userId === demoGuardian ? index === 0 : random.chance(0.45);
      if (!userId || !read) continue;
      const readAt = new Date(row.publishedAt.getTime() + random.int(5, 18 * 60) * 60_000);
      reads.push({ postId: row.id, userId, readAt: readAt < dayStart ? readAt : dayStart });
    }
  });

  const uuid = <T>(name: string, value: (row: T) => string | null) => ({ name, type: 'uuid', value });
  const text = <T>(name: string, value: (row: T) => string) => ({ name, type: 'text', value });
  const instant = <T>(name: string, value: (row: T) => Date) => ({
    name,
    type: 'timestamptz',
    value: (row: T) => value(row).toISOString(),
  });
  const flag = <T>(name: string, value: (row: T) => boolean) => ({ name, type: 'boolean', value });
  await insertRows(sql, 'NewsPost', posts, [
    uuid('id', (p) => p.id),
    uuid('schoolId', (p) => p.schoolId),
    uuid('groupId', (p) => p.groupId),
    flag('toGuardians', (p) => p.toGuardians),
    flag('toStudents', (p) => p.toStudents),
    text('title', (p) => p.title),
    text('body', (p) => p.body),
    uuid('authorStaffId', (p) => p.authorStaffId),
    instant('publishedAt', (p) => p.publishedAt),
  ]);
  await insertRows(sql, 'NewsRead', reads, [
    uuid('postId', (r) => r.postId),
    uuid('userId', (r) => r.userId),
    instant('readAt', (r) => r.readAt),
  ]);
}
