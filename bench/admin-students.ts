// Benchmark: the administrator's student list (search, filters, sorting, paging) for an organisation of
// 10 000 students, end to end through GraphQL over loopback, one request at a time (latencies, not throughput).
//
//   tsx bench/admin-students.ts [--students 10000] [--rounds 200]
//
// It uses (and creates once) the database `insyn_bench_people` on 127.0.0.1:5432 (BENCH_PEOPLE_DATABASE_URL to
// change): the demo municipality seeded small, then students inserted in bulk, each in a class, until the
// administrator's organisation has `--students`. Attendance is not needed for a list, so the seed stays quick.
import { parseArgs } from 'node:util';
import { personnummerFor } from '@insyn/domain';
import { login, openSeededDatabase, percentile, startApiProcess } from './support.ts';

const BENCH_DAY = '2026-11-25';
const { values } = parseArgs({ options: { students: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '200' } } });
const target = Number(values.students);
const rounds = Number(values.rounds);
const databaseUrl = process.env.BENCH_PEOPLE_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_people';

const LIST = `query($filter: AdminStudentFilter, $sort: AdminStudentSort, $page: PageInput) {
  administeredStudents(filter: $filter, sort: $sort, page: $page) {
    rows { id firstName lastName personalIdentityNumber className protectedIdentity school { id name } }
    pageInfo { total }
  }
}`;

const db = await openSeededDatabase(databaseUrl, { students: 200, today: BENCH_DAY });
const organisation = await db.prisma.organisation.findFirstOrThrow({
  where: { staff: { some: { account: { username: 'admin' } } } },
  include: { schools: { include: { groups: { where: { kind: 'CLASS' } } } } },
});
const inOrganisation = { organisationId: organisation.id };
const have = await db.prisma.student.count({ where: inOrganisation });
if (have < target) {
  console.log(`Inserting ${target - have} students…`);
  const names = await db.prisma.student.findMany({ select: { firstName: true, lastName: true } });
  const classes = organisation.schools.flatMap((school) => school.groups.map((group) => ({ schoolId: school.id, groupId: group.id })));
  const taken = new Set(
    (await db.prisma.student.findMany({ where: inOrganisation, select: { personalIdentityNumber: true } })).map(
      (s) => s.personalIdentityNumber,
    ),
  );
  const rows: {
    id: string;
    personalIdentityNumber: string;
    firstName: string;
    lastName: string;
    birthDate: Date;
    schoolId: string;
    groupId: string;
  }[] = [];
  for (let i = 0; rows.length < target - have; i++) {
    const birthDate = new Date(Date.UTC(2008 + (i % 12), (i * 7) % 12, 1 + (i % 28)));
    const number = personnummerFor(birthDate.toISOString().slice(0, 10), (i * 37) % 1000);
    if (taken.has(number)) continue;
    taken.add(number);
    const name = names[i % names.length]!;
    const other = names[(i * 13) % names.length]!;
    const place = classes[i % classes.length]!;
    rows.push({
      id: crypto.randomUUID(),
      personalIdentityNumber: number,
      firstName: name.firstName,
      lastName: other.lastName,
      birthDate,
      ...place,
    });
  }
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    await db.prisma.student.createMany({
      data: batch.map(({ groupId: _groupId, ...student }) => ({ ...student, organisationId: organisation.id })),
    });
    await db.prisma.groupMembership.createMany({
      data: batch.map((student) => ({ studentId: student.id, groupId: student.groupId, validFrom: new Date(`${BENCH_DAY}T00:00:00Z`) })),
    });
  }
  await db.prisma.$executeRawUnsafe('ANALYZE');
}
const total = await db.prisma.student.count({ where: inOrganisation });
const sample = await db.prisma.student.findMany({
  where: inOrganisation,
  select: { lastName: true, personalIdentityNumber: true },
  take: 400,
});
const classIds = organisation.schools.flatMap((school) => school.groups.map((group) => group.id));
await db.close();

const api = await startApiProcess(databaseUrl, `${BENCH_DAY}T09:30:00Z`);
try {
  const token = await login(api.url, 'admin');
  const request = async (variables: Record<string, unknown>) => {
    const started = performance.now();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: LIST, variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  };
  const cases: Record<string, (i: number) => Record<string, unknown>> = {
    'name search (3 letters), page 1': (i) => ({
      filter: { search: sample[i % sample.length]!.lastName.slice(0, 3) },
      page: { offset: 0, limit: 50 },
    }),
    'personnummer search (8 digits)': (i) => ({ filter: { search: sample[i % sample.length]!.personalIdentityNumber.slice(0, 8) } }),
    'no search, by name, page 1 (the first screen)': () => ({ page: { offset: 0, limit: 50 } }),
    'no search, sorted by school, page 20': () => ({ sort: { field: 'SCHOOL', direction: 'ASC' }, page: { offset: 950, limit: 50 } }),
    'class filter and name search': (i) => ({ filter: { classId: classIds[i % classIds.length], search: 'a' } }),
  };
  for (let i = 0; i < 20; i++) await request(cases['name search (3 letters), page 1']!(i));
  console.log(`\n${total} students in the organisation; ${rounds} requests per case, one at a time\n`);
  console.log('| case | p50 ms | p95 ms |\n| ---- | ------ | ------ |');
  for (const [name, variables] of Object.entries(cases)) {
    const timings: number[] = [];
    for (let i = 0; i < rounds; i++) timings.push(await request(variables(i)));
    timings.sort((a, b) => a - b);
    console.log(`| ${name} | ${percentile(timings, 50).toFixed(1)} | ${percentile(timings, 95).toFixed(1)} |`);
  }
} finally {
  await api.stop();
}
