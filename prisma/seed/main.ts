// Fills a database with the demo municipality:
//   tsx prisma/seed/main.ts [--students N] [--seed N] [--today YYYY-MM-DD] [--reset]
// DATABASE_URL selects PostgreSQL, otherwise embedded PGlite (INSYN_DATA_DIR). Every demo account's
// password is `insyn-demo`.
import { parseArgs } from 'node:util';
import { hash, type Algorithm } from '@node-rs/argon2';
import { applyPendingMigrations, databaseLocationFromEnv, describeLocation, openDatabase } from '@insyn/db';
import type { PrismaClient } from '@insyn/db';
import { isIsoDate, schoolDateOf } from '@insyn/domain';
import { MAX_STUDENTS, MIN_STUDENTS, seedDemoData } from './generate.ts';

const DEMO_PASSWORD = 'insyn-demo';
/** `Algorithm.Argon2id`, a const enum that verbatimModuleSyntax cannot read from the package's declarations */
const ARGON2ID = 2 satisfies Algorithm.Argon2id;
const DEFAULT_STUDENTS = 700;
const DEFAULT_SEED = 1;
/** exit status for refused input or a database that already has data */
const USAGE_ERROR = 2;

const USAGE = `Usage: tsx prisma/seed/main.ts [--students N] [--seed N] [--today YYYY-MM-DD] [--reset]
  --students  number of students, ${MIN_STUDENTS}–${MAX_STUDENTS} (default ${DEFAULT_STUDENTS})
  --seed      whole number; the same seed gives the same data (default ${DEFAULT_SEED})
  --today     the day the data is seen from (default: today in Sweden)
  --reset     empty every table first (needed when the database already has students)`;

interface Arguments {
  students: number;
  seed: number;
  today: string;
  reset: boolean;
}

class UsageError extends Error {}

function parseArguments(argv: string[]): Arguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        students: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.help) return 'help';

  const students = wholeNumber('--students', parsed.students, DEFAULT_STUDENTS);
  if (students < MIN_STUDENTS || students > MAX_STUDENTS) {
    throw new UsageError(`--students must be from ${MIN_STUDENTS} to ${MAX_STUDENTS}, got ${students}`);
  }
  const seed = wholeNumber('--seed', parsed.seed, DEFAULT_SEED);
  const today = parsed.today ?? schoolDateOf(new Date());
  if (!isIsoDate(today)) throw new UsageError(`--today must be a real date as YYYY-MM-DD, got "${today}"`);
  return { students, seed, today, reset: parsed.reset };
}

function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,15}$/.test(raw)) throw new UsageError(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

/** Every table but the migration history, in one statement so foreign keys never get in the way. */
async function emptyDatabase(prisma: PrismaClient): Promise<void> {
  const tables = await prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  const names = tables.map(({ tablename }) => `"${tablename.replaceAll('"', '""')}"`).join(', ');
  await prisma.$executeRawUnsafe(`TRUNCATE TABLE ${names} CASCADE`);
}

const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  let args: Arguments | 'help';
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return USAGE_ERROR;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }

  const started = performance.now();
  const location = databaseLocationFromEnv(process.env);
  console.log(`Database: ${describeLocation(location)}`);
  const db = await openDatabase(location);
  try {
    const applied = await applyPendingMigrations(db.adapterFactory);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);

    const existing = await db.prisma.student.count();
    if (existing > 0 && !args.reset) {
      console.error(`The database already has ${existing} students; run again with --reset to replace everything in it.`);
      return USAGE_ERROR;
    }
    if (args.reset) {
      await emptyDatabase(db.prisma);
      console.log('Emptied all tables.');
    }

    // One hash for every account: Argon2id is slow on purpose.
    const passwordHash = await hash(DEMO_PASSWORD, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    console.log(`Seeding ${args.students} students, seed ${args.seed}, today ${args.today} …`);
    const summary = await seedDemoData(db.prisma, {
      ...args,
      passwordHash,
      onProgress: (step, milliseconds) => console.log(`  ${step.padEnd(36)} ${seconds(milliseconds)}`),
    });

    console.log(
      `\n${summary.organisation}, läsår ${summary.schoolYear}, ${summary.term.kind} term ${summary.term.startDate} – ${summary.term.endDate}`,
    );
    const lessonTerms = summary.lessonTerms.map((t) => `${t.kind} ${t.startDate} – ${t.endDate}`).join(', ');
    console.log(`Lessons in ${lessonTerms}; attendance before ${args.today}`);
    for (const [name, count] of Object.entries(summary.counts)) console.log(`  ${name.padEnd(24)} ${count.toLocaleString('en-US')}`);
    const second = summary.secondOrganisation;
    console.log(
      `\nAnd ${second.name}: ${second.counts.students} students, ${second.counts.staff} staff (logins grannby.admin, grannby.rektor, …)`,
    );
    console.log(`\nDemo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of summary.demoLogins)
      console.log(`  ${login.username.padEnd(16)} ${login.displayName.padEnd(28)} ${login.description}`);
    console.log(`\nDone in ${seconds(performance.now() - started)}.`);
    return 0;
  } finally {
    await db.close();
  }
}

// The schema engine leaves a timer behind that would keep Node alive for seconds after closing.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
