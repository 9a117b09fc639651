// The organisation and its first administrator, made by `pnpm admin:init` on an empty database so that
// Insyn can start without demo data. Everything else is then set up by that administrator.
import { Prisma, type PrismaClient } from '@insyn/db';
import { isIsoDate } from '@insyn/domain';
import { normaliseUsername } from '../auth/auth.service.ts';
import { hashPassword, passwordRuleViolation } from '../auth/password.ts';
import { recordChange, type AdministeredEntity, type RecordSnapshot } from './administration.changes.ts';

const MAX_NAME_LENGTH = 100;
const MAX_USERNAME_LENGTH = 100;

export interface NewAdministrator {
  organisationName: string;
  username: string;
  firstName: string;
  lastName: string;
}

export interface FirstAdministratorOptions {
  /** the school date the ADMINISTRATOR duty starts (YYYY-MM-DD) */
  validFrom: string;
  /** add an organisation beside those already there; without it the database must have none */
  additionalOrganisation?: boolean;
}

export interface FirstAdministrator extends NewAdministrator {
  organisationId: string;
  staffId: string;
  signature: string;
  userAccountId: string;
  validFrom: string;
}

/** Input or a database state the command will not act on; nothing has been written. */
export class SetupRefused extends Error {}

/** The input trimmed and the username as it is stored; refuses blank or over-long values. */
export function checkNewAdministrator(input: NewAdministrator): NewAdministrator {
  const text = (label: string, value: string, max: number): string => {
    const trimmed = value.trim();
    if (!trimmed) throw new SetupRefused(`The ${label} must not be blank`);
    if (trimmed.length > max) throw new SetupRefused(`The ${label} must be at most ${max} characters long`);
    return trimmed;
  };
  const username = normaliseUsername(text('username', input.username, MAX_USERNAME_LENGTH));
  // Login trims what is typed, so a username with a space inside could never be typed in whole.
  if (/\s/.test(username)) throw new SetupRefused('The username must not contain spaces');
  return {
    organisationName: text('organisation name', input.organisationName, MAX_NAME_LENGTH),
    username,
    firstName: text('first name', input.firstName, MAX_NAME_LENGTH),
    lastName: text('last name', input.lastName, MAX_NAME_LENGTH),
  };
}

/** The rules of changePassword, so the administrator's first password is one they could also choose later. */
export function checkNewPassword(password: string, personal: readonly string[]): void {
  const violation = passwordRuleViolation(password, personal);
  if (violation) throw new SetupRefused(`The password ${violation.message}`);
}

/** Two letters of each name, as the seed's schedule signatures ("ANAN" for Anna Andersson). */
const signatureOf = (firstName: string, lastName: string): string =>
  ([...firstName].slice(0, 2).join('') + [...lastName].slice(0, 2).join('')).toUpperCase();

/**
 * Creates the organisation, a staff member in it with an ADMINISTRATOR duty from `validFrom`, and their
 * account, in one transaction. Refuses (SetupRefused, nothing written) bad input, a database that already
 * has an organisation (unless `additionalOrganisation`; then one of the same name), and a taken username.
 */
export async function createFirstAdministrator(
  prisma: PrismaClient,
  input: NewAdministrator & { password: string },
  options: FirstAdministratorOptions,
): Promise<FirstAdministrator> {
  const person = checkNewAdministrator(input);
  checkNewPassword(input.password, [person.firstName, person.lastName, person.username]);
  if (!isIsoDate(options.validFrom)) throw new SetupRefused(`The start date must be a real date as YYYY-MM-DD, got "${options.validFrom}"`);
  // Argon2id takes a while; done before the transaction so the lock below is held briefly.
  const passwordHash = await hashPassword(input.password);
  const validFrom = new Date(`${options.validFrom}T00:00:00.000Z`);

  try {
    return await prisma.$transaction(async (tx) => {
      // Two runs at once must not both find the database empty; this lock lets readers on, writers wait.
      await tx.$executeRawUnsafe('LOCK TABLE "Organisation" IN SHARE ROW EXCLUSIVE MODE');
      const organisations = await tx.organisation.findMany({ select: { name: true } });
      if (!options.additionalOrganisation && organisations.length > 0) {
        const names = organisations.map((o) => `"${o.name}"`).join(', ');
        throw new SetupRefused(
          `The database already has ${organisations.length === 1 ? 'an organisation' : `${organisations.length} organisations`} (${names}); ` +
            'nothing was created. Use --additional-organisation to add another one beside it.',
        );
      }
      const sameName = organisations.find((o) => o.name.toLowerCase() === person.organisationName.toLowerCase());
      if (sameName) throw new SetupRefused(`An organisation named "${sameName.name}" already exists; nothing was created.`);
      if (await tx.userAccount.findUnique({ where: { username: person.username }, select: { id: true } })) {
        throw new SetupRefused(`The username "${person.username}" is already taken; nothing was created.`);
      }

      const organisation = await tx.organisation.create({ data: { name: person.organisationName } });
      const signature = signatureOf(person.firstName, person.lastName);
      const staff = await tx.staff.create({
        data: { organisationId: organisation.id, firstName: person.firstName, lastName: person.lastName, signature },
      });
      const duty = await tx.staffDuty.create({ data: { staffId: staff.id, kind: 'ADMINISTRATOR', validFrom } });
      const account = await tx.userAccount.create({
        data: { username: person.username, passwordHash, activatedAt: new Date(), staffId: staff.id },
      });
      // Audited as every later change is, with no user: the operator at the server ran the command.
      const operator = { prisma: tx, ip: undefined, auth: null };
      const created = (entity: AdministeredEntity, entityId: string, after: RecordSnapshot) =>
        recordChange(operator, { entity, kind: 'created', entityId, before: null, after });
      await created('organisation', organisation.id, { name: organisation.name, via: 'admin:init' });
      await created('staff', staff.id, {
        organisationId: organisation.id,
        firstName: staff.firstName,
        lastName: staff.lastName,
        signature,
      });
      await created('staffDuty', duty.id, { staffId: staff.id, kind: 'ADMINISTRATOR', validFrom: options.validFrom });
      await created('account', account.id, { staffId: staff.id, username: account.username });
      return {
        ...person,
        organisationId: organisation.id,
        staffId: staff.id,
        signature,
        userAccountId: account.id,
        validFrom: options.validFrom,
      };
    });
  } catch (error) {
    // An account made by someone else between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new SetupRefused(`The username "${person.username}" is already taken; nothing was created.`);
    }
    throw error;
  }
}
