// The servers the browser tests run against (playwright.config.ts): builds the web app once, then starts one
// production-style API server per port given, each on a fresh database of its own filled with the demo school,
// so that test projects which change data (the screens project saves the users' language) run side by side.
// Databases: `insyn_e2e_<port>` on the PostgreSQL server (E2E_POSTGRES_URL), dropped and made again at each
// start; or, with E2E_DATABASE=embedded, PGlite in memory (slower: one process does all the database work).
// Prints "E2E servers ready" once every server answers /health; SIGTERM stops them all.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';

const root = join(import.meta.dirname, '..');
const ports = process.argv.slice(2).map(Number);
if (ports.length === 0 || ports.some((port) => !Number.isInteger(port) || port <= 0 || port > 65535)) {
  console.error('usage: node scripts/e2e-servers.mjs <port> [<port> …]');
  process.exit(2);
}
const embedded = process.env.E2E_DATABASE === 'embedded';
if (!embedded && process.env.E2E_DATABASE && process.env.E2E_DATABASE !== 'postgres') {
  console.error(`E2E_DATABASE must be "postgres" (the default) or "embedded", not "${process.env.E2E_DATABASE}"`);
  process.exit(2);
}
const adminUrl = new URL(process.env.E2E_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');

const build = spawnSync(process.execPath, [join(root, 'node_modules/pnpm/bin/pnpm.mjs'), '--filter', '@insyn/web', 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

/** A fresh, empty database for the server on `port`. */
async function freshDatabase(port) {
  const name = `insyn_e2e_${port}`;
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((done) => child.once('exit', done)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGTERM', () => stopAll(0));
process.on('SIGINT', () => stopAll(0));

async function healthy(port) {
  for (;;) {
    if (stopping) return;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

const databases = await Promise.all(ports.map((port) => (embedded ? 'memory' : freshDatabase(port))));
ports.forEach((port, index) => {
  const database = databases[index];
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts', '--demo'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(database === 'memory' ? { INSYN_DATA_DIR: 'memory' } : { DATABASE_URL: database }),
      // The suite runs on one school day: the server's clock starts here and every browser's clock is set
      // to the same instant (e2e/support/test.ts). The server refuses a shifted clock in production.
      INSYN_CLOCK_START: '2026-11-25T07:45:00Z',
      NODE_ENV: 'test',
    },
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`The E2E server on port ${port} stopped (${signal ?? `exit ${code}`}).`);
    stopAll(1);
  });
  children.push(child);
});
await Promise.all(ports.map(healthy));
if (!stopping) console.log(`E2E servers ready on ${ports.map((port) => `http://127.0.0.1:${port}`).join(', ')}`);
