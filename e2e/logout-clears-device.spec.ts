import type { APIRequestContext, Page } from '@playwright/test';
import { apiLogin, DEMO_PASSWORD, expectAccessible, graphql, login, VIEWPORTS } from './support/app';
import { expect, test } from './support/test';

/**
 * Logout clears the device (issue 17, item 6): a teacher's roll call on a shared tablet leaves snapshots (names,
 * notes, reasons) and a queue in the browser's storage; logging out sends the queue first, or warns that it will
 * be lost, and then nothing personal stays. The lesson: `larare`'s second-to-last of the day (Matematik Ma8B), which
 * no other test takes (roll-call.spec.ts takes the first, the second and the last; reported-absence.spec.ts the last).
 * The next user here is `grannby.larare`, a teacher of the other school owner, who can see nothing of this school.
 */

const NEXT_USER = 'grannby.larare';

interface Lesson {
  id: string;
  status: string;
  subjectName: string;
  groupName: string;
}

interface Student {
  id: string;
  firstName: string;
  lastName: string;
  status: string | null;
  note: string | null;
}

async function teachersLesson(request: APIRequestContext): Promise<{ lesson: Lesson; students: Student[]; teacher: Teacher }> {
  const token = await apiLogin(request, 'larare');
  const found = await graphql<{ me: Teacher; myLessons: Lesson[] }>(
    request,
    '{ me { userId displayName } myLessons { id status subjectName groupName } }',
    {},
    token,
  );
  const lesson = found.data?.myLessons.filter((candidate) => candidate.status === 'SCHEDULED').at(-2);
  if (!lesson || !found.data) throw new Error(`no second-to-last lesson: ${JSON.stringify(found)}`);
  return { lesson, students: await rollCallStudents(request, lesson.id, token), teacher: found.data.me };
}

interface Teacher {
  userId: string;
  displayName: string;
}

async function rollCallStudents(request: APIRequestContext, lessonId: string, token: string): Promise<Student[]> {
  const result = await graphql<{ rollCall: { students: Student[] } }>(
    request,
    'query ($id: ID!) { rollCall(lessonId: $id) { students { id firstName lastName status note } } }',
    { id: lessonId },
    token,
  );
  const students = result.data?.rollCall.students;
  if (!students || students.length < 3) throw new Error(`too few students: ${JSON.stringify(result)}`);
  return students;
}

interface DeviceDump {
  local: Record<string, string | null>;
  session: Record<string, string | null>;
  databases: { name: string; stores: { store: string; records: { key: unknown; value: unknown }[] }[] }[];
  caches: { name: string; entries: { path: string; found: string[] }[] }[];
}

/**
 * Everything the page's origin keeps in the browser: localStorage, sessionStorage, every IndexedDB database with every
 * record of every store, and every Cache Storage entry (its path, and which of `needles` its body contains: the app
 * shell's scripts are large, so they are searched in the page). A string, as these files are not compiled for the DOM.
 */
async function dumpDevice(page: Page, needles: string[]): Promise<DeviceDump> {
  return (await page.evaluate(`(async () => {
    const needles = ${JSON.stringify(needles)};
    const entriesOf = (storage) => Object.fromEntries(Object.keys(storage).map((key) => [key, storage.getItem(key)]));
    const done = (request) => new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const databases = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await done(indexedDB.open(name));
      const stores = [];
      for (const store of Array.from(db.objectStoreNames)) {
        const keys = await done(db.transaction(store, 'readonly').objectStore(store).getAllKeys());
        const values = await done(db.transaction(store, 'readonly').objectStore(store).getAll());
        stores.push({ store, records: keys.map((key, index) => ({ key, value: values[index] })) });
      }
      db.close();
      databases.push({ name, stores });
    }
    const cacheList = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const entries = [];
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).text();
        entries.push({ path: new URL(request.url).pathname, found: needles.filter((needle) => body.includes(needle)) });
      }
      cacheList.push({ name, entries });
    }
    return { local: entriesOf(localStorage), session: entriesOf(sessionStorage), databases, caches: cacheList };
  })()`)) as DeviceDump;
}

/** The needles found anywhere on the device (the stores' records and keys, web storage, cached bodies). */
function personalDataIn(dump: DeviceDump, needles: string[]): string[] {
  const text = JSON.stringify({ local: dump.local, session: dump.session, databases: dump.databases });
  return [
    ...new Set([
      ...needles.filter((needle) => text.includes(needle)),
      ...dump.caches.flatMap((cache) => cache.entries.flatMap((entry) => entry.found)),
    ]),
  ];
}

/** After a logout: no record in any database, nothing in sessionStorage, only the language (and a logout owed) in localStorage. */
function expectNothingPersonal(dump: DeviceDump, needles: string[]): void {
  expect(personalDataIn(dump, needles)).toEqual([]);
  expect(
    dump.databases.flatMap((db) =>
      db.stores.flatMap((store) => store.records.map((record) => `${db.name}/${store.store}: ${JSON.stringify(record)}`)),
    ),
  ).toEqual([]);
  expect(dump.session).toEqual({});
  for (const key of Object.keys(dump.local)) expect(['insyn.locale', 'insyn.logout-owed']).toContain(key);
  // The service worker's app shell stays: index.html and the built assets, the same for everyone.
  for (const cache of dump.caches) {
    expect(cache.name).toMatch(/^insyn-shell-/);
    for (const entry of cache.entries) expect(entry.path).toMatch(/^\/(index\.html|assets\/[^/]+)$/);
  }
}

const row = (page: Page, studentId: string) => page.locator(`[data-testid="roll-row"][data-student-id="${studentId}"]`);

async function logInAs(page: Page, username: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByTestId('logged-in-user')).toBeVisible();
}

// The app shell comes from the service worker here (blocked in the other tests, playwright.config.ts), so that its
// Cache Storage is what a tablet has.
test.describe(() => {
  test.use({ serviceWorkers: 'allow' });

  test('logout sends the queue or warns, then leaves nothing personal on the tablet for the next user', async ({
    page,
    context,
    request,
  }, testInfo) => {
    const { lesson, students, teacher } = await teachersLesson(request);
    const [absent, noted] = students as [Student, Student];
    const note = `Glömde gympapåse ${testInfo.testId.slice(0, 8)}`;
    const needles = [absent.id, absent.lastName, noted.id, noted.lastName, note, lesson.id, teacher.userId, teacher.displayName];
    const label = `${lesson.subjectName} ${lesson.groupName}`;

    await page.setViewportSize(VIEWPORTS.tablet);
    await login(page, 'larare', `/lektion/${lesson.id}/narvaro`);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await expect.poll(() => page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);

    // The roll call as opened is kept on the device (for use offline): names included.
    await row(page, absent.id).locator('.roll-row__toggle').click();
    await row(page, noted.id)
      .getByRole('button', { name: /^Notering för/ })
      .click();
    await row(page, noted.id).getByRole('textbox').fill(note);
    await row(page, noted.id).getByRole('button', { name: 'Klar' }).click();
    await expect
      .poll(async () => personalDataIn(await dumpDevice(page, needles), needles))
      .toEqual(expect.arrayContaining([absent.lastName, teacher.displayName]));

    // Offline, the roll call waits in the queue, the note with it.
    await context.setOffline(true);
    await page.getByTestId('save-roll-call').click();
    await expect(page.getByText('Närvaron är sparad på den här enheten')).toBeVisible();
    expect(personalDataIn(await dumpDevice(page, needles), needles)).toContain(note);

    // Logging out cannot send it: a warning, with the choice to stay (focused, the safe choice).
    const logout = page.getByRole('button', { name: 'Logga ut', exact: true });
    await logout.click();
    const warning = page.getByRole('alertdialog', { name: 'Närvaro som inte är skickad' });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('1 närvarorapport har inte kunnat skickas');
    await expect(warning).toContainText(label);
    await expect(warning).toContainText('Loggar du ut nu raderas den från enheten');
    const stay = warning.getByRole('button', { name: 'Stanna kvar' });
    await expect(stay).toBeFocused();
    await expectAccessible(page, testInfo, 'logout-warning');
    await stay.click();
    await expect(warning).toBeHidden();
    await expect(logout).toBeFocused();
    // Escape stays too.
    await logout.click();
    await expect(warning).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(warning).toBeHidden();
    await expect(page.getByTestId('logged-in-user')).toContainText(teacher.displayName);
    await expect(page.getByTestId('pending-roll-calls')).toContainText('1 närvarorapport väntar på att skickas');

    // Back online the queue is sent; then the logout asks nothing.
    await context.setOffline(false);
    await expect(page.getByTestId('pending-roll-calls')).not.toContainText('väntar', { timeout: 30_000 });
    const saved = await rollCallStudents(request, lesson.id, await apiLogin(request, 'larare'));
    expect(saved.find((student) => student.id === absent.id)?.status).toBe('ABSENT');
    expect(saved.find((student) => student.id === noted.id)?.note).toBe(note);
    await logout.click();
    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page.getByText('Du är nu utloggad.')).toBeVisible();
    await expect(warning).toHaveCount(0);

    const afterLogout = await dumpDevice(page, needles);
    expectNothingPersonal(afterLogout, needles);
    expect(afterLogout.databases.map((db) => db.name)).toEqual(expect.arrayContaining(['insyn-offline', 'insyn-roll-call']));
    expect(afterLogout.caches.flatMap((cache) => cache.entries.map((entry) => entry.path))).toContain('/index.html');

    // The next teacher on the same tablet sees nothing of the last one, not even by the lesson's address.
    await logInAs(page, NEXT_USER);
    await expect(page.getByTestId('logged-in-user')).not.toContainText(teacher.displayName);
    await expect(page.getByTestId('pending-roll-calls')).toBeEmpty();
    await expect(page.getByTestId('refused-roll-call')).toHaveCount(0);
    await page.goto(`/lektion/${lesson.id}/narvaro`);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByTestId('roll-row')).toHaveCount(0);
    for (const text of [absent.lastName, noted.lastName, note, label]) await expect(page.locator('body')).not.toContainText(text);
    expect(personalDataIn(await dumpDevice(page, needles), needles)).toEqual([]);
  });
});

test('a logout offline warns, loses the queue when asked to, and the session never comes back', async ({ page, context, request }) => {
  const { lesson, students, teacher } = await teachersLesson(request);
  const student = students[2] as Student;
  const needles = [student.id, student.lastName, lesson.id, teacher.userId, teacher.displayName];

  await page.setViewportSize(VIEWPORTS.phone);
  await login(page, 'larare', `/lektion/${lesson.id}/narvaro`);
  await row(page, student.id).locator('.roll-row__toggle').click();
  await context.setOffline(true);
  await page.getByTestId('save-roll-call').click();
  await expect(page.getByText('Närvaron är sparad på den här enheten')).toBeVisible();

  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  const warning = page.getByRole('alertdialog', { name: 'Närvaro som inte är skickad' });
  await expect(warning).toContainText('1 närvarorapport har inte kunnat skickas');
  await warning.getByRole('button', { name: 'Logga ut ändå' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(page.getByText('Du är nu utloggad.')).toBeVisible();
  const dump = await dumpDevice(page, needles);
  expectNothingPersonal(dump, needles);
  // The API never heard of the logout: this browser owes it.
  expect(dump.local['insyn.logout-owed']).toBe('1');

  // Online again, a new start sends the logout instead of restoring the teacher's session with the cookie.
  const cookie = (await context.cookies()).find((candidate) => candidate.path === '/graphql');
  if (!cookie) throw new Error('no renewal cookie left after the offline logout');
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await expect.poll(async () => (await dumpDevice(page, needles)).local['insyn.logout-owed']).toBeUndefined();
  await expect(page.getByTestId('logged-in-user')).toHaveCount(0);
  // The cookie the browser had is revoked, not only gone from the browser.
  expect((await context.cookies()).filter((candidate) => candidate.path === '/graphql')).toEqual([]);
  const renewal = await request.post('/graphql', {
    headers: { cookie: `${cookie.name}=${cookie.value}` },
    data: { operationName: 'RefreshSession', query: 'mutation RefreshSession { refreshSession { accessToken } }' },
  });
  const body = (await renewal.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  // The roll call was lost, as the teacher chose: the server never had it from this test.
  expect(personalDataIn(await dumpDevice(page, needles), needles)).toEqual([]);
});
