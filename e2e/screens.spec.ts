import { expect, test } from './support/test';
import { addFailedMessageToOutbox, apiLogin, graphql, VIEWPORTS } from './support/app';
import { capture as captureScreens, loginIn, logout, type Language } from './support/screens';
import { teacherOfGuardiansChild } from './support/grade-warnings';
import { childAtRektorsSchool, childWithSupportDecisions } from './support/support-decisions';
import { childInMentorsClass } from './support/development-plans';

/**
 * Every page in Swedish and English, at tablet and phone width: a full-page screenshot in e2e/.screenshots/ for a
 * person to look at (not in CI unless asked for), an axe check (no serious or critical WCAG 2.1 A/AA violations) and at
 * phone width, that the page does not scroll sideways. Which language and width axe checks a page at, and why CI walks
 * each test in one language: support/screens-scope.ts.
 * Each language runs as a project of its own on a server of its own (see playwright.config.ts): logging in saves the
 * user's language, and a reload shows the saved one.
 */

const LANGUAGES: Language[] = ['sv', 'en'];

/** Every page here fits a phone: at 390 px nothing makes the whole page scroll sideways (a table scrolls in its region). */
const capture: typeof captureScreens = (page, testInfo, name, language, ready, viewports, checks) =>
  captureScreens(page, testInfo, name, language, ready, viewports, { fitsPhone: true, ...checks });

// A test per page group and language, so that the workers share the long ones evenly.
for (const language of LANGUAGES) {
  test.describe(`pages in ${language === 'sv' ? 'Swedish' : 'English'} at tablet and phone width`, () => {
    test.describe.configure({ timeout: 360_000 });

    test('login page', async ({ page }, testInfo) => {
      await page.goto('/logga-in');
      await page
        .getByRole('group', { name: 'Språk – Language' })
        .getByRole('button', { name: language === 'sv' ? 'Svenska' : 'English' })
        .click();
      await capture(page, testInfo, 'login', language, () => expect(page.getByRole('heading', { level: 1 })).toBeVisible());
      // With an error showing, too.
      await page.getByRole('button', { name: language === 'sv' ? 'Logga in' : 'Log in' }).click();
      await capture(page, testInfo, 'login-errors', language, () => expect(page.locator('.field__error').first()).toBeVisible());
    });

    test('student: schedule, class list, not found', async ({ page }, testInfo) => {
      await loginIn(page, 'elev', language);
      await capture(page, testInfo, 'schedule-student', language, () =>
        expect(page.getByTestId('week-grid').or(page.getByTestId('week-empty'))).toBeVisible(),
      );
      await page
        .getByRole('navigation')
        .getByRole('link', { name: language === 'sv' ? 'Min klass' : 'My class' })
        .click();
      await capture(page, testInfo, 'class-list-student', language, () => expect(page.getByTestId('class-list')).toBeVisible());
      await page.goto('/grupp/finns-inte');
      await capture(page, testInfo, 'not-found', language, () => expect(page.getByTestId('not-found')).toBeVisible());
      await logout(page);
    });

    test('guardian: child picker and schedule', async ({ page }, testInfo) => {
      await loginIn(page, 'vardnadshavare', language);
      await capture(page, testInfo, 'schedule-guardian', language, async () => {
        await expect(page.getByTestId('child-picker')).toBeVisible();
        await expect(page.getByTestId('week-grid').or(page.getByTestId('week-empty'))).toBeVisible();
      });
      await logout(page);
    });

    test('mentor: teaching schedule, groups, class list with personnummer', async ({ page }, testInfo) => {
      await loginIn(page, 'mentor', language);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: language === 'sv' ? 'Schema' : 'Schedule', exact: true })
        .click();
      await capture(page, testInfo, 'schedule-staff', language, () =>
        expect(page.getByTestId('week-grid').or(page.getByTestId('week-empty'))).toBeVisible(),
      );
      await page
        .getByRole('navigation')
        .getByRole('link', { name: language === 'sv' ? 'Mina grupper' : 'My groups' })
        .click();
      await capture(page, testInfo, 'my-groups', language, () => expect(page.getByTestId('my-groups')).toBeVisible());
      await page.getByTestId('my-groups').locator('tbody tr').first().getByRole('link').click();
      await capture(page, testInfo, 'class-list-mentor', language, () => expect(page.getByTestId('class-list')).toBeVisible());
      // On a phone the menu is behind a button; opened, it lists the pages one per line.
      await page.setViewportSize(VIEWPORTS.phone);
      const menu = page.getByRole('button', { name: language === 'sv' ? 'Meny' : 'Menu' });
      await menu.click();
      await capture(
        page,
        testInfo,
        'menu-open',
        language,
        () => expect(page.getByRole('navigation').getByRole('link').first()).toBeVisible(),
        { phone: VIEWPORTS.phone },
      );
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await logout(page);
    });

    test('staff: today, roll call, the class day (tablet both ways, phone)', async ({ page }, testInfo) => {
      // The classroom tablet is used upright and on its side.
      const viewports = { tablet: VIEWPORTS.tablet, 'tablet-landscape': { width: 1024, height: 768 }, phone: VIEWPORTS.phone };
      await loginIn(page, 'mentor', language);
      await expect(page).toHaveURL(/\/idag$/);
      await capture(page, testInfo, 'today', language, () => expect(page.getByTestId('today-lessons')).toBeVisible(), viewports);
      await page.getByTestId('today-lesson').last().getByRole('link').click();
      const rows = page.getByTestId('roll-row');
      await expect(rows.first()).toBeVisible();
      // One student late with the minute choices open, to see them on the screenshot.
      await rows.nth(2).locator('.roll-row__action').first().click();
      await capture(page, testInfo, 'roll-call', language, () => expect(rows.first()).toBeVisible(), viewports);
      // A mark changed and not saved: the save bar says so, with a way to undo it.
      await rows.nth(0).locator('.roll-row__toggle').click();
      await capture(page, testInfo, 'roll-call-unsaved', language, () => expect(page.getByTestId('roll-call-unsaved')).toBeVisible(), {
        tablet: VIEWPORTS.tablet,
        phone: VIEWPORTS.phone,
      });
      await page.getByRole('link', { name: language === 'sv' ? 'Tillbaka till dagens lektioner' : "Back to the day's lessons" }).click();
      await page.getByTestId('class-day-link').first().click();
      await capture(page, testInfo, 'class-day', language, () => expect(page.getByTestId('class-day')).toBeVisible(), viewports);
      await logout(page);
    });

    test('guardian: notifications (and with errors), sick report, leave application', async ({ page, request }, testInfo) => {
      // Leave applications waiting for a decision, for the lists here and the deciders' pages below. A repeated
      // run against the same server gets OVERLAPPING_LEAVE for these, which is fine: they exist.
      const token = await apiLogin(request, 'vardnadshavare');
      const me = await graphql<{ me: { students: { id: string }[] } }>(request, '{ me { students { id } } }', {}, token);
      const [first, second] = me.data?.me.students ?? [];
      const apply = 'mutation ($input: LeaveApplicationInput!) { applyForLeave(input: $input) { id } }';
      if (first) {
        await graphql(
          request,
          apply,
          { input: { studentId: first.id, fromDate: '2026-12-10', toDate: '2026-12-11', reason: 'Idrottsläger med klubben.' } },
          token,
        );
      }
      if (second) {
        await graphql(
          request,
          apply,
          { input: { studentId: second.id, fromDate: '2026-12-14', toDate: '2026-12-18', reason: 'Resa till mormor i Chile.' } },
          token,
        );
      }

      await loginIn(page, 'vardnadshavare', language, '/installningar/aviseringar');
      const form = page.getByTestId('contact-form');
      await capture(page, testInfo, 'notifications', language, () => expect(form).toBeVisible());
      // Errors next to the fields (checked on the device, so nothing is saved).
      await form.getByRole('checkbox').nth(0).check();
      await form.getByRole('checkbox').nth(1).check();
      await form.locator('input[type="tel"]').fill('12');
      await form.locator('input[type="email"]').fill('inte-en-adress');
      await page.getByTestId('save-contact').click();
      await capture(page, testInfo, 'notifications-errors', language, () => expect(form.locator('.field__error')).toHaveCount(2));

      await page.goto('/sjukanmalan');
      await capture(page, testInfo, 'sick-report', language, async () => {
        await expect(page.getByTestId('sick-report-form')).toBeVisible();
        await expect(page.getByTestId('sick-reports').or(page.locator('.week-empty'))).toBeVisible();
      });
      await page.goto('/ledighet');
      await capture(page, testInfo, 'leave', language, async () => {
        await expect(page.getByTestId('leave-form')).toBeVisible();
        await expect(page.getByTestId('leave-applications').or(page.locator('.week-empty'))).toBeVisible();
        await expect(page.getByTestId('leave-decider-hint')).toContainText(language === 'sv' ? 'högst 2 skoldagar' : 'up to 2 school days');
        await expect(page.getByTestId('student-mentors')).toBeVisible();
      });
      await page.getByTestId('submit-leave').click();
      await capture(page, testInfo, 'leave-errors', language, () => expect(page.locator('.field__error')).toHaveCount(3));
      await logout(page);
    });

    test("adult student: sick report with part of a day, the guardians' access; the staff's view of it", async ({
      page,
      request,
    }, testInfo) => {
      await loginIn(page, 'myndig', language, '/sjukanmalan');
      const form = page.getByTestId('sick-report-form');
      await form.getByRole('radio').nth(1).check();
      await capture(page, testInfo, 'sick-report-adult', language, () => expect(form.locator('input[type="time"]')).toHaveCount(2));

      await page
        .getByRole('navigation')
        .getByRole('link', { name: language === 'sv' ? 'Samtycke' : 'Consent' })
        .click();
      const consents = page.getByTestId('guardian-consent');
      await capture(page, testInfo, 'consent', language, () => expect(consents).toHaveCount(2));
      // The question before a withdrawal, then cancelled: nothing changes.
      await page.getByTestId('withdraw-consent').first().click();
      await capture(page, testInfo, 'consent-withdraw-question', language, () =>
        expect(page.getByTestId('confirm-withdraw-consent')).toBeVisible(),
      );
      await page.getByRole('button', { name: language === 'sv' ? 'Avbryt' : 'Cancel' }).click();
      await logout(page);

      // An administrator (as the mentor) sees, read-only, which guardians the student lets in.
      const adult = await graphql<{ me: { students: { id: string }[] } }>(
        request,
        '{ me { students { id } } }',
        {},
        await apiLogin(request, 'myndig'),
      );
      await loginIn(page, 'admin', language, `/elev/${encodeURIComponent(adult.data?.me.students[0]?.id ?? '')}/kontakt`);
      await capture(page, testInfo, 'guardian-contacts-adult', language, () =>
        expect(page.getByTestId('guardian-consent-status')).toHaveCount(2),
      );
      await logout(page);
    });

    test("mentor and principal: leave decisions; mentor: a student's guardians' contact choices, a sick report for the home, a valid reason", async ({
      page,
      request,
    }, testInfo) => {
      await loginIn(page, 'rektor', language, '/ledighet/beslut');
      await capture(page, testInfo, 'leave-decisions', language, () =>
        expect(page.getByTestId('leave-to-decide-list').or(page.getByTestId('no-leave-to-decide'))).toBeVisible(),
      );
      await logout(page);

      await loginIn(page, 'mentor', language, '/ledighet/beslut');
      await capture(page, testInfo, 'leave-decisions-mentor', language, () =>
        expect(page.getByTestId('leave-to-decide-list').or(page.getByTestId('no-leave-to-decide'))).toBeVisible(),
      );
      await page.goto('/grupper');
      await page.getByTestId('my-groups').locator('tbody tr').first().getByRole('link').click();
      await page.getByTestId('guardian-contacts-link').first().click();
      await capture(page, testInfo, 'guardian-contacts', language, () =>
        expect(page.getByTestId('guardian-contact').first()).toBeVisible(),
      );
      // A guardian calls: the mentor registers the sick report for the home (nothing is sent here).
      await page.goto(page.url().replace(/\/kontakt$/, '/sjukanmalan'));
      await capture(page, testInfo, 'sick-report-for-home', language, async () => {
        await expect(page.getByTestId('sick-report-form')).toBeVisible();
        await expect(page.getByTestId('sick-reports').or(page.locator('.week-empty'))).toBeVisible();
      });
      // A valid reason for an unexcused absence, with the error of "other" without a note (nothing is saved).
      const child = await childInMentorsClass(request);
      await page.goto(`/franvaro/lektioner?elev=${child.id}&period=TERM&giltig=nej`);
      await page.getByTestId('excuse-absence').first().click();
      const reasonForm = page.getByTestId('absence-reason-form');
      await reasonForm.getByRole('radio').nth(1).check();
      await reasonForm.getByTestId('save-absence-reason').click();
      await capture(page, testInfo, 'absence-reason', language, () => expect(reasonForm.locator('.field__error')).toBeVisible());
      await logout(page);
    });

    test('principal and administrator: start pages', async ({ page }, testInfo) => {
      await loginIn(page, 'rektor', language);
      await capture(page, testInfo, 'start-principal', language, () => expect(page.getByTestId('start-count')).toHaveCount(3));
      await logout(page);
      // With a message that gave up and two imports stopped: the demo has neither, so the answer gets them added.
      await page.route('**/graphql', async (route) => {
        const body = route.request().postDataJSON() as { operationName?: string } | null;
        if (body?.operationName !== 'AdministratorStart') return route.fallback();
        const stopped = (id: string, source: string, outcome: string, problems: number, byName: string | null) => ({
          __typename: 'StoppedImport',
          id,
          source,
          outcome,
          at: '2026-11-25T01:00:00.000Z',
          byName,
          problems,
        });
        return route.fulfill({
          json: {
            data: {
              outbox: { __typename: 'MessagePage', failedCount: 2 },
              stoppedImports: [
                stopped('00000000-0000-4000-8000-00000000a001', 'STUDENT_LIST', 'REFUSED', 3, 'Test Testsson'),
                stopped('00000000-0000-4000-8000-00000000a002', 'SS12000', 'FAILED', 0, null),
              ],
            },
          },
        });
      });
      await loginIn(page, 'admin', language);
      await capture(page, testInfo, 'start-admin', language, () => expect(page.getByTestId('stopped-import')).toHaveCount(2));
      await page.unrouteAll();
      await logout(page);
    });

    test('administrator: outbox, audit log', async ({ page, request }, testInfo) => {
      await loginIn(page, 'admin', language, '/utkorg');
      await capture(page, testInfo, 'outbox', language, () =>
        expect(page.getByTestId('outbox-messages').or(page.getByTestId('outbox-empty'))).toBeVisible(),
      );
      // With a message that gave up (the demo has no provider that could fail).
      await addFailedMessageToOutbox(page);
      await page.reload();
      await capture(page, testInfo, 'outbox-failed', language, () => expect(page.getByTestId('failed-count')).toBeVisible());
      await page.unrouteAll();
      // The audit log filtered by a student whom the mentor has just read.
      const child = await childInMentorsClass(request);
      await graphql(request, 'query ($id: ID!) { student(id: $id) { id } }', { id: child.id }, await apiLogin(request, 'mentor'));
      await page.goto(`/administration/logg?person=${child.id}`);
      await capture(page, testInfo, 'admin-audit-log', language, async () => {
        await expect(page.getByTestId('audit-person')).toContainText(child.lastName);
        await expect(page.getByTestId('audit-log-entry').first()).toBeVisible();
      });
      await logout(page);
    });

    test('absence statistics: guardian charts, mentor class table, school by class with the CSN list', async ({ page }, testInfo) => {
      const charts = async () => {
        await expect(page.getByTestId('absence-summary')).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('weekday-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
      };
      await loginIn(page, 'vardnadshavare', language, '/franvaro');
      await capture(page, testInfo, 'absence-guardian', language, charts);
      // A period in which no roll call has been taken yet: no percentage, no level.
      await page.goto('/franvaro?period=CUSTOM&fran=2027-01-18&till=2027-01-22');
      await capture(
        page,
        testInfo,
        'absence-guardian-nothing-yet',
        language,
        () => expect(page.getByTestId('nothing-recorded')).toBeVisible(),
        {
          tablet: VIEWPORTS.tablet,
          phone: VIEWPORTS.phone,
        },
      );
      await logout(page);

      await loginIn(page, 'mentor', language, '/grupper');
      await page.getByTestId('my-groups').getByRole('link', { name: '8A', exact: true }).click();
      await page.getByTestId('class-absence-link').click();
      await capture(page, testInfo, 'absence-class', language, () =>
        expect(page.getByTestId('class-absence-table').locator('tbody tr').first()).toBeVisible({ timeout: 30_000 }),
      );
      await page.getByTestId('class-absence-table').locator('tbody th').first().getByRole('link').click();
      await capture(page, testInfo, 'absence-student-staff', language, charts);
      await logout(page);

      await loginIn(page, 'admin', language, '/skola/franvaro?period=MONTH');
      await page.getByLabel(language === 'sv' ? 'Skola' : 'School', { exact: true }).selectOption({ label: 'Insyns gymnasium' });
      await capture(page, testInfo, 'absence-school', language, async () => {
        await expect(page.getByTestId('school-absence-table').locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('csn-table')).toBeVisible({ timeout: 30_000 });
      });
      await logout(page);
    });

    test("absence lessons: behind a guardian's figure, and the lesson from the absence message", async ({ page, request }, testInfo) => {
      const token = await apiLogin(request, 'vardnadshavare');
      const me = await graphql<{ me: { students: { id: string }[] } }>(request, '{ me { students { id } } }', {}, token);
      const childId = me.data!.me.students[0]!.id;
      const unexcused = await graphql<{ studentAbsenceLessons: { lessons: { lessonId: string; date: string }[] } }>(
        request,
        'query ($id: ID!) { studentAbsenceLessons(studentId: $id, range: { period: TERM }, filter: { valid: false }) { lessons { lessonId date } } }',
        { id: childId },
        token,
      );
      const lesson = unexcused.data!.studentAbsenceLessons.lessons[0]!;
      const rows = async () => {
        await expect(page.getByTestId('absence-lessons-table').getByTestId('absence-lesson').first()).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('student-mentors')).toBeVisible();
      };
      await loginIn(page, 'vardnadshavare', language, `/franvaro/lektioner?elev=${childId}&period=TERM`);
      await capture(page, testInfo, 'absence-lessons', language, rows);
      await page.goto(`/franvaro/lektioner?elev=${childId}&dag=${lesson.date}&lektion=${lesson.lessonId}`);
      await capture(page, testInfo, 'absence-lessons-message', language, () =>
        expect(page.locator(`[data-lesson="${lesson.lessonId}"]`)).toHaveAttribute('aria-current', 'true', { timeout: 30_000 }),
      );
      await page.goto(`/franvaro/lektioner?elev=${childId}&period=TERM&giltig=nej`);
      await capture(page, testInfo, 'absence-lessons-unexcused', language, rows);
      await logout(page);
    });

    test("grade warnings: a teacher's group with the contact form, the guardian's child, the principal's routine", async ({
      page,
      request,
    }, testInfo) => {
      // A warning with a contact on a guardian's child, so that every page shows one; a repeated run adds another.
      const { teacher, groupId, child } = await teacherOfGuardiansChild(request);
      const token = await apiLogin(request, teacher);
      const issued = await graphql<{ issueGradeWarning: { id: string; issuedAt: string } }>(
        request,
        'mutation ($input: GradeWarningInput!) { issueGradeWarning(input: $input) { id issuedAt } }',
        {
          input: {
            studentId: child.id,
            groupId,
            missing: 'Laborationsrapporten om fotosyntes och ett godkänt resultat på provet om celler.',
          },
        },
        token,
      );
      const warning = issued.data?.issueGradeWarning;
      expect(warning, JSON.stringify(issued.errors)).toBeTruthy();
      await graphql(
        request,
        'mutation ($input: GradeWarningContactInput!) { recordGradeWarningContact(input: $input) { id } }',
        {
          input: {
            warningId: warning?.id,
            contactedAt: warning?.issuedAt,
            method: 'PHONE',
            withWhom: 'Elevens mamma',
            agreed: 'Rapporten lämnas in på fredag; omprov vecka 50 med stöd på studietiden.',
          },
        },
        token,
      );
      await loginIn(page, teacher, language, `/grupp/${encodeURIComponent(groupId)}/betygsvarningar`);
      await capture(page, testInfo, 'grade-warnings-group', language, () => expect(page.getByTestId('grade-warnings')).toBeVisible());
      // The contact form open, with its errors at the fields.
      await page.getByTestId('grade-warning').first().locator('summary').first().click();
      await page.getByTestId('save-grade-warning-contact').click();
      await capture(page, testInfo, 'grade-warnings-contact-errors', language, () =>
        expect(page.getByTestId('grade-warning-contact-form').locator('.field__error').first()).toBeVisible(),
      );
      await logout(page);

      await loginIn(page, 'vardnadshavare', language, `/betygsvarningar?elev=${encodeURIComponent(child.id)}`);
      await capture(page, testInfo, 'grade-warnings-guardian', language, () => expect(page.getByTestId('grade-warnings')).toBeVisible());
      await logout(page);

      await loginIn(page, 'rektor', language, '/skola/betygsvarningar');
      await capture(page, testInfo, 'grade-warnings-school', language, () =>
        expect(page.getByTestId('grade-warning-classes')).toBeVisible(),
      );
      await logout(page);
    });

    test("lessons without roll call: a mentor's class, a teacher's own", async ({ page }, testInfo) => {
      await loginIn(page, 'mentor', language, '/grupper');
      await page.getByTestId('my-groups').getByRole('link', { name: '8A', exact: true }).click();
      await page.getByTestId('class-absence-link').click();
      await page.getByTestId('absence-summary').getByTestId('not-taken').click();
      await capture(page, testInfo, 'missing-roll-calls-class', language, () =>
        expect(page.getByTestId('missing-roll-call').first()).toBeVisible({ timeout: 30_000 }),
      );
      await logout(page);

      await loginIn(page, 'larare', language);
      await page.getByTestId('missing-roll-calls-link').click();
      await capture(page, testInfo, 'missing-roll-calls-mine', language, () =>
        expect(page.getByTestId('missing-roll-calls').or(page.getByTestId('missing-roll-calls-none'))).toBeVisible({ timeout: 30_000 }),
      );
      await logout(page);
    });

    test("support decisions: the principal's form with an error, the guardian's list", async ({ page, request }, testInfo) => {
      const child = await childAtRektorsSchool(request);
      await loginIn(page, 'rektor', language, `/elev/${encodeURIComponent(child.id)}/beslut-om-stod`);
      await page.getByTestId('record-support-decision').click();
      await capture(page, testInfo, 'support-decisions-staff-errors', language, () =>
        expect(page.getByTestId('record-support-decision-form').locator('.field__error').first()).toBeVisible(),
      );
      await logout(page);

      // The demo has two decisions for this child, one of them confirmed.
      const withDecisions = await childWithSupportDecisions(request);
      await loginIn(page, 'vardnadshavare', language, `/beslut-om-stod?elev=${encodeURIComponent(withDecisions.id)}`);
      await capture(page, testInfo, 'support-decisions-guardian', language, () =>
        expect(page.getByTestId('support-decisions')).toBeVisible(),
      );
      await logout(page);
    });

    test("news: the mentor's form with errors and a post's recipients, the guardian's list", async ({ page }, testInfo) => {
      await loginIn(page, 'mentor', language, '/nyheter');
      const form = page.getByTestId('news-compose-form');
      await form.getByRole('checkbox', { name: language === 'sv' ? 'Vårdnadshavare' : 'Guardians' }).uncheck();
      await form.getByTestId('post-news').click();
      await capture(page, testInfo, 'news-staff-errors', language, () => expect(form.locator('.field__error').first()).toBeVisible());
      // The demo's post to the mentor's class, read by some.
      await page.getByTestId('sent-news-item').last().getByRole('link').click();
      await capture(page, testInfo, 'news-recipients', language, () => expect(page.getByTestId('news-recipient').first()).toBeVisible());
      await logout(page);

      await loginIn(page, 'vardnadshavare', language, '/nyheter');
      await page.getByTestId('news-item').first().getByRole('button').click();
      await capture(page, testInfo, 'news-guardian', language, () => expect(page.getByTestId('news-body').first()).toBeVisible());
      await logout(page);
    });

    test("IUP and study plan: the mentor's work on a student's IUP, the student's published IUP, the study plan and its editing", async ({
      page,
      request,
    }, testInfo) => {
      const child = await childInMentorsClass(request);
      const adult = await graphql<{ me: { students: { id: string }[] } }>(
        request,
        '{ me { students { id } } }',
        {},
        await apiLogin(request, 'myndig'),
      );
      const adultId = adult.data?.me.students[0]?.id ?? '';
      await loginIn(page, 'mentor', language, `/elev/${encodeURIComponent(child.id)}/iup`);
      await capture(page, testInfo, 'iup-mentor', language, () => expect(page.getByTestId('plan-summary-form')).toBeVisible());
      await logout(page);

      await loginIn(page, 'elev', language, '/iup');
      await capture(page, testInfo, 'iup-student', language, () => expect(page.getByTestId('development-plan').first()).toBeVisible());
      await logout(page);

      await loginIn(page, 'myndig', language, '/studieplan');
      await capture(page, testInfo, 'study-plan', language, () => expect(page.getByTestId('study-plan-year-1')).toBeVisible());
      await logout(page);

      // An administrator plans and removes courses.
      await loginIn(page, 'admin', language, `/elev/${encodeURIComponent(adultId)}/studieplan`);
      await capture(page, testInfo, 'study-plan-staff', language, () => expect(page.getByTestId('add-study-plan-course')).toBeVisible());
      await logout(page);
    });

    test("assessments: a teacher's group table with a row's error, the guardian's child per subject", async ({
      page,
      request,
    }, testInfo) => {
      const { teacher, groupId, child } = await teacherOfGuardiansChild(request);
      await loginIn(page, teacher, language, `/grupp/${encodeURIComponent(groupId)}/omdomen`);
      await capture(page, testInfo, 'assessments-group', language, () => expect(page.getByTestId('results-table')).toBeVisible());
      // A new task dated a year before the group's school year: the error at the date, nothing created.
      const newTask = page.getByTestId('new-task-form');
      await newTask.getByLabel(language === 'sv' ? 'Uppgift' : 'Task', { exact: true }).fill('Prov');
      const taskDate = newTask.getByLabel(language === 'sv' ? 'Datum' : 'Date');
      await taskDate.fill('2025-11-25');
      await newTask.getByTestId('create-task').click();
      await capture(page, testInfo, 'assessments-task-date-error', language, () =>
        expect(taskDate).toHaveAttribute('aria-invalid', 'true'),
      );
      // A subject assessment with a comment and no grade: the error at its row.
      const row = page.getByTestId('subject-assessments-table').locator(`tr[data-student-id="${child.id}"]`);
      await row.getByTestId('grade-select').selectOption('');
      await row.getByTestId('comment-input').fill('Stabil insats.');
      await page.getByTestId('save-subject-assessments').click();
      await capture(page, testInfo, 'assessments-group-errors', language, () => expect(row.getByTestId('row-error')).toBeVisible(), {
        phone: VIEWPORTS.phone,
      });
      await logout(page);

      await loginIn(page, 'vardnadshavare', language, `/omdomen?elev=${encodeURIComponent(child.id)}`);
      await capture(page, testInfo, 'assessments-guardian', language, () => expect(page.getByTestId('assessments')).toBeVisible());
      // On a phone every result is read whole: nothing in a subject's panel reaches past its edge (into a region scrolled sideways).
      const tablet = page.viewportSize();
      await page.setViewportSize(VIEWPORTS.phone);
      await expect(page.getByTestId('assessment-subject').first()).toBeVisible();
      await expect
        .poll(() =>
          page.evaluate(`Math.max(...[...document.querySelectorAll('[data-testid="assessment-subject"]')].flatMap((panel) => {
            const edge = panel.getBoundingClientRect().right;
            return [...panel.querySelectorAll('*')].map((inner) => inner.getBoundingClientRect().right - edge);
          }))`),
        )
        .toBeLessThanOrEqual(0);
      if (tablet) await page.setViewportSize(tablet);
      await logout(page);
    });

    test('routines: the schools side by side and one school by class', async ({ page }, testInfo) => {
      await loginIn(page, 'admin', language, '/skola/rutiner');
      await capture(page, testInfo, 'routines', language, async () => {
        await expect(page.getByTestId('routine-schools').locator('tbody tr')).toHaveCount(2);
        await expect(page.getByTestId('routine-classes').locator('tbody tr').first()).toBeVisible();
      });
      await logout(page);
    });
  });
}
