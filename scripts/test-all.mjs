// The whole test suite, in the order that fails fastest: types, lint and format (side by side), unit and API
// tests (embedded database and the PostgreSQL server), then the built app in Chromium (Playwright builds it first). Ends with one summary line.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// Not under test-results/: Playwright empties that folder when it starts.
const reports = join(root, 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

// A larger young generation for Vitest's workers: the unit and API tests allocate much that dies young (Prisma's and
// PGlite's results, seeding), and with V8's default semi-space the scavenges took about a tenth of the API tests' time
// on two cores. Not for the browser tests' processes (their API servers, Playwright's workers): there the larger
// scavenges and the fresh pages they touch made the stage slower (2026-12-07, screens projects: 302–320 s against
// 268–284 s, 580–612 busy core-seconds against 511–546).
const youngGeneration = { NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ') };

/**
 * Each step is one command, or several that run side by side (the static checks: each mostly waits on one core); a
 * command may name variables of its own.
 */
const steps = [
  [
    'typecheck, lint and format',
    [
      [process.execPath, [join(root, 'node_modules/pnpm/bin/pnpm.mjs'), 'run', 'typecheck']],
      [bin('eslint'), ['.', '--max-warnings', '0']],
      [bin('prettier'), ['--check', '.']],
    ],
  ],
  [
    'unit and API tests',
    [
      [
        bin('vitest'),
        ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`],
        youngGeneration,
      ],
    ],
  ],
  ['browser tests', [[bin('playwright'), ['test']]]],
];

const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') };

/**
 * Runs one command, with `extraEnv` besides the run's variables; side by side, its output is held and printed whole when
 * it ends, so the logs stay readable.
 */
function run(command, args, extraEnv, alone) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      if (!alone) process.stdout.write(`\n$ ${[command, ...args].join(' ')}\n${Buffer.concat(output).toString()}`);
      resolve(code === 0);
    });
  });
}

const started = Date.now();
let failedStep = null;
for (const [name, commands] of steps) {
  const stepStart = Date.now();
  console.log(`\n▶ ${name}`);
  const results = await Promise.all(commands.map(([command, args, extraEnv]) => run(command, args, extraEnv, commands.length === 1)));
  const ok = results.every(Boolean);
  console.log(`◀ ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - stepStart) / 1000).toFixed(0)} s`);
  if (!ok) {
    failedStep = name;
    break;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const vitest = join(reports, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
const playwright = join(reports, 'playwright.json');
if (existsSync(playwright)) {
  const { stats } = JSON.parse(readFileSync(playwright, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
}
console.log(`\nWhole suite in ${((Date.now() - started) / 1000).toFixed(0)} s${failedStep ? `; stopped at: ${failedStep}` : ''}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
