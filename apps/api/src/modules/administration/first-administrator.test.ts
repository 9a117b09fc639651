// The first organisation and administrator on a fresh, migrated, empty database: embedded in memory and on
// the PostgreSQL server. The tests in each block run in order on one database, as an operator's runs would.
import { applyPendingMigrations, openDatabase, type Database, type DatabaseLocation } from '@insyn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { createEmptyTestDatabase, removeTestDatabase, type DatabaseKind } from '../../test/harness.ts';
import { createFirstAdministrator, SetupRefused, type FirstAdministratorOptions } from './first-administrator.service.ts';

const PASSWORD = 'korrekt-häst-batteri';
const ANNA = { organisationName: '  Exempelby kommun ', username: ' Anna.Admin ', firstName: 'Anna', lastName: 'Andersson' };
const TODAY = { validFrom: '2026-12-04' };

const counts = async (db: Database) => ({
  organisations: await db.prisma.organisation.count(),
  staff: await db.prisma.staff.count(),
  duties: await db.prisma.staffDuty.count(),
  accounts: await db.prisma.userAccount.count(),
});

describe.each<DatabaseKind>(['pglite', 'postgres'])('the first administrator (%s)', (kind) => {
  let location: DatabaseLocation;
  let db: Database;

  beforeAll(async () => {
    location = kind === 'pglite' ? { kind: 'memory' } : await createEmptyTestDatabase(kind);
    db = await openDatabase(location);
    await applyPendingMigrations(db.adapterFactory);
  });

  afterAll(async () => {
    await db.close();
    await removeTestDatabase(location);
  });

  const refused = async (input: Partial<typeof ANNA> & { password?: string }, options: Partial<FirstAdministratorOptions> = {}) =>
    createFirstAdministrator(db.prisma, { ...ANNA, password: PASSWORD, ...input }, { ...TODAY, ...options }).then(
      () => 'created',
      (error: unknown) => (error instanceof SetupRefused ? error.message : error),
    );

  it('refuses blank names, a username with a space, a weak password and a bad date, writing nothing', async () => {
    expect(await refused({ organisationName: ' ' })).toBe('The organisation name must not be blank');
    expect(await refused({ firstName: '' })).toBe('The first name must not be blank');
    expect(await refused({ lastName: '\t' })).toBe('The last name must not be blank');
    expect(await refused({ username: 'anna admin' })).toBe('The username must not contain spaces');
    expect(await refused({ username: 'a'.repeat(101) })).toBe('The username must be at most 100 characters long');
    expect(await refused({ password: 'too-short' })).toBe('The password must be at least 12 characters long');
    expect(await refused({ password: 'x'.repeat(257) })).toBe('The password must be at most 256 characters long');
    expect(await refused({ password: 'anna.admin-2026' })).toBe("The password must not contain the person's name or username");
    expect(await refused({ password: 'password1234' })).toMatch(/^The password is too easy to guess/);
    expect(await refused({}, { validFrom: '2026-02-30' })).toMatch(/^The start date must be a real date/);
    expect(await counts(db)).toEqual({ organisations: 0, staff: 0, duties: 0, accounts: 0 });
  });

  it('creates the organisation, a staff member, an ADMINISTRATOR duty from the day given and the account', async () => {
    const created = await createFirstAdministrator(db.prisma, { ...ANNA, password: PASSWORD }, TODAY);
    expect(created).toMatchObject({
      organisationName: 'Exempelby kommun',
      username: 'anna.admin',
      signature: 'ANAN',
      validFrom: '2026-12-04',
    });

    const account = await db.prisma.userAccount.findUniqueOrThrow({
      where: { username: 'anna.admin' },
      include: { staff: { include: { organisation: true, duties: true } } },
    });
    expect(account.id).toBe(created.userAccountId);
    expect(await verifyPassword(account.passwordHash ?? '', PASSWORD)).toBe(true);
    expect(account.staff).toMatchObject({ id: created.staffId, firstName: 'Anna', lastName: 'Andersson', signature: 'ANAN' });
    expect(account.staff?.organisation).toMatchObject({ id: created.organisationId, name: 'Exempelby kommun' });
    expect(account.staff?.duties).toEqual([
      expect.objectContaining({
        kind: 'ADMINISTRATOR',
        schoolId: null,
        groupId: null,
        validFrom: new Date('2026-12-04T00:00:00Z'),
        validTo: null,
      }),
    ]);
    expect(await counts(db)).toEqual({ organisations: 1, staff: 1, duties: 1, accounts: 1 });
    // Audited as every later change is, with no user: the command was run at the server.
    const audits = await db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'admin.' } } });
    expect(audits.map((row) => [row.action, row.entityId, row.userId]).sort()).toEqual(
      [
        ['admin.account.created', created.userAccountId, null],
        ['admin.organisation.created', created.organisationId, null],
        ['admin.staff.created', created.staffId, null],
        ['admin.staffDuty.created', account.staff?.duties[0]?.id, null],
      ].sort(),
    );
    expect(audits.find((row) => row.action === 'admin.account.created')?.details).toEqual({
      before: null,
      after: { staffId: created.staffId, username: 'anna.admin' },
    });
  });

  it('refuses a database that has an organisation, a taken username and a name taken, leaving the data alone', async () => {
    const before = await db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'anna.admin' } });
    expect(await refused({ organisationName: 'Grannby kommun', username: 'bo.admin' })).toMatch(
      /^The database already has an organisation \("Exempelby kommun"\); nothing was created/,
    );
    const additional = { additionalOrganisation: true };
    expect(await refused({ organisationName: 'Grannby kommun', username: 'ANNA.admin' }, additional)).toBe(
      'The username "anna.admin" is already taken; nothing was created.',
    );
    expect(await refused({ organisationName: 'exempelby KOMMUN', username: 'bo.admin' }, additional)).toBe(
      'An organisation named "Exempelby kommun" already exists; nothing was created.',
    );
    expect(await counts(db)).toEqual({ organisations: 1, staff: 1, duties: 1, accounts: 1 });
    expect(await db.prisma.userAccount.findUniqueOrThrow({ where: { username: 'anna.admin' } })).toEqual(before);
    expect(await db.prisma.auditEvent.count({ where: { action: { startsWith: 'admin.' } } })).toBe(4);
  });

  it('adds a further organisation with --additional-organisation, its administrator employed by it alone', async () => {
    const second = await createFirstAdministrator(
      db.prisma,
      { organisationName: 'Grannby kommun', username: 'bo.admin', firstName: 'Bo', lastName: 'Öberg', password: PASSWORD },
      { ...TODAY, additionalOrganisation: true },
    );
    expect(second.signature).toBe('BOÖB');
    const staff = await db.prisma.staff.findUniqueOrThrow({ where: { id: second.staffId }, include: { organisation: true } });
    expect(staff.organisation.name).toBe('Grannby kommun');
    expect(await counts(db)).toEqual({ organisations: 2, staff: 2, duties: 2, accounts: 2 });
  });
});
