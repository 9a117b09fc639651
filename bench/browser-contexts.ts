// What a browser context costs Chromium, as the browser tests start it (e2e/support/chromium.ts): opens `--contexts`
// contexts one after another, each showing a small page for `--seconds`, and reports the CPU time of the whole
// Chromium process tree (from /proc, the processes that ended included). `--window-pages` starts it without the
// suite's --disable-features, so that each window loads Chromium's own pages as it would by default.
//   pnpm exec tsx bench/browser-contexts.ts [--contexts 10] [--seconds 2] [--window-pages]
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';

const { values } = parseArgs({
  options: {
    contexts: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '2' },
    'window-pages': { type: 'boolean', default: false },
  },
});
const contexts = Number(values.contexts);
const seconds = Number(values.seconds);
if (!Number.isInteger(contexts) || contexts < 1 || !(seconds >= 0)) {
  console.error('--contexts must be a whole number above 0 and --seconds a number of seconds, 0 or more');
  process.exit(2);
}

const TICKS_PER_SECOND = 100;

/** A process's CPU time in ticks with its reaped children's (fields 14–17 of /proc/<pid>/stat), and its parent. */
function processTimes(pid: number): { parent: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it are separated by single spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return { parent: Number(fields[1]), ticks: (utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0) };
  } catch {
    return null;
  }
}

/** CPU seconds of `root` and every living descendant (an ended one counts in its parent's children's time). */
function treeSeconds(root: number): number {
  const all = new Map<number, { parent: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    const times = /^\d+$/.test(entry) ? processTimes(Number(entry)) : null;
    if (times) all.set(Number(entry), times);
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid; current > 1; current = all.get(current)?.parent ?? 0) if (current === root) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, times] of all) if (inTree(pid)) ticks += times.ticks;
  return ticks / TICKS_PER_SECOND;
}

const site = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><html lang="sv"><title>Insyn</title><main><h1>Schema</h1><p>Vecka 48</p></main></html>');
});
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;

const options = chromiumLaunchOptions();
const args = values['window-pages'] ? options.args.filter((arg) => !arg.startsWith('--disable-features=')) : options.args;
const server = await chromium.launchServer({ ...options, args });
const pid = server.process().pid;
if (pid === undefined) throw new Error('Chromium did not start');
const browser = await chromium.connect(server.wsEndpoint());
const before = treeSeconds(pid);
const started = performance.now();
for (let index = 0; index < contexts; index++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(seconds * 1000);
  await context.close();
}
const wall = (performance.now() - started) / 1000;
// The renderers end shortly after their contexts close; their time counts once their parent has reaped them.
await new Promise((resolve) => setTimeout(resolve, 1000));
const cpu = treeSeconds(pid) - before;
await browser.close();
await server.close();
site.close();
console.log(
  `${contexts} contexts, ${seconds} s each${values['window-pages'] ? ', with Chromium’s window pages' : ''}: ` +
    `Chromium ${cpu.toFixed(1)} s of CPU (${((cpu / contexts) * 1000).toFixed(0)} ms per context), ${wall.toFixed(1)} s wall`,
);
