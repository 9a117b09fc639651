// Benchmark: generating a term's dated lessons from its lesson series (the administration's "Generera
// lektioner"), for every school of the demo municipality at `--students 1000`, on a PostgreSQL server.
//
//   tsx bench/lesson-generation.ts [--students 1000]
//
// It uses (and creates once) the database `insyn_bench_lessons` on 127.0.0.1:5432 (BENCH_DATABASE_URL to change).
// The seed gives series to the autumn term only (its day is in November); the spring term gets a copy of them
// (once), as an administrator would enter next term's basic schedule. Its lessons (none with attendance) are
// deleted, then generated school by school as the API does it, in one transaction per school; then generated
// a second time, which finds every lesson in place and changes nothing.
import { parseArgs } from 'node:util';
import { generateInTransaction, termInclude } from '../apps/api/src/modules/administration/schedule/schedule.service.ts';
import { openSeededDatabase } from './support.ts';

const { values } = parseArgs({ options: { students: { type: 'string', default: '1000' } } });
const students = Number(values.students);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_lessons';
const TODAY = '2026-11-25';

const db = await openSeededDatabase(databaseUrl, { students, today: TODAY });
const prisma = db.prisma;
try {
  const organisation = await prisma.organisation.findFirstOrThrow({ orderBy: { createdAt: 'asc' }, include: { schools: true } });
  const term = await prisma.term.findFirstOrThrow({
    where: { kind: 'SPRING', schoolYear: { organisationId: organisation.id }, startDate: { gt: new Date(TODAY) } },
    include: termInclude,
    orderBy: { startDate: 'asc' },
  });
  if ((await prisma.lessonSeries.count({ where: { termId: term.id } })) === 0) {
    const autumn = await prisma.lessonSeries.findMany({
      where: { term: { schoolYearId: term.schoolYearId, kind: 'AUTUMN' } },
      include: { teachers: true },
    });
    for (const series of autumn) {
      await prisma.lessonSeries.create({
        data: {
          termId: term.id,
          groupId: series.groupId,
          subjectId: series.subjectId,
          weekday: series.weekday,
          startMinute: series.startMinute,
          durationMinutes: series.durationMinutes,
          room: series.room,
          validFrom: term.startDate,
          validTo: term.endDate,
          teachers: { create: series.teachers.map((teacher) => ({ staffId: teacher.staffId })) },
        },
      });
    }
  }
  const seriesOfTerm = { series: { termId: term.id } };
  const withAttendance = await prisma.lesson.count({ where: { ...seriesOfTerm, attendanceTakenAt: { not: null } } });
  if (withAttendance > 0) throw new Error(`The spring term has ${withAttendance} lessons with attendance; use a fresh database`);
  await prisma.lessonTeacher.deleteMany({ where: { lesson: seriesOfTerm } });
  const deleted = await prisma.lesson.deleteMany({ where: seriesOfTerm });
  const seriesCount = await prisma.lessonSeries.count({ where: { termId: term.id } });
  console.log(`Spring term ${term.startDate.toISOString().slice(0, 10)}: ${seriesCount} series, ${deleted.count} lessons deleted`);

  for (const round of ['first generation', 'second generation (nothing to do)']) {
    let total = 0;
    for (const school of organisation.schools) {
      const started = performance.now();
      const result = await prisma.$transaction(
        (tx) =>
          generateInTransaction({ prisma: tx, ip: undefined, auth: null }, term, school.id, term.startDate.toISOString().slice(0, 10)),
        {
          timeout: 600_000,
          maxWait: 20_000,
        },
      );
      const seconds = (performance.now() - started) / 1000;
      total += seconds;
      console.log(
        `${round}, ${school.name}: ${seconds.toFixed(1)} s — created ${result.created}, updated ${result.updated}, removed ${result.removed}, unchanged ${result.unchanged}`,
      );
    }
    console.log(`${round}, all schools: ${total.toFixed(1)} s`);
  }
} finally {
  await db.close();
}
