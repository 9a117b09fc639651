// Benchmark: the first screen. What the browser loads before the login page and the schedule show, and how long a
// returning student waits for their week on a tablet.
//
//   pnpm build && pnpm exec tsx bench/first-screen.ts [--runs 7] [--throttle 4] [--students 700] [--profile file.cpuprofile] [--trace file.json]
//
// It builds nothing: it reads the web app as built in apps/web/dist.
// 1. From the build's manifest (apps/web/dist/.vite/manifest.json): the JavaScript a page loads before it can show,
//    raw, gzip and brotli (the build's precompressed copies, which the API sends; a file too small for a copy is sent
//    as it is): the app's start (index.html), and with it the login page and the schedule.
// 2. In Chromium (/usr/bin/chromium, CHROMIUM_PATH to change) at 768×1024 with the CPU slowed down `--throttle` times
//    (DevTools' Emulation.setCPUThrottlingRate), against the API as its own process on the database
//    `insyn_bench_first_screen` (BENCH_FIRST_SCREEN_DATABASE_URL to change; seeded once) serving that build, running
//    only the app's persisted operations as in production:
//    a. the login page on a first visit (nothing cached): the scripts as sent, and when the form shows;
//    b. a returning student (logged in before: the renewal cookie, the service worker and the browser's cache in
//       place) opening the app at `/`, `--runs` times: the time from the navigation until the week is in the page
//       (the grid, or the notice of a week without lessons), and the GraphQL requests made before it.
// Each run prints the load average (1 min) of the machine, since other work on it changes every figure here.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { findProjectRoot } from '@insyn/db';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { openSeededDatabase, percentile, startApiProcess } from './support.ts';

const BENCH_DAY = '2026-11-25';
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    throttle: { type: 'string', default: '4' },
    students: { type: 'string', default: '700' },
    // A DevTools CPU profile of the last returning run's page, for chrome://inspect or a script.
    profile: { type: 'string' },
    // A Chromium trace of the same run (layout, style, parsing and compiling beside the scripts), for chrome://tracing.
    trace: { type: 'string' },
  },
});
const runs = Number(values.runs);
const throttle = Number(values.throttle);
for (const [name, value] of Object.entries({ runs, throttle })) {
  if (!(value >= 1)) throw new Error(`--${name} must be a number from 1 up`);
}
const databaseUrl = process.env.BENCH_FIRST_SCREEN_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/insyn_bench_first_screen';
const dist = join(findProjectRoot(), 'apps', 'web', 'dist');
const VIEWPORT = { width: 768, height: 1024 };
const load = () => loadavg()[0]?.toFixed(2) ?? '?';
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// 1. The build.
interface ManifestEntry {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;

/** The chunk's file and every file it imports statically: what must arrive before its code runs. */
function closure(key: string, files = new Set<string>()): Set<string> {
  const entry = manifest[key];
  if (!entry) throw new Error(`not in the build's manifest: ${key}`);
  if (files.has(entry.file)) return files;
  files.add(entry.file);
  for (const imported of entry.imports ?? []) closure(imported, files);
  return files;
}

/** Bytes on the wire as the API sends a file: its precompressed copy where the build made one. */
function sizes(files: Iterable<string>): { count: number; raw: number; gzip: number; brotli: number } {
  const total = { count: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const path = join(dist, file);
    const raw = statSync(path).size;
    const copy = (suffix: string) => {
      try {
        return statSync(`${path}${suffix}`).size;
      } catch {
        return raw;
      }
    };
    total.count += 1;
    total.raw += raw;
    total.gzip += copy('.gz');
    total.brotli += copy('.br');
  }
  return total;
}

const describeSizes = (label: string, files: Set<string>) => {
  const size = sizes(files);
  console.log(
    `  ${label.padEnd(44)} ${String(size.count).padStart(3)} files  ${kB(size.raw).padStart(10)} raw  ` +
      `${kB(size.gzip).padStart(9)} gzip  ${kB(size.brotli).padStart(9)} brotli`,
  );
};

const start = closure('index.html');
/** A page loaded lazily adds its chunk's closure; one without a chunk of its own is part of the start. */
const page = (source: string) => new Set([...start, ...(manifest[source] ? closure(source) : [])]);
console.log(`JavaScript before a page can show (${dist}):`);
describeSizes('the app’s start (index.html)', start);
describeSizes('the login page', page('src/features/auth/login-page.tsx'));
describeSizes('the schedule (students, guardians)', page('src/features/schedule/schedule-page.tsx'));
describeSizes('the day’s lessons (staff)', page('src/features/start/staff-start-page.tsx'));
const gzipOf = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const largest = [...start].sort((a, b) => gzipOf(b) - gzipOf(a)).slice(0, 5);
console.log(`  largest at the start (gzip): ${largest.map((file) => `${file.replace(/^assets\//, '')} ${kB(gzipOf(file))}`).join(', ')}`);

// 2. In the browser.
const db = await openSeededDatabase(databaseUrl, { students: Number(values.students), today: BENCH_DAY });
await db.close();
const browser = await chromium.launch(chromiumLaunchOptions());
// As in production, only the app's own operations (by hash) are run.
const api = await startApiProcess(databaseUrl, `${BENCH_DAY}T07:45:00Z`, { GRAPHQL_OPERATIONS: 'persisted' });

async function throttled(context: BrowserContext): Promise<Page> {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return tab;
}

/** Notes in the page when the week is first in it (after the frame that draws it), from the start of the navigation. */
const WATCH_SCHEDULE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="week-grid"], [data-testid="week-empty"]')) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__scheduleShown = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
`;
/** A function, not text: the app's CSP forbids evaluating text in the page. `globalThis` is the page's window there. */
const scheduleShown = () => (globalThis as { __scheduleShown?: number }).__scheduleShown !== undefined;

try {
  console.log(`\nIn Chromium at ${VIEWPORT.width}×${VIEWPORT.height}, CPU ${throttle}× slower, API at ${api.url}:`);

  // a. The login page, nothing cached.
  const fresh = await browser.newContext({ viewport: VIEWPORT, locale: 'sv-SE', serviceWorkers: 'block' });
  const login = await throttled(fresh);
  const scripts: Promise<{ decoded: number; sent: number }>[] = [];
  login.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push((async () => ({ decoded: (await response.body()).length, sent: (await response.request().sizes()).responseBodySize }))());
  });
  const loadBefore = load();
  await login.goto(`${api.url}/logga-in`);
  await login.getByLabel('Användarnamn').waitFor();
  const formShown = await login.evaluate<number>('performance.now()');
  const sent = await Promise.all(scripts);
  console.log(
    `  a. login page, first visit: form after ${Math.round(formShown)} ms; ${sent.length} scripts, ` +
      `${kB(sent.reduce((sum, script) => sum + script.sent, 0))} sent for ${kB(sent.reduce((sum, script) => sum + script.decoded, 0))} ` +
      `(load ${loadBefore} → ${load()})`,
  );
  await fresh.close();

  // b. A returning student: logged in once (no throttle), the service worker in control.
  const returning = await browser.newContext({ viewport: VIEWPORT, locale: 'sv-SE' });
  await returning.addInitScript(WATCH_SCHEDULE);
  const first = await returning.newPage();
  await first.goto(`${api.url}/logga-in`);
  await first.getByLabel('Användarnamn').fill('elev');
  await first.getByLabel('Lösenord', { exact: true }).fill('insyn-demo');
  await first.getByRole('button', { name: 'Logga in' }).click();
  await first.waitForFunction(scheduleShown);
  await first.waitForFunction(
    () => (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null,
  );
  await first.close();

  const times: number[] = [];
  const requestCounts: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const tab = await throttled(returning);
    const operations: string[] = [];
    tab.on('request', (request) => {
      if (!request.url().endsWith('/graphql')) return;
      const body = request.postDataJSON() as { operationName?: string } | null;
      operations.push(body?.operationName ?? '?');
    });
    const profiler = values.profile && run === runs ? await returning.newCDPSession(tab) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    const tracing = values.trace !== undefined && run === runs;
    if (tracing)
      await browser.startTracing(tab, { path: values.trace, categories: ['devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading'] });
    const loadAtStart = load();
    await tab.goto(`${api.url}/`);
    await tab.waitForFunction(scheduleShown, undefined, { timeout: 60_000 });
    if (tracing) await browser.stopTracing();
    if (profiler && values.profile) writeFileSync(values.profile, JSON.stringify((await profiler.send('Profiler.stop')).profile));
    // The page's own clock (this file is not compiled for the browser, hence the text): when the week showed, when
    // the scripts had run (DOMContentLoaded) and each GraphQL request before the week, start to end.
    const timing = await tab.evaluate<{ shown: number; scriptsRun: number; graphql: [number, number][] }>(`(() => {
      const shown = window.__scheduleShown;
      const graphql = performance.getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('/graphql') && entry.startTime < shown)
        .map((entry) => [entry.startTime, entry.responseEnd]);
      return { shown, scriptsRun: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, graphql };
    })()`);
    const ms = (value: number) => Math.round(value);
    times.push(timing.shown);
    requestCounts.push(timing.graphql.length);
    const requests = timing.graphql.map(([from, to], index) => `${operations[index] ?? '?'} ${ms(from)}–${ms(to)}`).join(', ');
    console.log(
      `  b. run ${run}: schedule after ${ms(timing.shown)} ms; scripts run by ${ms(timing.scriptsRun)} ms; ` +
        `${timing.graphql.length} GraphQL requests before it (${requests} ms); load ${loadAtStart} → ${load()}`,
    );
    await tab.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `  returning student, ${runs} runs: p50 ${Math.round(percentile(sorted, 50))} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms; ` +
      `GraphQL requests before the schedule: ${Math.min(...requestCounts)}–${Math.max(...requestCounts)}`,
  );
  await returning.close();
} finally {
  await browser.close();
  await api.stop();
}
