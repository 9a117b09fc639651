import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import type { AxeResults } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's run in the page with the WCAG 2.1 A/AA rules (as a string: these files are not compiled for the DOM). */
const AXE_RUN = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })`;

export const DEMO_PASSWORD = 'insyn-demo';

export type DemoUser = 'elev' | 'vardnadshavare' | 'mentor' | 'larare' | 'rektor' | 'admin' | 'myndig';

/** The school day the whole suite runs on: the server's INSYN_CLOCK_START and every browser's clock. */
export const SCHOOL_NOW = new Date('2026-11-25T07:45:00Z');
/** 22:00 on the same day: the night server's clock (`night:<port>` in scripts/e2e-servers.mjs) */
export const NIGHT_NOW = new Date('2026-11-25T21:00:00Z');

export interface IsoWeek {
  isoYear: number;
  isoWeek: number;
}

/**
 * Today's ISO week at the school (Europe/Stockholm), computed independently of the app's code:
 * the Thursday of a date's week decides its ISO year.
 */
export function schoolIsoWeek(now: Date = SCHOOL_NOW): IsoWeek {
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const isoYear = date.getUTCFullYear();
  const isoWeek = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return { isoYear, isoWeek };
}

export function shiftWeek(week: IsoWeek, weeks: number): IsoWeek {
  // Monday of ISO week 1 is the Monday on or before 4 January.
  const jan4 = new Date(Date.UTC(week.isoYear, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000);
  const target = new Date(monday.getTime() + ((week.isoWeek - 1 + weeks) * 7 + 3) * 86_400_000); // a Thursday
  const isoYear = target.getUTCFullYear();
  const isoWeek = Math.ceil(((target.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return { isoYear, isoWeek };
}

export const weekLabel = ({ isoYear, isoWeek }: IsoWeek): string => `${isoYear}-W${String(isoWeek).padStart(2, '0')}`;

/**
 * Logs in through the login form (in whatever language it shows). Given a page of the app, it opens that page
 * logged out, as a bookmark or a link in a message would, and the login leads back to it: one page load instead of
 * the login page's and then the page's (each load of the app in a new browser context costs about 1.5 s of CPU).
 * Without one it waits for the start page (staff: today's lessons).
 */
export async function login(page: Page, username: DemoUser, path?: string): Promise<void> {
  await page.goto(path ?? '/logga-in');
  await page.getByLabel(/^(Användarnamn|Username)$/).fill(username);
  await page.getByLabel(/^(Lösenord|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(Logga in|Log in)$/ }).click();
  await expectLoggedInAt(page, path);
}

/** After a login: on the page asked for (path and query), or on a start page. */
export async function expectLoggedInAt(page: Page, path: string | undefined): Promise<void> {
  if (path) await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
  else await expect(page).toHaveURL(/\/(schema|idag)/);
  await expect(page.getByTestId('logged-in-user')).toBeVisible();
}

/**
 * Waits for the week's content: five day columns, or on a holiday week the one-line "no lessons" notice
 * (the demo data follows the real school calendar, so a test run in a holiday must still pass).
 */
export async function expectWeekShown(page: Page): Promise<'lessons' | 'empty'> {
  await expect(page.getByTestId('week-grid').or(page.getByTestId('week-empty'))).toBeVisible();
  if (await page.getByTestId('week-empty').isVisible()) return 'empty';
  await expect(page.getByTestId('day')).toHaveCount(5);
  return 'lessons';
}

/** Sets the interface language with the visible switch (saved on the account when logged in). */
export async function chooseLanguage(page: Page, language: 'sv' | 'en'): Promise<void> {
  const name = language === 'sv' ? 'Svenska' : 'English';
  const button = page.getByRole('group', { name: 'Språk – Language' }).getByRole('button', { name });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A GraphQL request as an API client would make it (no browser, no cookie). */
export async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Any account of the demo school (every one has the demo password), e.g. a guardian found through the administration. */
export async function apiLogin(request: APIRequestContext, username: string): Promise<string> {
  const result = await graphql<{ login: { accessToken: string } }>(
    request,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    { u: username, p: DEMO_PASSWORD },
  );
  const token = result.data?.login.accessToken;
  if (!token) throw new Error(`API login as ${username} failed: ${JSON.stringify(result.errors)}`);
  return token;
}

/**
 * Logs in through the API as a guardian of the student who has a login, found as the administrator finds them (the
 * demo data chooses people by rules, not by name); answers the guardian's username and token.
 */
export async function apiLoginAsGuardianOf(request: APIRequestContext, studentId: string): Promise<{ username: string; token: string }> {
  const admin = await apiLogin(request, 'admin');
  const student = await graphql<{ administeredStudent: { guardians: { id: string }[] } }>(
    request,
    'query ($id: ID!) { administeredStudent(id: $id) { guardians { id } } }',
    { id: studentId },
    admin,
  );
  for (const { id } of student.data?.administeredStudent.guardians ?? []) {
    const guardian = await graphql<{ administeredGuardian: { login: { username: string } | null } }>(
      request,
      'query ($id: ID!) { administeredGuardian(id: $id) { login { username } } }',
      { id },
      admin,
    );
    const username = guardian.data?.administeredGuardian.login?.username;
    if (username) return { username, token: await apiLogin(request, username) };
  }
  throw new Error(`no guardian of ${studentId} has a login: ${JSON.stringify(student)}`);
}

/**
 * axe with the WCAG 2.1 A/AA rules; fails on serious or critical violations, reports the rest.
 * axe-core runs in the page itself, injected once per page load (a page of this app has no frames): the
 * @axe-core/playwright wrapper injected its half-megabyte script twice on every check and opened a blank page to
 * assemble the results, which made a check cost 2–5 s of CPU instead of about 1 (e2e/screens.spec.ts makes ~120).
 */
export async function expectAccessible(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  if (!(await page.evaluate('typeof axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(AXE_RUN)) as AxeResults;
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
  if (summary.length > 0) {
    console.log(`axe ${label}: ${summary.map((violation) => `${violation.id} (${violation.impact})`).join(', ')}`);
    await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
  }
  const blocking = summary.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking, `axe violations on ${label}:\n${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

export const VIEWPORTS = {
  tablet: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * The E2E servers have no SMS provider (and their e-mail is kept in the outbox or taken by a local SMTP server that
 * takes every mail, scripts/e2e-servers.mjs), so no message ever fails on its own: this adds one failed SMS
 * (to a number from the range kept for fiction) to the outbox's answers, and answers its retry as the API
 * does, so that the outbox page's handling of failures can be seen and tested.
 */
export async function addFailedMessageToOutbox(page: Page): Promise<{ retried: () => boolean }> {
  const failed = {
    __typename: 'OutboundMessage',
    id: '00000000-0000-4000-8000-00000000f001',
    kind: 'ABSENCE',
    channel: 'SMS',
    recipient: '+46701740699',
    guardianName: 'Test Testsson',
    studentName: 'Elev Elevsson',
    subject: null,
    body: 'Insyn: Elev är frånvarande.',
    status: 'FAILED',
    attempts: 8,
    lastError: '46elks: 401 Unauthorized',
    provider: '46ELKS',
    createdAt: '2026-11-25T07:40:00.000Z',
    sentAt: null,
    nextAttemptAt: '2026-11-25T07:44:00.000Z',
  };
  const queued = { ...failed, status: 'QUEUED', attempts: 0, lastError: null };
  let retried = false;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === 'RetryMessage') {
      retried = true;
      await route.fulfill({ json: { data: { retryMessage: queued } } });
      return;
    }
    if (body?.operationName !== 'Outbox') {
      await route.fallback();
      return;
    }
    const response = await route.fetch();
    const json = (await response.json()) as { data: { outbox: { messages: unknown[]; totalCount: number } } };
    const outbox = json.data.outbox;
    // After the retry the message is queued again, as the API would list it.
    await route.fulfill({
      response,
      json: {
        data: {
          outbox: {
            ...outbox,
            messages: [retried ? queued : failed, ...outbox.messages],
            totalCount: outbox.totalCount + 1,
            failedCount: retried ? 0 : 1,
          },
        },
      },
    });
  });
  return { retried: () => retried };
}
