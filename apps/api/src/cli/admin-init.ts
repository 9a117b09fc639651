// `pnpm admin:init`: creates an organisation and its first administrator on an empty database, so that
// Insyn can start without demo data. The database is chosen as for the server (DATABASE_URL, otherwise
// embedded PGlite in INSYN_DATA_DIR) and migrated first. The password is never an argument or an
// environment variable, where shell history and process lists would keep it: it is typed at a hidden
// prompt, or read from the first line of standard input when that is not a terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { applyPendingMigrations, databaseLocationFromEnv, describeLocation, openDatabase, type DatabaseLocation } from '@insyn/db';
import { isIsoDate, schoolDateOf } from '@insyn/domain';
import {
  checkNewAdministrator,
  checkNewPassword,
  createFirstAdministrator,
  SetupRefused,
  type NewAdministrator,
} from '../modules/administration/first-administrator.service.ts';

/** exit status for refused input or a database the command will not change */
const REFUSED = 2;

const USAGE = `Usage: pnpm admin:init --organisation NAME --username NAME --first-name NAME --last-name NAME
                       [--valid-from YYYY-MM-DD] [--additional-organisation]
Creates an organisation (huvudman) and its first administrator, in one transaction.
  --organisation             the organisation's name, e.g. "Exempelby kommun"
  --username                 the administrator's login (stored lower-case)
  --first-name, --last-name  the administrator's name
  --valid-from               the day the administrator duty starts (default: today in Sweden)
  --additional-organisation  add the organisation to a database that already has others (their data is
                             left alone); without it the database must have no organisation
The password is asked for twice at a hidden prompt, or read from the first line of standard input
when that is not a terminal, e.g.  pnpm admin:init … < password.txt
The database is the server's: DATABASE_URL, otherwise embedded PGlite in INSYN_DATA_DIR (.data/pglite).`;

interface Arguments {
  administrator: NewAdministrator;
  validFrom: string;
  additionalOrganisation: boolean;
}

function parseArguments(argv: string[]): Arguments | 'help' {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        organisation: { type: 'string' },
        username: { type: 'string' },
        'first-name': { type: 'string' },
        'last-name': { type: 'string' },
        'valid-from': { type: 'string' },
        'additional-organisation': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new SetupRefused((error as Error).message);
  }
  if (values.help) return 'help';
  const required = (flag: string, value: string | undefined): string => {
    if (value === undefined) throw new SetupRefused(`${flag} is required`);
    return value;
  };
  const administrator = checkNewAdministrator({
    organisationName: required('--organisation', values.organisation),
    username: required('--username', values.username),
    firstName: required('--first-name', values['first-name']),
    lastName: required('--last-name', values['last-name']),
  });
  const validFrom = values['valid-from'] ?? schoolDateOf(new Date());
  if (!isIsoDate(validFrom)) throw new SetupRefused(`--valid-from must be a real date as YYYY-MM-DD, got "${validFrom}"`);
  return { administrator, validFrom, additionalOrganisation: values['additional-organisation'] };
}

/** A line typed at the terminal without echoing it. */
function readHiddenLine(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        // Raw mode turns Ctrl-C and Ctrl-D into characters; both mean stop here.
        if (char === '\u0003' || char === '\u0004') return finish(new SetupRefused('Cancelled'));
        if (char === '\u007f' || char === '\b') line = [...line].slice(0, -1).join('');
        else if (char >= ' ') line += char;
      }
    };
    input.on('data', onData);
  });
}

/** The server's choice of database; a wrong DATABASE_URL is refused before the password is asked for. */
function databaseLocation(): DatabaseLocation {
  try {
    return databaseLocationFromEnv(process.env);
  } catch (error) {
    throw new SetupRefused((error as Error).message);
  }
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const password = await readHiddenLine('Password for the administrator: ');
    checkNewPassword(password);
    if ((await readHiddenLine('The same password again: ')) !== password) throw new SetupRefused('The two passwords differ');
    return password;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    checkNewPassword(line);
    return line;
  }
  throw new SetupRefused('No password: standard input ended before its first line');
}

async function main(): Promise<number> {
  let args: Arguments | 'help';
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return REFUSED;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  let location: DatabaseLocation;
  let password: string;
  try {
    location = databaseLocation();
    password = await readPassword();
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    console.error(`${error.message}; nothing was created.`);
    return REFUSED;
  }

  console.log(`Database: ${describeLocation(location)}`);
  const db = await openDatabase(location);
  try {
    const applied = await applyPendingMigrations(db.adapterFactory);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
    const created = await createFirstAdministrator(
      db.prisma,
      { ...args.administrator, password },
      { validFrom: args.validFrom, additionalOrganisation: args.additionalOrganisation },
    );
    console.log(`
Created:
  organisation   ${created.organisationName}
  staff member   ${created.firstName} ${created.lastName} (signature ${created.signature})
  duty           administrator of ${created.organisationName} from ${created.validFrom}
  login          ${created.username}, with the password just given

Start Insyn with \`pnpm start\` (after \`pnpm build\` once, which builds the web app) and log in as
${created.username} at http://localhost:${process.env.PORT ?? 4000}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    console.error(error.message);
    return REFUSED;
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
