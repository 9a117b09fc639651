// Starts Insyn: applies pending migrations, optionally fills an empty database with demo data
// (`--demo`), serves the built SPA and /graphql on one port, and stops cleanly on SIGTERM.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyPendingMigrations, describeLocation, findProjectRoot, openDatabase, type PrismaClient } from '@insyn/db';
import { schoolDateOf } from '@insyn/domain';
import { createServer } from './app.ts';
import { loadConfig } from './config.ts';
import { hashPassword } from './modules/auth/password.ts';

const DEMO_PASSWORD = 'insyn-demo';
const DEMO_USERNAMES = ['elev', 'vardnadshavare', 'mentor', 'larare', 'rektor', 'admin', 'myndig'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const started = Date.now();
  const config = loadConfig(process.env, join(findProjectRoot(), 'apps', 'web', 'dist'), { demo: values.demo });
  if (!config.production) {
    console.log(
      values.demo
        ? "Demo mode, not for a school's real data: GraphQL introspection is on and error details are shown. Without --demo the server runs as in production."
        : `NODE_ENV=${process.env.NODE_ENV}: GraphQL introspection is on and error details are shown; not for a school's real data.`,
    );
  }
  const db = await openDatabase(config.database);
  console.log(`Database: ${describeLocation(config.database)}`);
  const applied = await applyPendingMigrations(db.adapterFactory);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);

  if (values.demo) await ensureDemoData(db.prisma, schoolDateOf(config.clock()));
  if (config.jwtSecretGenerated) console.log('JWT_SECRET not set: using a random secret for this process.');

  const server = await createServer(db, config);
  await new Promise<void>((resolve) => server.httpServer.listen(config.port, config.host, resolve));
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing open requests and closing the database…`);
    try {
      await server.stop();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  if (values.demo) await printDemoLogins(db.prisma);
  console.log(`Insyn is running at ${url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function ensureDemoData(prisma: PrismaClient, today: string): Promise<void> {
  if ((await prisma.student.count()) > 0) return;
  const students = Number(process.env.INSYN_DEMO_STUDENTS ?? 700);
  if (!Number.isInteger(students) || students < 100 || students > 20_000) {
    throw new Error('INSYN_DEMO_STUDENTS must be a whole number from 100 to 20000');
  }
  console.log(`Empty database: creating the demo school (${students} students)…`);
  const started = Date.now();
  const { seedDemoData } = await import('../../../prisma/seed/generate.ts');
  await seedDemoData(prisma, { students, seed: 1, today, passwordHash: await hashPassword(DEMO_PASSWORD) });
  console.log(`Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

async function printDemoLogins(prisma: PrismaClient): Promise<void> {
  const accounts = await prisma.userAccount.findMany({
    where: { username: { in: DEMO_USERNAMES } },
    include: { student: true, guardian: true, staff: true },
  });
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const username of DEMO_USERNAMES) {
    const account = accounts.find((a) => a.username === username);
    const person = account?.student ?? account?.guardian ?? account?.staff;
    if (person) console.log(`  ${username.padEnd(16)} ${person.firstName} ${person.lastName}`);
  }
  console.log('');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
