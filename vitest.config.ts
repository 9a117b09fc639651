import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time, whatever the machine: each API test file waits much of its time on its servers and the
    // database, so on two cores the stage takes 243 s instead of 354 s (Vitest's default is one worker there).
    maxWorkers: 2,
    // A worker keeps its modules from one test file to the next: starting a fresh process per file (the default)
    // imported the whole server again and compiled PGlite's and Prisma's WebAssembly each time, about a third of the
    // CPU time of a small API test file. Files share no data: each starts its own servers on databases of its own,
    // and none mocks modules or timers.
    isolate: false,
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      { test: { name: 'db', include: ['packages/db/src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'seed', include: ['prisma/seed/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 } },
      {
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts'],
          globalSetup: ['apps/api/src/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      { test: { name: 'web', include: ['apps/web/src/**/*.test.{ts,tsx}'], environment: 'node' } },
    ],
  },
});
