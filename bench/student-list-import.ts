// Benchmark: importing a school's student list through the HTTP route, as the admin screen sends it: a trial run,
// the import, and the same list again (nothing to write). One request at a time, wall-clock per request.
//
//   tsx bench/student-list-import.ts [--students 1000]
//
// It uses (and creates once) the database `insyn_bench_import` on 127.0.0.1:5432 (BENCH_IMPORT_DATABASE_URL to
// change): the demo municipality seeded small. Each run imports `--students` new students (personnummer not yet in
// the organisation) into the compulsory school's classes, so runs can follow each other on the same database.
import { parseArgs } from 'node:util';
import { personnummerFor } from '@insyn/domain';
import { login, openSeededDatabase, startApiProcess } from './support.ts';

const BENCH_DAY = '2026-11-25';
const { values } = parseArgs({ options: { students: { type: 'string', default: '1000' } } });
const count = Number(values.students);
const databaseUrl = process.env.BENCH_IMPORT_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_import';

const db = await openSeededDatabase(databaseUrl, { students: 200, today: BENCH_DAY });
const day = new Date(`${BENCH_DAY}T00:00:00Z`);
const school = await db.prisma.school.findFirstOrThrow({
  where: { form: 'COMPULSORY', organisation: { staff: { some: { account: { username: 'admin' } } } } },
  include: { groups: { where: { kind: 'CLASS', schoolYear: { startDate: { lte: day }, endDate: { gte: day } } } } },
});
const taken = new Set(
  (await db.prisma.student.findMany({ select: { personalIdentityNumber: true } })).map((s) => s.personalIdentityNumber),
);
await db.close();

const rows: string[] = [];
for (let i = 0; rows.length < count; i++) {
  const birthDate = new Date(Date.UTC(2011 + (i % 9), (i * 5) % 12, 1 + (i % 28))).toISOString().slice(0, 10);
  const number = personnummerFor(birthDate, (i * 7919) % 1000);
  if (taken.has(number)) continue;
  taken.add(number);
  rows.push(`${number};Elev${i};Importsson;${school.unitCode};${school.groups[i % school.groups.length]!.name};;nej`);
}
const bytes = Buffer.from(`Personnummer;Förnamn;Efternamn;Skolenhetskod;Klass;Program;Skyddad identitet\r\n${rows.join('\r\n')}\r\n`);

const api = await startApiProcess(databaseUrl, `${BENCH_DAY}T09:30:00Z`);
try {
  const token = await login(api.url, 'admin');
  const send = async (apply: boolean) => {
    const form = new FormData();
    form.append('fromDate', BENCH_DAY);
    form.append('apply', String(apply));
    form.append('list', new Blob([bytes]), 'elevlista.csv');
    const started = performance.now();
    const response = await fetch(`${api.url}/api/administration/imports/students`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const report = (await response.json()) as { added: number; changed: number; unchanged: number; problems?: unknown[] };
    if (!response.ok || report.problems?.length) throw new Error(JSON.stringify(report).slice(0, 500));
    return { seconds: (performance.now() - started) / 1000, report };
  };
  console.log(`\n${count} new students, ${(bytes.byteLength / 1024).toFixed(0)} kB, ${school.groups.length} classes\n`);
  console.log('| request | s | added | changed | unchanged |\n| ------- | - | ----- | ------- | --------- |');
  for (const [name, apply] of [
    ['trial run', false],
    ['import', true],
    ['the same list again', true],
  ] as const) {
    const { seconds, report } = await send(apply);
    console.log(`| ${name} | ${seconds.toFixed(2)} | ${report.added} | ${report.changed} | ${report.unchanged} |`);
  }
} finally {
  await api.stop();
}
