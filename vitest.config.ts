import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The projects' files in one queue, the long ones first. Vitest's own order runs the projects one after another by
 * name and, on a clean clone (no timings kept yet), a project's larger files first: the seed project's one file of
 * about 20 s then ran last, alone on one of the two workers, and so did the API files that start processes of their own
 * (the server, admin:init: 27–47 s each, in small files). Otherwise Vitest's order.
 */
const PROJECTS_FIRST_TO_LAST = ['seed', 'db', 'api', 'web', 'domain'];

const startsProcesses = (file: TestSpecification) => readFileSync(file.moduleId, 'utf8').includes("from 'node:child_process'");

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = new Map(
      files.map((file) => [file, PROJECTS_FIRST_TO_LAST.indexOf(file.project.name) * 2 + (startsProcesses(file) ? 0 : 1)]),
    );
    return (await super.sort(files)).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  }
}

export default defineConfig({
  test: {
    // Three files at a time, whatever the machine: each API test file waits much of its time on its servers and the
    // database. On two cores two workers took the stage from 354 s to 243 s (Vitest's default is one worker there), and
    // on a slower two-core machine three took it from 305 s to 285 s in one clone (2026-12-06; the CPU 93 % busy either
    // way; between clean clones the difference was within the noise).
    maxWorkers: 3,
    sequence: { sequencer: LongFilesFirst },
    // A worker keeps its modules from one test file to the next: starting afresh for each file (the default) imported
    // the whole server again and compiled PGlite's and Prisma's WebAssembly each time, about 3 s of CPU per API test
    // file. Files share no data: each starts its own servers on databases of its own, none mocks modules, and one that
    // fakes timers or globals restores them after each test.
    // Each project below takes this from here (`extends: true`): an inline project inherits nothing from the root
    // config without it, and until it was added this setting was silently not in effect (the API project took 255 s
    // instead of 151 s, 82 s of it importing).
    isolate: false,
    projects: [
      { extends: true, test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'db', include: ['packages/db/src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { extends: true, test: { name: 'seed', include: ['prisma/seed/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          globalSetup: ['apps/api/src/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      { extends: true, test: { name: 'web', include: ['apps/web/src/**/*.test.{ts,tsx}'], environment: 'node' } },
    ],
  },
});
