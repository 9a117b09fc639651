// `pnpm admin:init` (entry: admin-init.ts): creates an organisation and its first administrator on an empty database, so that
// Insyn can start without demo data. The database is chosen as for the server (DATABASE_URL, otherwise
// embedded PGlite in INSYN_DATA_DIR) and migrated first. The password is never an argument or an
// environment variable, where shell history and process lists would keep it: it is typed at a hidden
// prompt, or read from the first line of standard input when that is not a terminal.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
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

/** What the command reads and writes: the process's own, or a test's. */
export interface CommandIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A line typed at the terminal without echoing it. */
function readHiddenLine(io: CommandIo, prompt: string): Promise<string> {
  const input = io.stdin;
  const setRawMode = (mode: boolean) => input.setRawMode?.(mode);
  io.err(prompt);
  setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      setRawMode(false);
      input.pause();
      io.err('\n');
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
function databaseLocation(env: NodeJS.ProcessEnv): DatabaseLocation {
  try {
    return databaseLocationFromEnv(env);
  } catch (error) {
    throw new SetupRefused((error as Error).message);
  }
}

async function readPassword(io: CommandIo, personal: readonly string[]): Promise<string> {
  if (io.stdin.isTTY) {
    const password = await readHiddenLine(io, 'Password for the administrator: ');
    checkNewPassword(password, personal);
    if ((await readHiddenLine(io, 'The same password again: ')) !== password) throw new SetupRefused('The two passwords differ');
    return password;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    checkNewPassword(line, personal);
    return line;
  }
  throw new SetupRefused('No password: standard input ended before its first line');
}

/** Runs the command; the exit status is 0 when created, REFUSED for refused input or database. */
export async function runAdminInit(io: CommandIo): Promise<number> {
  let args: Arguments | 'help';
  try {
    args = parseArguments(io.argv);
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    io.err(`${error.message}\n\n${USAGE}\n`);
    return REFUSED;
  }
  if (args === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  let location: DatabaseLocation;
  let password: string;
  try {
    location = databaseLocation(io.env);
    const { firstName, lastName, username } = args.administrator;
    password = await readPassword(io, [firstName, lastName, username]);
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    io.err(`${error.message}; nothing was created.\n`);
    return REFUSED;
  }

  io.out(`Database: ${describeLocation(location)}\n`);
  const db = await openDatabase(location);
  try {
    const applied = await applyPendingMigrations(db.adapterFactory);
    if (applied.length > 0) io.out(`Applied migrations: ${applied.join(', ')}\n`);
    const created = await createFirstAdministrator(
      db.prisma,
      { ...args.administrator, password },
      { validFrom: args.validFrom, additionalOrganisation: args.additionalOrganisation },
    );
    io.out(`
Created:
  organisation   ${created.organisationName}
  staff member   ${created.firstName} ${created.lastName} (signature ${created.signature})
  duty           administrator of ${created.organisationName} from ${created.validFrom}
  login          ${created.username}, with the password just given

Start Insyn with \`pnpm start\` (after \`pnpm build\` once, which builds the web app) and log in as
${created.username} at http://localhost:${io.env.PORT ?? 4000}.
`);
    return 0;
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    io.err(`${error.message}\n`);
    return REFUSED;
  } finally {
    await db.close();
  }
}
