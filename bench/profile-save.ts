// Sequential saves in-process, for a CPU profile of the save path: node --cpu-prof --import tsx bench/profile-save.ts
import { randomUUID } from 'node:crypto';
import { openDatabase } from '@insyn/db';
import { createServer } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench';
const db = await openDatabase({ kind: 'postgres', url });
const config = { ...loadConfig({ NODE_ENV: 'test', INSYN_CLOCK_START: '2026-11-25T09:30:00Z' }, undefined), port: 0 };
const server = await createServer(db, config, () => undefined);
await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
const address = server.httpServer.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
const [target] = await db.prisma.$queryRawUnsafe<{ lessonId: string; username: string; studentIds: string[] }[]>(`
  SELECT l.id AS "lessonId", a.username, array_agg(m."studentId") AS "studentIds"
  FROM "Lesson" l JOIN "LessonTeacher" lt ON lt."lessonId" = l.id JOIN "UserAccount" a ON a."staffId" = lt."staffId"
  JOIN "GroupMembership" m ON m."groupId" = l."groupId" AND m."validTo" IS NULL
  WHERE l.date = '2026-11-25' AND l.status = 'SCHEDULED' AND l."startsAt" <= '2026-11-25T09:30:00Z'
  GROUP BY l.id, a.username HAVING count(*) >= 25 LIMIT 1`);
const post = async (query: string, variables: object, token?: string) =>
  (
    await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })
  ).json() as Promise<{ data: { login: { accessToken: string }; saveRollCall: { applied: boolean } }; errors?: unknown }>;
const token = (await post('mutation($u: String!) { login(username: $u, password: "insyn-demo") { accessToken } }', { u: target!.username }))
  .data.login.accessToken;
const save = (round: number) =>
  post(
    'mutation($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied } }',
    {
      input: {
        submissionId: randomUUID(),
        lessonId: target!.lessonId,
        entries: target!.studentIds.map((studentId, i) => ({ studentId, status: i === round % 25 ? 'ABSENT' : 'PRESENT' })),
      },
    },
    token,
  );
// A refused save would profile the refusal: every one must be applied.
const saveApplied = async (round: number) => {
  const body = await save(round);
  if (!body.data?.saveRollCall?.applied) throw new Error(`save not applied: ${JSON.stringify(body.errors)}`);
};
for (let i = 0; i < 50; i++) await saveApplied(i);
const started = performance.now();
const n = Number(process.env.SAVES ?? 300);
for (let i = 0; i < n; i++) await saveApplied(i);
console.log(`${((performance.now() - started) / n).toFixed(2)} ms per sequential save`);
await server.stop();
process.exit(0);
