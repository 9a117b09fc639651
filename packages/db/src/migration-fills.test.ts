import { describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { applyPendingMigrations, readMigrationList } from './migrations.ts';
import { emptyDatabase } from './test-databases.ts';

// Migrations that add a NOT NULL column fill it from the rows already there; a school that upgrades has data,
// so each fill is tried on a database that holds rows from before it.
const REGISTERS = '20261205071811_organisation_registers';

const ids = {
  first: '00000000-0000-4000-8000-000000000001',
  second: '00000000-0000-4000-8000-000000000002',
  firstSchool: '00000000-0000-4000-8000-000000000011',
  secondSchool: '00000000-0000-4000-8000-000000000012',
  firstStudent: '00000000-0000-4000-8000-000000000021',
  secondStudent: '00000000-0000-4000-8000-000000000022',
  firstGuardian: '00000000-0000-4000-8000-000000000031',
  secondGuardian: '00000000-0000-4000-8000-000000000032',
  firstSubject: '00000000-0000-4000-8000-000000000041',
  secondSubject: '00000000-0000-4000-8000-000000000042',
  firstCourse: '00000000-0000-4000-8000-000000000051',
  secondCourse: '00000000-0000-4000-8000-000000000052',
};

/** A database migrated up to, not including, `name`, holding two organisations with one family and one course each. */
async function databaseBefore(name: string, kind: 'memory' | 'postgres' = 'memory'): Promise<Database> {
  const all = readMigrationList();
  const db = await emptyDatabase(kind);
  await applyPendingMigrations(db.adapterFactory, {
    ...all,
    migrationDirectories: all.migrationDirectories.filter((dir) => dir.path < name),
  });
  const statements = [
    `INSERT INTO "Organisation" ("id", "name") VALUES ('${ids.first}', 'Första kommun'), ('${ids.second}', 'Andra kommun')`,
    `INSERT INTO "School" ("id", "organisationId", "name", "unitCode", "form") VALUES
       ('${ids.firstSchool}', '${ids.first}', 'Första skolan', '10000001', 'COMPULSORY'),
       ('${ids.secondSchool}', '${ids.second}', 'Andra skolan', '10000002', 'UPPER_SECONDARY')`,
    // The same personnummer in both: two organisations' registers may each hold the same child.
    `INSERT INTO "Student" ("id", "personalIdentityNumber", "firstName", "lastName", "birthDate", "schoolId") VALUES
       ('${ids.firstStudent}', '20140309-2389', 'Alva', 'Ek', '2014-03-09', '${ids.firstSchool}'),
       ('${ids.secondStudent}', '20080101-0008', 'Bo', 'Al', '2008-01-01', '${ids.secondSchool}')`,
    `INSERT INTO "Guardian" ("id", "firstName", "lastName") VALUES
       ('${ids.firstGuardian}', 'Anna', 'Ek'), ('${ids.secondGuardian}', 'Bertil', 'Al')`,
    `INSERT INTO "Guardianship" ("studentId", "guardianId") VALUES
       ('${ids.firstStudent}', '${ids.firstGuardian}'), ('${ids.secondStudent}', '${ids.secondGuardian}')`,
    `INSERT INTO "Subject" ("id", "organisationId", "code", "nameSv", "nameEn") VALUES
       ('${ids.firstSubject}', '${ids.first}', 'MA', 'Matematik', 'Mathematics'),
       ('${ids.secondSubject}', '${ids.second}', 'MA', 'Matematik', 'Mathematics')`,
    `INSERT INTO "Course" ("id", "subjectId", "code", "name", "points") VALUES
       ('${ids.firstCourse}', '${ids.firstSubject}', 'MATMAT01c', 'Matematik 1c', 100),
       ('${ids.secondCourse}', '${ids.secondSubject}', 'MATMAT01b', 'Matematik 1b', 100)`,
  ];
  for (const statement of statements) await db.prisma.$executeRawUnsafe(statement);
  return db;
}

const organisationOf = (db: Database, table: string) =>
  db.prisma.$queryRawUnsafe<{ id: string; organisationId: string }[]>(
    `SELECT ${table === 'Guardianship' ? '"studentId"' : '"id"'}::text AS id, "organisationId"::text AS "organisationId" FROM "${table}" ORDER BY 1`,
  );

describe('migration fills on a database with data', () => {
  it('give existing students, guardians, guardianships and courses the organisation they belong to', async () => {
    const db = await databaseBefore(REGISTERS);
    try {
      expect((await applyPendingMigrations(db.adapterFactory))[0]).toBe(REGISTERS);
      const firstFamily = { id: expect.any(String), organisationId: ids.first };
      const secondFamily = { id: expect.any(String), organisationId: ids.second };
      expect(await organisationOf(db, 'Student')).toEqual([
        { ...firstFamily, id: ids.firstStudent },
        { ...secondFamily, id: ids.secondStudent },
      ]);
      expect(await organisationOf(db, 'Guardian')).toEqual([
        { ...firstFamily, id: ids.firstGuardian },
        { ...secondFamily, id: ids.secondGuardian },
      ]);
      expect(await organisationOf(db, 'Guardianship')).toEqual([
        { ...firstFamily, id: ids.firstStudent },
        { ...secondFamily, id: ids.secondStudent },
      ]);
      expect(await organisationOf(db, 'Course')).toEqual([
        { ...firstFamily, id: ids.firstCourse },
        { ...secondFamily, id: ids.secondCourse },
      ]);
      // What the new keys allow: the second organisation enters a code and a personnummer the first has.
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO "Course" ("id", "subjectId", "organisationId", "code", "name", "points")
         VALUES (gen_random_uuid(), '${ids.secondSubject}', '${ids.second}', 'MATMAT01c', 'Matematik 1c', 100)`,
      );
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO "Student" ("id", "personalIdentityNumber", "firstName", "lastName", "birthDate", "schoolId", "organisationId")
         VALUES (gen_random_uuid(), '20140309-2389', 'Alva', 'Ek', '2014-03-09', '${ids.secondSchool}', '${ids.second}')`,
      );
      // And what they forbid: a course whose subject is another organisation's.
      await expect(
        db.prisma.$executeRawUnsafe(
          `INSERT INTO "Course" ("id", "subjectId", "organisationId", "code", "name", "points")
           VALUES (gen_random_uuid(), '${ids.firstSubject}', '${ids.second}', 'MATMAT02c', 'Matematik 2c', 100)`,
        ),
      ).rejects.toThrow(/Course_subjectId_organisationId_fkey/);
    } finally {
      await db.close();
    }
  });

  // Both adapters: the embedded one once recorded a failed script as applied (see wholeScripts in database.ts).
  it.each(['memory', 'postgres'] as const)(
    'stop with a reason, not a guess, at a guardian with children at two organisations (%s)',
    async (kind) => {
      const db = await databaseBefore(REGISTERS, kind);
      try {
        await db.prisma.$executeRawUnsafe(
          `INSERT INTO "Guardianship" ("studentId", "guardianId") VALUES ('${ids.secondStudent}', '${ids.firstGuardian}')`,
        );
        await expect(applyPendingMigrations(db.adapterFactory)).rejects.toThrow(
          /1 guardian\(s\) have children at more than one organisation/,
        );
        const [student] = await db.prisma.$queryRawUnsafe<{ columns: bigint }[]>(
          `SELECT count(*) AS columns FROM information_schema.columns WHERE table_name = 'Student' AND column_name = 'organisationId'`,
        );
        expect(Number(student!.columns)).toBe(0);
        const [failed] = await db.prisma.$queryRawUnsafe<{ finished: boolean }[]>(
          `SELECT finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE migration_name = '${REGISTERS}'`,
        );
        expect(failed?.finished).toBe(false);
      } finally {
        await db.close();
      }
    },
  );
});
