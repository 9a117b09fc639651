// The servers the browser tests run against (playwright.config.ts): builds the web app once, then starts one
// production-style API server per port given, each on a fresh database of its own filled with the demo school,
// so that test projects which change data (the screens project saves the users' language) run side by side.
// Databases: `insyn_e2e_<port>` on the PostgreSQL server (E2E_POSTGRES_URL), dropped and made again at each
// start, each a copy of one demo school seeded once (while the web app builds); or, with E2E_DATABASE=embedded,
// PGlite in memory, each server seeding its own (slower: one process does all the database work).
// A port given as `empty:<port>` gets no demo school: an empty database on which `pnpm admin:init` has made an
// organisation and its first administrator (FIRST_ADMINISTRATOR below), as a school starting without demo data.
// A port given as `night:<port>` gets the demo school with its clock at 22:00 on the same school day, in the quiet hours
// when no SMS goes out (e2e/night.spec.ts).
// `mail:<port>` starts a local mail stand-in, and the first server (the functional tests') sends its e-mail there:
// the API tests' SMTP server (startFakeSmtpServer in apps/api/src/test/fake-providers.ts) on a free port, which
// keeps every mail in memory, and on <port> an HTTP endpoint for the tests to read them: GET /mails?to=<address>
// answers JSON, `[{ to, from, subject, text }]` oldest first (every mail without `to`). That server gets SMTP_URL
// and MAIL_FROM, so its "forgot password" mails leave (e2e/password-reset.spec.ts) and its e-mail notifications are
// delivered there instead of being kept in the outbox (SMS still are), and PUBLIC_URL its own address, so that the
// links in its mails open it. The other servers have no provider: every message stays in their outbox.
// Prints "E2E servers ready" once every server answers /health; SIGTERM stops them all.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const mailArgs = args.filter((arg) => arg.startsWith('mail:'));
const mailPort = mailArgs.length > 0 ? Number(mailArgs[0].slice('mail:'.length)) : null;
const servers = args
  .filter((arg) => !arg.startsWith('mail:'))
  .map((arg) => ({ empty: arg.startsWith('empty:'), night: arg.startsWith('night:'), port: Number(arg.replace(/^(empty|night):/, '')) }));
const ports = servers.map((server) => server.port);
const validPort = (port) => Number.isInteger(port) && port > 0 && port <= 65535;
if (servers.length === 0 || servers[0].empty || mailArgs.length > 1 || ![...ports, mailPort ?? 1].every(validPort)) {
  console.error('usage: node scripts/e2e-servers.mjs <port> [<port> | empty:<port> | night:<port> …] [mail:<port>]');
  process.exit(2);
}
const embedded = process.env.E2E_DATABASE === 'embedded';
if (!embedded && process.env.E2E_DATABASE && process.env.E2E_DATABASE !== 'postgres') {
  console.error(`E2E_DATABASE must be "postgres" (the default) or "embedded", not "${process.env.E2E_DATABASE}"`);
  process.exit(2);
}
const adminUrl = new URL(process.env.E2E_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');

// The suite runs on one school day: the servers' clock starts here and every browser's clock is set to the same
// instant (e2e/support/test.ts). The server refuses a shifted clock in production.
const CLOCK_START = '2026-11-25T07:45:00Z';
/** 22:00 in Stockholm on the same day, for `night:<port>` (the browser's clock there: NIGHT_NOW in e2e/support/app.ts) */
const NIGHT_CLOCK_START = '2026-11-25T21:00:00Z';
const SCHOOL_DAY = '2026-11-25';
/** what `--demo` would seed on an empty database (apps/api/src/main.ts) */
const DEMO_SEED = ['--seed', '1', '--students', process.env.INSYN_DEMO_STUDENTS ?? '700', '--today', SCHOOL_DAY];

/** The first administrator of the empty server (e2e/support/from-scratch.ts logs in with these). */
const FIRST_ADMINISTRATOR = {
  args: [
    '--organisation',
    'Nystads kommun',
    '--username',
    'nystad.admin',
    '--first-name',
    'Nora',
    '--last-name',
    'Nyström',
    '--valid-from',
    '2026-08-01',
  ],
  password: 'grön-båt-över-sjön',
};

/** Runs a command to its end, `input` on its standard input; rejects unless it succeeds. */
function run(command, args, env = {}, input = null) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: [input === null ? 'inherit' : 'pipe', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    if (input !== null) child.stdin.end(input);
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')}: ${signal ?? `exit ${code}`}`))));
  });
}

async function withAdmin(work) {
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const databaseUrl = (name) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
};

/** The demo school, seeded once into a database the servers' databases are copied from. */
async function seededTemplate() {
  const name = `insyn_e2e_template_${ports[0]}`;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  await run(process.execPath, ['--import', 'tsx', 'prisma/seed/main.ts', ...DEMO_SEED], { DATABASE_URL: databaseUrl(name) });
  return name;
}

/** An empty database with only the first administrator, made by the command an operator runs. */
async function firstAdministratorDatabase(port) {
  const name = `insyn_e2e_${port}`;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
  const { args, password } = FIRST_ADMINISTRATOR;
  await run(
    process.execPath,
    ['--import', 'tsx', 'apps/api/src/cli/admin-init.ts', ...args],
    { DATABASE_URL: databaseUrl(name) },
    `${password}\n`,
  );
  return databaseUrl(name);
}

/** A fresh copy of the template for the server on `port`. */
async function databaseFrom(template, port) {
  const name = `insyn_e2e_${port}`;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
  return databaseUrl(name);
}

/** The SMTP server and its mails over HTTP (mail:<port>, see above); resolves with the SMTP server's smtp:// URL. */
async function startMailStandIn(port) {
  const { startFakeSmtpServer } = await tsImport('../apps/api/src/test/fake-providers.ts', import.meta.url);
  const smtp = await startFakeSmtpServer();
  const mails = createServer((request, response) => {
    // One request a connection: a test's poll must never meet a kept-alive connection the server is just closing.
    response.setHeader('connection', 'close');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== '/mails') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('GET /mails?to=<address>');
      return;
    }
    const to = url.searchParams.get('to')?.toLowerCase();
    const received = smtp.received
      .filter((mail) => !to || mail.envelopeTo.some((address) => address.toLowerCase() === to))
      .map((mail) => ({ to: mail.envelopeTo, from: mail.from, subject: mail.subject, text: mail.text }));
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify(received));
  });
  await new Promise((resolve, reject) => {
    mails.once('error', reject);
    mails.listen(port, '127.0.0.1', () => {
      mails.off('error', reject);
      resolve();
    });
  });
  return smtp.url;
}

const building = run(process.execPath, [join(root, 'node_modules/pnpm/bin/pnpm.mjs'), '--filter', '@insyn/web', 'build'], {
  NODE_ENV: 'production',
});
let databases;
let smtpUrl = null;
try {
  if (embedded && servers.some((server) => server.empty)) throw new Error('empty:<port> needs the PostgreSQL server');
  const [template, , mailUrl, ...empty] = await Promise.all([
    embedded ? null : seededTemplate(),
    building,
    mailPort === null ? null : startMailStandIn(mailPort),
    ...servers.filter((server) => server.empty).map((server) => firstAdministratorDatabase(server.port)),
  ]);
  databases = [];
  // One copy at a time: copying needs the template to itself.
  for (const server of servers) {
    if (server.empty) databases.push(empty.shift());
    else databases.push(embedded ? 'memory' : await databaseFrom(template, server.port));
  }
  if (template) await withAdmin((admin) => admin.query(`DROP DATABASE ${template}`));
  smtpUrl = mailUrl;
} catch (error) {
  console.error(`The E2E servers could not be prepared: ${error.message}`);
  process.exit(1);
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

servers.forEach(({ port, empty, night }, index) => {
  const database = databases[index];
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts', ...(empty ? [] : ['--demo'])], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(database === 'memory' ? { INSYN_DATA_DIR: 'memory' } : { DATABASE_URL: database }),
      INSYN_CLOCK_START: night ? NIGHT_CLOCK_START : CLOCK_START,
      // A secret of its own, as in production: the SS 12000 source's secret is stored encrypted under a key from it.
      JWT_SECRET: `e2e-server-${port}-secret-that-is-long-enough-for-hs256`,
      // The school from scratch and the night server see their absence messages queued within their tests, not after
      // the three minutes' grace a teacher has to correct a roll call (e2e/from-scratch.spec.ts, e2e/night.spec.ts).
      ...(empty || night ? { NOTIFY_GRACE_SECONDS: '5' } : {}),
      // The first server's mail goes to the mail stand-in, with links to its own address (see the top).
      ...(index === 0 && smtpUrl
        ? { SMTP_URL: smtpUrl, MAIL_FROM: 'Insyn <noreply@insyn.example>', PUBLIC_URL: `http://127.0.0.1:${port}` }
        : {}),
      // One process per server: the suite's CPU goes to the browsers.
      API_PROCESSES: '1',
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
const mailNote = mailPort === null ? '' : `; their mails at http://127.0.0.1:${mailPort}/mails`;
if (!stopping) console.log(`E2E servers ready on ${ports.map((port) => `http://127.0.0.1:${port}`).join(', ')}${mailNote}`);
