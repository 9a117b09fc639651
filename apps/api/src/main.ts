// Starts Insyn: applies pending migrations, optionally fills an empty database with demo data
// (`--demo`), serves the built SPA and /graphql on one port, and stops cleanly on SIGTERM.
// On a PostgreSQL server it serves with one process per core (API_PROCESSES; Node's cluster shares the port): this
// process migrates and seeds, then starts the others, restarts one that dies and stops them all on SIGTERM.
import cluster, { type Worker } from 'node:cluster';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyPendingMigrations, describeLocation, findProjectRoot, openDatabase, type Database, type PrismaClient } from '@insyn/db';
import { schoolDateOf } from '@insyn/domain';
import { loadConfig, type AppConfig } from './config.ts';

const DEMO_PASSWORD = 'insyn-demo';
const DEMO_USERNAMES = ['elev', 'vardnadshavare', 'mentor', 'larare', 'rektor', 'admin', 'myndig'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const started = Date.now();
  const config = loadConfig(process.env, join(findProjectRoot(), 'apps', 'web', 'dist'), { demo: values.demo });
  if (cluster.isWorker) {
    await serve(config);
    return;
  }
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
  if (values.demo) await printDemoLogins(db.prisma);

  const port = config.apiProcesses > 1 ? await startProcesses(config, () => db.close()) : await serve(config, db);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const processes = config.apiProcesses > 1 ? ` by ${config.apiProcesses} processes` : '';
  console.log(`Insyn is running at ${url}${processes} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** Serves the port in this process until SIGTERM or SIGINT; answers the port it listens on. */
async function serve(config: AppConfig, opened?: Database): Promise<number> {
  const db = opened ?? (await openDatabase(config.database));
  // Imported once the configuration holds: the server's modules take seconds to load, and a bad variable is
  // answered without them.
  const { createServer } = await import('./app.ts');
  const server = await createServer(db, config);
  await new Promise<void>((resolve) => server.httpServer.listen(config.port, config.host, resolve));
  const address = server.httpServer.address();
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
  if (cluster.isWorker) console.log(`API process ${process.pid} serving`);
  return typeof address === 'object' && address ? address.port : config.port;
}

/**
 * Starts `config.apiProcesses` processes serving the port, once this one has migrated and seeded (and closed its own
 * connection, `closeDatabase`). They share this process's JWT secret (a made-up one too, in a demo) and its clock.
 * Answers the port once every process listens.
 */
async function startProcesses(config: AppConfig, closeDatabase: () => Promise<void>): Promise<number> {
  await closeDatabase();
  let stopping = false;
  const fork = (): Worker =>
    cluster.fork({
      JWT_SECRET: config.jwtSecret,
      ...(process.env.INSYN_CLOCK_START ? { INSYN_CLOCK_START: config.clock().toISOString() } : {}),
    });
  const listening = Array.from({ length: config.apiProcesses }, () => {
    const worker = fork();
    return new Promise<number>((resolve) => worker.once('listening', (address) => resolve(address.port)));
  });
  const served = new Set<number>();
  cluster.on('listening', (worker) => served.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    // A clean exit is a stop (Ctrl+C reaches every process of the terminal): when the last one has stopped, so does this.
    if (code === 0) {
      if (Object.values(cluster.workers ?? {}).every((other) => !other || other.isDead())) process.exit(0);
      return;
    }
    console.error(`API process ${worker.process.pid} ended (${signal ?? `exit code ${code}`})`);
    // One that never served cannot start (its output says why): starting another would only fail again.
    if (!served.has(worker.id)) {
      console.error('It ended before it served: stopping the server.');
      void stopAll(1);
      return;
    }
    fork();
  });
  const stopAll = async (exitCode: number) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  };
  const onSignal = (signal: string) => {
    if (stopping) return;
    console.log(`${signal}: stopping the API processes…`);
    void stopAll(0);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  const [port] = await Promise.all(listening);
  return port ?? config.port;
}

async function ensureDemoData(prisma: PrismaClient, today: string): Promise<void> {
  if ((await prisma.student.count()) > 0) return;
  const students = Number(process.env.INSYN_DEMO_STUDENTS ?? 700);
  if (!Number.isInteger(students) || students < 100 || students > 20_000) {
    throw new Error('INSYN_DEMO_STUDENTS must be a whole number from 100 to 20000');
  }
  console.log(`Empty database: creating the demo school (${students} students)…`);
  const started = Date.now();
  const [{ seedDemoData }, { hashPassword }] = await Promise.all([
    import('../../../prisma/seed/generate.ts'),
    import('./modules/auth/password.ts'),
  ]);
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
