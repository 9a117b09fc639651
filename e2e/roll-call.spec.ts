import type { APIRequestContext, Page } from '@playwright/test';
import { apiLogin, graphql, login, VIEWPORTS } from './support/app';
import { expect, test } from './support/test';

/**
 * Roll call on the classroom tablet, on Wednesday 25 November 2026 at 08:45 (the suite's school day).
 * Each test uses its own lesson, so the tests can run in parallel against the one demo database.
 */

const TABLET = { width: 768, height: 1024 };
const TABLET_LANDSCAPE = { width: 1024, height: 768 };

interface ServerRollCall {
  rollCall: {
    lesson: { rollCallState: string };
    students: { id: string; firstName: string; lastName: string; status: string | null; lateMinutes: number | null }[];
    history: { studentId: string; afterStatus: string; afterLateMinutes: number | null }[];
  };
}

async function serverRollCall(
  request: APIRequestContext,
  lessonId: string,
  user: 'larare' | 'mentor' = 'larare',
): Promise<ServerRollCall['rollCall']> {
  const token = await apiLogin(request, user);
  const result = await graphql<ServerRollCall>(
    request,
    `
      query ($id: ID!) {
        rollCall(lessonId: $id) {
          lesson {
            rollCallState
          }
          students {
            id
            firstName
            lastName
            status
            lateMinutes
          }
          history {
            studentId
            afterStatus
            afterLateMinutes
          }
        }
      }
    `,
    { id: lessonId },
    token,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.rollCall;
}

/** Opens the n-th of today's lessons from the Today page; returns its id. */
async function openLesson(page: Page, index: number): Promise<string> {
  const lesson = page.getByTestId('today-lesson').nth(index);
  await lesson.getByRole('link').click();
  await expect(page).toHaveURL(/\/lektion\/[^/]+\/narvaro$/);
  await expect(page.getByTestId('roll-row').first()).toBeVisible();
  const match = /\/lektion\/([^/]+)\/narvaro$/.exec(page.url());
  if (!match?.[1]) throw new Error(`no lesson id in ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/**
 * Toggles the first student's mark, present or absent as it was (a student another test reported sick starts absent);
 * returns the status shown before and after.
 */
async function toggleFirstRow(page: Page): Promise<{ before: string; after: string }> {
  const status = page.getByTestId('roll-row').nth(0).getByTestId('roll-status');
  const before = (await status.textContent()) ?? '';
  await page.getByTestId('roll-row').nth(0).locator('.roll-row__toggle').click();
  await expect(status).not.toHaveText(before);
  return { before, after: (await status.textContent()) ?? '' };
}

async function studentName(page: Page, index: number): Promise<string> {
  return (await page.getByTestId('roll-row').nth(index).locator('.roll-row__name').textContent()) ?? '';
}

test.describe('roll call on a tablet', () => {
  test('a teacher takes the roll call, sees it taken, and corrects it the same day', async ({ page, request }) => {
    await page.setViewportSize(TABLET);
    await login(page, 'larare');
    await expect(page).toHaveURL(/\/idag$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Idag' })).toBeVisible();
    await expect(page.getByTestId('today-lesson').first()).toContainText('Ej tagen');

    const lessonId = await openLesson(page, 0);
    const rows = page.getByTestId('roll-row');
    const total = await rows.count();
    // Everyone is present until marked otherwise.
    await expect(page.getByTestId('save-roll-call')).toHaveText(`Spara närvaro (${total} närvarande, 0 frånvarande, 0 sen)`);

    // One tap on the row: absent.
    await rows.nth(0).locator('.roll-row__toggle').click();
    await expect(rows.nth(0).getByTestId('roll-status')).toHaveText('Frånvarande');
    // "Sen", then 10 minutes.
    const lateName = await studentName(page, 1);
    await rows
      .nth(1)
      .getByRole('button', { name: `Sen ankomst för ${lateName}` })
      .click();
    await rows.nth(1).getByRole('button', { name: '10 min', exact: true }).click();
    await expect(rows.nth(1).getByTestId('roll-status')).toHaveText('Sen 10 min');

    // The touch targets are at least 44 × 44 px.
    for (const target of [rows.nth(0).locator('.roll-row__toggle'), rows.nth(1).getByRole('button', { name: /^Sen ankomst/ })]) {
      const box = await target.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }

    const save = page.getByTestId('save-roll-call');
    await expect(save).toHaveText(`Spara närvaro (${total - 2} närvarande, 1 frånvarande, 1 sen)`);
    await save.click();
    await expect(page.getByText('Närvaron är sparad.')).toBeVisible();
    await expect(page.getByTestId('roll-call-state').first()).toHaveText('✓ Tagen');

    // On the server, as an API client sees it.
    const saved = await serverRollCall(request, lessonId);
    expect(saved.lesson.rollCallState).toBe('TAKEN');
    expect(saved.students[0]?.status).toBe('ABSENT');
    expect(saved.students[1]).toMatchObject({ status: 'LATE', lateMinutes: 10 });
    expect(saved.students.slice(2).every((student) => student.status === 'PRESENT')).toBe(true);

    // Today shows it taken.
    await page.getByRole('link', { name: 'Tillbaka till dagens lektioner' }).click();
    await expect(page.getByTestId('today-lesson').first().getByTestId('roll-call-state')).toHaveText('✓ Tagen');

    // A correction the same day: one more absent. The saved marks come back, the state says corrected (not the
    // schedule's "Ändrad", a moved lesson).
    await page.setViewportSize(TABLET_LANDSCAPE);
    await openLesson(page, 0);
    await expect(rows.nth(0).getByTestId('roll-status')).toHaveText('Frånvarande');
    await expect(rows.nth(1).getByTestId('roll-status')).toHaveText('Sen 10 min');
    const correctedName = await studentName(page, 2);
    await rows.nth(2).locator('.roll-row__toggle').click();
    await save.click();
    await expect(page.getByText('Närvaron är sparad.')).toBeVisible();
    await expect(page.getByTestId('roll-call-state').first()).toHaveText('✓ Rättad');

    // The history is collapsed; opened, it shows who changed what: the correction, then the roll call taken as one
    // line (not a "no mark → present" line per student).
    const history = page.getByTestId('roll-call-history');
    await expect(history.locator('summary')).toHaveText('Historik (1 rättelse)');
    await expect(history.getByTestId('history-entry').first()).toBeHidden();
    await history.locator('summary').click();
    const entries = history.getByTestId('history-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText(`${correctedName}: Närvarande → Frånvarande`);
    await expect(entries.last()).toContainText(`Närvaron togs: ${total - 2} närvarande, 1 frånvarande, 1 sen`);
    await expect(entries.last()).toContainText(`${lateName}: Sen 10 min`);

    const corrected = await serverRollCall(request, lessonId);
    expect(corrected.lesson.rollCallState).toBe('CHANGED');
    expect(corrected.students[2]?.status).toBe('ABSENT');

    await page.getByRole('link', { name: 'Tillbaka till dagens lektioner' }).click();
    await expect(page.getByTestId('today-lesson').first().getByTestId('roll-call-state')).toHaveText('✓ Rättad');
  });

  // The app shell comes from the service worker here, which the other tests block (playwright.config.ts).
  test.describe(() => {
    test.use({ serviceWorkers: 'allow' });

    test('a device set to English gets the app shell too, however late its texts arrive', async ({ page }) => {
      await page.addInitScript("window.localStorage.setItem('insyn.locale', 'en')");
      // The English texts load as a chunk of their own; here they arrive well after the page's load event.
      await page.route('**/assets/en-*.js', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      await page.goto('/logga-in');
      await expect(page.getByLabel('Username')).toBeVisible();
      await expect
        .poll(() => page.evaluate('navigator.serviceWorker.getRegistration().then((registration) => registration !== undefined)'))
        .toBe(true);
    });

    test('offline, the roll call waits on the device, survives a reload, and is sent once when back online', async ({
      page,
      context,
      request,
    }) => {
      await page.setViewportSize(TABLET_LANDSCAPE);
      await login(page, 'larare');
      // The service worker has the app shell before the network goes.
      await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
      await expect.poll(() => page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);

      const lessonId = await openLesson(page, 1);
      const rows = page.getByTestId('roll-row');
      const total = await rows.count();
      // The proof of the lesson's day that the roll call came with travels with the queued save.
      const sentProofs: unknown[] = [];
      page.on('request', (request) => {
        if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
        const body = request.postDataJSON() as { operationName?: string; variables?: { input?: { offlineProof?: unknown } } } | null;
        if (body?.operationName === 'SaveRollCall') sentProofs.push(body.variables?.input?.offlineProof);
      });

      await context.setOffline(true);
      await rows.nth(3).locator('.roll-row__toggle').click();
      const lateName = await studentName(page, 4);
      await rows
        .nth(4)
        .getByRole('button', { name: `Sen ankomst för ${lateName}` })
        .click();
      await rows.nth(4).getByRole('button', { name: '5 min', exact: true }).click();
      await page.getByTestId('save-roll-call').click();
      const waiting = page.getByTestId('pending-roll-calls');
      await expect(waiting).toContainText('1 närvarorapport väntar på att skickas');
      await expect(page.getByText('Närvaron är sparad på den här enheten')).toBeVisible();

      // A reload without a network: the service worker serves the app, the queue is still there, no login page.
      await page.reload();
      await expect(page.getByTestId('pending-roll-calls')).toContainText('1 närvarorapport väntar på att skickas');
      await expect(page).toHaveURL(/\/narvaro$/);
      // The lesson as last loaded on the device, with the waiting marks rather than the server's.
      await expect(page.getByText('Här visas uppgifterna som senast hämtades')).toBeVisible();
      await expect(rows.nth(3).getByTestId('roll-status')).toHaveText('Frånvarande');
      await expect(rows.nth(4).getByTestId('roll-status')).toHaveText('Sen 5 min');
      await page.goto('/idag');
      await expect(page.getByTestId('pending-roll-calls')).toContainText('1 närvarorapport väntar på att skickas');
      await expect(page.getByTestId('today-lesson').nth(1).getByTestId('roll-call-state')).toHaveText('⇅ Väntar på att skickas');

      // Back online: the session is renewed with the cookie and the roll call is sent.
      await context.setOffline(false);
      await expect(page.getByTestId('pending-roll-calls')).not.toContainText('väntar', { timeout: 30_000 });
      await expect(page.getByTestId('logged-in-user')).toBeVisible();
      await expect(page).toHaveURL(/\/idag$/);

      expect(sentProofs.length).toBeGreaterThan(0);
      for (const proof of sentProofs) expect(proof).toMatch(/^rc1\./);
      const saved = await serverRollCall(request, lessonId);
      expect(saved.students[3]?.status).toBe('ABSENT');
      expect(saved.students[4]).toMatchObject({ status: 'LATE', lateMinutes: 5 });
      // Applied once: one history entry per student of the one submission.
      expect(saved.history).toHaveLength(total);
      expect(new Set(saved.history.map((change) => change.studentId)).size).toBe(total);
      await expect(page.getByTestId('today-lesson').nth(1).getByTestId('roll-call-state')).toHaveText('✓ Tagen');
    });
  });

  test('a row just above the save bar opens its minute choices in view, not under the bar', async ({ page }) => {
    await page.setViewportSize(TABLET);
    await login(page, 'larare');
    // Only looked at, never saved: a lesson of its own all the same.
    await openLesson(page, 2);
    const rows = page.getByTestId('roll-row');
    const bar = page.locator('.roll-call__save-bar');
    const bottom = (box: { y: number; height: number } | null) => (box ? box.y + box.height : Infinity);
    for (const viewport of [TABLET, VIEWPORTS.phone]) {
      await page.setViewportSize(viewport);
      await page.evaluate('window.scrollTo(0, 0)');
      // The last row wholly above the sticky bar: its panel opens below it, where the bar is.
      const barTop = (await bar.boundingBox())?.y ?? 0;
      let index = -1;
      for (let row = 0; row < (await rows.count()); row++) {
        if (bottom(await rows.nth(row).boundingBox()) <= barTop) index = row;
      }
      expect(index, `a row above the bar at ${viewport.width} px`).toBeGreaterThanOrEqual(0);
      const lateButton = rows.nth(index).getByRole('button', { name: `Sen ankomst för ${await studentName(page, index)}` });
      await lateButton.click();
      const panel = rows.nth(index).locator('.roll-row__panel');
      const choice = panel.getByRole('button', { name: '20 min', exact: true });
      await expect(choice).toBeVisible();
      // The whole panel above the bar, and what a finger meets at a choice's centre is the choice.
      expect(bottom(await panel.boundingBox()), `the panel's bottom at ${viewport.width} px`).toBeLessThanOrEqual(
        (await bar.boundingBox())?.y ?? 0,
      );
      const box = await choice.boundingBox();
      const centre = box ? [box.x + box.width / 2, box.y + box.height / 2] : [0, 0];
      expect(await page.evaluate(`document.elementFromPoint(${centre.join(', ')})?.closest('button')?.textContent`)).toBe('20 min');
      await lateButton.click();
      await expect(choice).toBeHidden();

      // Reached with Tab, the row under the bar is scrolled above it as well.
      await page.evaluate('window.scrollTo(0, 0)');
      await rows
        .nth(index)
        .getByRole('button', { name: /^Notering för / })
        .focus();
      await page.keyboard.press('Tab');
      const next = rows.nth(index + 1).locator('.roll-row__toggle');
      await expect(next).toBeFocused();
      expect(bottom(await next.boundingBox()), `the next row's bottom at ${viewport.width} px`).toBeLessThanOrEqual(
        (await bar.boundingBox())?.y ?? 0,
      );
    }
  });

  test("the mentor's class day shows the marks of the day's lessons", async ({ page }) => {
    await page.setViewportSize(TABLET_LANDSCAPE);
    await login(page, 'mentor');
    await expect(page).toHaveURL(/\/idag$/);
    await openLesson(page, 0);
    const rows = page.getByTestId('roll-row');
    const absentName = await studentName(page, 0);
    const lateName = await studentName(page, 1);
    await rows.nth(0).locator('.roll-row__toggle').click();
    await rows
      .nth(1)
      .getByRole('button', { name: `Sen ankomst för ${lateName}` })
      .click();
    await rows.nth(1).getByRole('button', { name: '15 min', exact: true }).click();
    await page.getByTestId('save-roll-call').click();
    await expect(page.getByText('Närvaron är sparad.')).toBeVisible();

    await page.getByRole('link', { name: 'Tillbaka till dagens lektioner' }).click();
    await page.getByTestId('class-day-link').first().click();
    await expect(page).toHaveURL(/\/klass\/[^/]+\/idag$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Klass .+ idag$/);
    const table = page.getByTestId('class-day');
    await expect(table).toBeVisible();
    const [absentFirst = '', ...absentRest] = absentName.split(' ');
    const [lateFirst = '', ...lateRest] = lateName.split(' ');
    await expect(table.getByRole('row', { name: new RegExp(`${absentRest.join(' ')}, ${absentFirst}`) })).toContainText('Frånvarande');
    await expect(table.getByRole('row', { name: new RegExp(`${lateRest.join(' ')}, ${lateFirst}`) })).toContainText('Sen 15 min');
  });

  test('a roll call the API refuses leaves the queue and is shown as an error to fix', async ({ page }) => {
    await page.setViewportSize(TABLET);
    await login(page, 'larare');
    // The API's answer when it is too late for the teacher to save (made here, the demo day has no such lesson).
    await page.route('**/graphql', async (route) => {
      const body: unknown = route.request().postDataJSON();
      if (typeof body === 'object' && body !== null && 'operationName' in body && body.operationName === 'SaveRollCall') {
        await route.fulfill({
          json: { data: null, errors: [{ message: 'Too late', extensions: { code: 'FORBIDDEN', reason: 'TOO_LATE_FOR_TEACHER' } }] },
        });
        return;
      }
      await route.fallback();
    });
    await openLesson(page, 3);
    const { after: marked } = await toggleFirstRow(page);
    await page.getByTestId('save-roll-call').click();
    const refused = page.getByTestId('refused-roll-call');
    await expect(refused).toContainText('kunde inte sparas');
    await expect(refused).toContainText('Det är för sent för dig att ändra närvaron');
    await expect(page.getByTestId('pending-roll-calls')).not.toContainText('väntar');
    // The marks stay, to be saved again once the problem is put right, and the save bar says why they are not saved.
    await expect(page.getByTestId('roll-row').nth(0).getByTestId('roll-status')).toHaveText(marked);
    await expect(page.locator('.roll-call__save-bar').getByRole('alert')).toHaveText(/Närvaron är inte sparad\. Det är för sent/);
    await page.getByRole('link', { name: 'Tillbaka till dagens lektioner' }).click();
    await expect(page.getByTestId('refused-roll-call')).toBeVisible();
    await page.getByRole('button', { name: 'Jag förstår' }).click();
    await expect(page.getByTestId('refused-roll-call')).toHaveCount(0);
  });

  test('marks not yet saved are there again after leaving the lesson and coming back, until undone', async ({ page }) => {
    await page.setViewportSize(TABLET);
    await login(page, 'larare');
    await openLesson(page, 3);
    const { before, after: changed } = await toggleFirstRow(page);
    await expect(page.getByTestId('roll-call-unsaved')).toContainText('Ändringarna är inte sparade');
    // Called away: back to the day's lessons by the page's own link, then the same lesson again.
    await page.getByRole('link', { name: 'Tillbaka till dagens lektioner' }).click();
    await openLesson(page, 3);
    await expect(page.getByTestId('roll-row').nth(0).getByTestId('roll-status')).toHaveText(changed);
    await page.getByRole('button', { name: 'Ångra ändringarna' }).click();
    await expect(page.getByTestId('roll-row').nth(0).getByTestId('roll-status')).toHaveText(before);
    await expect(page.getByTestId('roll-call-unsaved')).toHaveCount(0);
  });

  test('marks not yet saved stay, laid over a save that arrives meanwhile from another device', async ({ page, request }) => {
    // The mentor's second lesson of the day: no other test takes it.
    await page.setViewportSize(TABLET);
    await login(page, 'mentor');
    const lessonId = await openLesson(page, 1);
    const { before, after: changed } = await toggleFirstRow(page);
    const first = (await studentName(page, 0)).trim();
    await page.getByRole('link', { name: 'Tillbaka till dagens lektioner' }).click();
    // Meanwhile the roll call is saved on another device: the first student as the list showed them before the change
    // (absent if reported sick), the others present, one of them late.
    const saved = await serverRollCall(request, lessonId, 'mentor');
    // One not late already, so that the save changes the list (and its history) however often the test has run.
    const late = saved.students.find((student) => `${student.firstName} ${student.lastName}` !== first && student.status !== 'LATE')!;
    const elsewhere = await graphql<{ saveRollCall: { applied: boolean } }>(
      request,
      'mutation ($input: SaveRollCallInput!) { saveRollCall(input: $input) { applied } }',
      {
        input: {
          submissionId: crypto.randomUUID(),
          lessonId,
          entries: saved.students.map((student) =>
            student.id === late.id
              ? { studentId: student.id, status: 'LATE', lateMinutes: 5 }
              : {
                  studentId: student.id,
                  status: `${student.firstName} ${student.lastName}` === first && before === 'Frånvarande' ? 'ABSENT' : 'PRESENT',
                },
          ),
        },
      },
      await apiLogin(request, 'mentor'),
    );
    expect(elsewhere.errors).toBeUndefined();
    await openLesson(page, 1);
    // The mentor's change is still there, over the newer save, and the page says so.
    await expect(page.getByTestId('roll-call-unsaved')).toContainText('Närvaron har sparats på nytt sedan du började ändra');
    await expect(page.getByTestId('roll-row').nth(0).getByTestId('roll-status')).toHaveText(changed);
    const lateRow = page.getByTestId('roll-row').filter({ hasText: `${late.firstName} ${late.lastName}` });
    await expect(lateRow.getByTestId('roll-status')).toHaveText('Sen 5 min');
    await page.getByTestId('save-roll-call').click();
    await expect(page.getByTestId('roll-call-unsaved')).toHaveCount(0);
    await expect
      .poll(async () => {
        const now = await serverRollCall(request, lessonId, 'mentor');
        const named = (name: string) => now.students.find((student) => `${student.firstName} ${student.lastName}` === name);
        return [named(first)?.status, named(`${late.firstName} ${late.lastName}`)?.lateMinutes];
      })
      .toEqual([changed === 'Frånvarande' ? 'ABSENT' : 'PRESENT', 5]);
  });
});
