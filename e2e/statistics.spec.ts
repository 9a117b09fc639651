import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';

interface StudentFigures {
  studentAbsenceStatistics: { total: { absencePercent: number } };
}

/** "5,8 %" as the Swedish interface writes it (Intl puts a no-break space before the sign). */
const swedishPercent = (value: number) => new RegExp(`^${String(value).replace('.', ',')}\\s%$`);

/** The numbers of one column, top to bottom ("12,5 %" → 12.5). */
async function columnNumbers(table: Locator, column: string): Promise<number[]> {
  const texts = await table.locator(`tbody td[data-column="${column}"]`).allInnerTexts();
  return texts.map((text) => Number(text.replace(/[\s%]/g, '').replace(',', '.')));
}

const isSorted = (values: number[], direction: 'asc' | 'desc') =>
  values.every((value, index) => index === 0 || (direction === 'asc' ? values[index - 1]! <= value : values[index - 1]! >= value));

test.describe('absence statistics', () => {
  test('a guardian sees the charts and tables of each child, and the figures follow the child', async ({ page, request }) => {
    const token = await apiLogin(request, 'vardnadshavare');
    const me = await graphql<{ me: { students: { id: string }[] } }>(request, '{ me { students { id } } }', {}, token);
    const students = me.data?.me.students ?? [];
    expect(students).toHaveLength(2);
    const termPercent = async (id: string) => {
      const result = await graphql<StudentFigures>(
        request,
        'query ($id: ID!) { studentAbsenceStatistics(studentId: $id, range: { period: TERM }) { total { absencePercent } } }',
        { id },
        token,
      );
      const value = result.data?.studentAbsenceStatistics.total.absencePercent;
      if (value === undefined) throw new Error(JSON.stringify(result.errors));
      return value;
    };
    const [first, second] = [await termPercent(students[0]!.id), await termPercent(students[1]!.id)];
    // The demo's two children have different absence, so switching must show other figures.
    expect(first).not.toBe(second);

    await login(page, 'vardnadshavare');
    await page.getByRole('navigation').getByRole('link', { name: 'Frånvaro' }).click();
    await expect(page).toHaveURL(/\/franvaro/);
    await expect(page.getByRole('heading', { level: 1, name: 'Frånvaro' })).toBeVisible();
    const picker = page.getByRole('group', { name: 'Visa frånvaro för' });
    await expect(picker.getByRole('radio')).toHaveCount(2);
    await expect(page.getByTestId('absence-percent')).toHaveText(swedishPercent(first));
    await expect(page.getByTestId('not-taken')).toBeVisible();

    for (const chart of ['week-chart', 'subject-chart', 'weekday-chart']) {
      const figure = page.getByTestId(chart);
      await expect(figure.locator('.recharts-bar-rectangle').first()).toBeVisible();
      // The same numbers as a table: hidden to the eye until asked for, read by screen readers always.
      await expect(figure.getByRole('table')).toBeAttached();
      await expect(figure.getByRole('table')).not.toBeInViewport();
    }
    const weekChart = page.getByTestId('week-chart');
    await weekChart.getByRole('button', { name: 'Visa som tabell' }).click();
    await expect(weekChart.getByRole('button', { name: 'Dölj tabell' })).toHaveAttribute('aria-expanded', 'true');
    await expect(weekChart.getByRole('table')).toBeVisible();
    await expect(weekChart.getByRole('table').getByRole('row', { name: /v\. 48/ })).toBeVisible();

    await picker.getByRole('radio').nth(1).check();
    await expect(page).toHaveURL(/[?&]elev=/);
    await expect(page.getByTestId('absence-percent')).toHaveText(swedishPercent(second));

    // A week: other dates, told in words.
    await page.getByLabel('Period').selectOption('WEEK');
    await expect(page.getByTestId('period-shown')).toHaveText(/^Visar 23\s?–\s?29 november 2026$/);
  });

  test('a custom range longer than allowed is refused before asking the server', async ({ page }) => {
    await login(page, 'elev', '/franvaro');
    await page.getByLabel('Period').selectOption('CUSTOM');
    await page.getByLabel('Från och med').fill('2025-01-01');
    await page.getByLabel('Till och med').fill('2026-11-25');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page.getByText('Intervallet får vara högst 400 dagar.')).toBeVisible();
    await expect(page.getByLabel('Från och med')).toBeFocused();
    await page.getByLabel('Från och med').fill('2026-09-01');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page.getByTestId('period-shown')).toHaveText(/^Visar 1 september\s?–\s?25 november 2026$/);
    await expect(page.getByTestId('absence-summary')).toBeVisible();
  });

  test('a period with no roll call taken yet shows no percentage and no level', async ({ page }) => {
    await login(page, 'elev', '/franvaro?period=CUSTOM&fran=2027-01-18&till=2027-01-22');
    const summary = page.getByTestId('absence-summary');
    await expect(summary.getByTestId('nothing-recorded')).toHaveText('Ingen närvaro är tagen under perioden än.');
    await expect(summary.getByTestId('absence-percent')).toHaveText('–');
    await expect(summary.locator('[data-level]')).toHaveCount(0);
    // A period with roll calls taken has both.
    await page.getByLabel('Period').selectOption('TERM');
    await expect(summary.locator('[data-level]')).toHaveCount(1);
    await expect(summary.getByTestId('nothing-recorded')).toHaveCount(0);
  });

  test('a mentor sorts the class table, opens a student and exports CSV for Excel', async ({ page }) => {
    await login(page, 'mentor', '/grupper');
    await page.getByTestId('my-groups').getByRole('link', { name: '8A', exact: true }).click();
    await page.getByTestId('class-absence-link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Frånvaro i 8A' })).toBeVisible();
    const table = page.getByTestId('class-absence-table').getByRole('table');
    await expect(table.locator('tbody tr').first()).toBeVisible();

    // A student who left the class during the term is still in its table, marked with the day; the count says so.
    const count = await page.getByTestId('class-count').innerText();
    const [, members, left] = /^(\d+) elever, (\d+) som slutat$/.exec(count) ?? [];
    expect(Number(left)).toBeGreaterThan(0);
    await expect(table.locator('tbody tr')).toHaveCount(Number(members) + Number(left));
    await expect(table.getByTestId('left-class')).toHaveCount(Number(left));
    await expect(table.getByTestId('left-class').first()).toHaveText(/^Slutade i klassen \d{1,2} [a-z]{3}$/);

    const absenceHeader = table.getByRole('columnheader', { name: 'Frånvaro', exact: true });
    await expect(absenceHeader).toHaveAttribute('aria-sort', 'descending');
    const initial = await columnNumbers(table, 'absence');
    expect(initial.length).toBeGreaterThan(5);
    expect(new Set(initial).size).toBeGreaterThan(1);
    expect(isSorted(initial, 'desc')).toBe(true);

    await absenceHeader.getByRole('button').click();
    await expect(absenceHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(isSorted(await columnNumbers(table, 'absence'), 'asc')).toBe(true);
    await expect(table.getByRole('columnheader', { name: 'Ogiltig', exact: true })).toHaveAttribute('aria-sort', 'none');

    const lateHeader = table.getByRole('columnheader', { name: 'Sena ankomster', exact: true });
    await lateHeader.getByRole('button').click();
    await expect(lateHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(absenceHeader).toHaveAttribute('aria-sort', 'none');
    expect(isSorted(await columnNumbers(table, 'late'), 'desc')).toBe(true);

    // Name search narrows the rows.
    const firstName = (await table.locator('tbody th').first().getByRole('link').innerText()).trim();
    await page.getByLabel('Sök på namn').fill(firstName);
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await page.getByLabel('Sök på namn').fill('');
    await expect(table.locator('tbody tr')).toHaveCount(initial.length);

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera CSV' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^franvaro-8A-.*\.csv$/);
    const path = await download.path();
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(initial.length + 2);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(lines[0]).toMatch(/^"Elev";"Nivå";"Frånvaro";"Ogiltig";"Sena ankomster";"Närvaro ej tagen \(lektioner\)";/);
    expect(text).toMatch(/"\d+,\d"/);
    expect(text).not.toMatch(/"\d+\.\d"/);

    // Through to one student's own view.
    await table.locator('tbody th').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/elev\/[^/]+\/franvaro/);
    await expect(page.getByTestId('statistics-student')).toContainText('8A');
    await expect(page.getByTestId('week-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
    // And back to the class's table, which the student's page cannot name (a principal comes from the school's).
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Frånvaro i 8A' })).toBeVisible();
    // Opened directly, there is nothing to go back to: no such button.
    const student = await table.locator('tbody th').first().getByRole('link').getAttribute('href');
    await page.goto(student ?? '/');
    await expect(page.getByTestId('statistics-student')).toContainText('8A');
    await expect(page.getByTestId('back-button')).toHaveCount(0);
  });

  test('a principal sees the school by week and class; an administrator chooses the school and sees the CSN list', async ({ page }) => {
    await login(page, 'rektor');
    await page.getByRole('navigation').getByRole('link', { name: 'Skolans frånvaro' }).click();
    await expect(page.getByTestId('statistics-school')).toHaveText('Ekbackeskolan');
    // A whole school's term is the heaviest query (several seconds on the in-memory database).
    await expect(page.getByTestId('school-week-chart').locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 30_000 });
    const classes = page.getByTestId('school-absence-table').getByRole('table');
    await expect(classes.locator('tbody tr').first()).toBeVisible();
    await expect(page.getByTestId('csn-report')).toHaveCount(0);
    await page.getByLabel('Visa bara de över varningsgränsen').check();
    const flagged = classes.locator('tbody tr[data-level]');
    for (const level of await flagged.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-level')))) {
      expect(level).not.toBe('OK');
    }
    await page.getByRole('button', { name: /^(Logga ut)$/ }).click();

    await login(page, 'admin', '/skola/franvaro');
    await page.getByLabel('Skola', { exact: true }).selectOption({ label: 'Insyns gymnasium' });
    await expect(page.getByTestId('statistics-school')).toHaveText('Insyns gymnasium');
    const csn = page.getByTestId('csn-report');
    await expect(csn.getByRole('table')).toBeVisible({ timeout: 30_000 });
    await expect(csn.getByLabel('Månad')).toHaveValue('2026-11');
    await csn.getByLabel('Månad').fill('2026-10');
    await expect(csn.getByRole('table')).toHaveAccessibleName('CSN-rapport 2026-10');
  });

  test('a guardian opens the lessons behind a figure, a bar and a row of a chart table', async ({ page, request }) => {
    const token = await apiLogin(request, 'vardnadshavare');
    const me = await graphql<{ me: { students: { id: string }[] } }>(request, '{ me { students { id } } }', {}, token);
    const childId = me.data!.me.students[0]!.id;
    const unexcused = await graphql<{
      studentAbsenceLessons: { lessons: { absentMinutes: number; mayReportSick: boolean; date: string }[] };
    }>(
      request,
      'query ($id: ID!) { studentAbsenceLessons(studentId: $id, range: { period: TERM }, filter: { valid: false }) { lessons { absentMinutes mayReportSick date } } }',
      { id: childId },
      token,
    );
    const rows = unexcused.data!.studentAbsenceLessons.lessons;
    expect(rows.length).toBeGreaterThan(0);

    await login(page, 'vardnadshavare', `/franvaro?elev=${childId}`);
    // The figure "unexcused" leads to its lessons: as many rows as the API lists, each unexcused.
    await page
      .getByTestId('absence-summary')
      .getByRole('link', { name: /Lektionerna bakom: Ogiltig$/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/franvaro/lektioner\\?elev=${childId}&period=TERM&giltig=nej$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Lektioner med frånvaro' })).toBeVisible();
    await expect(page.getByTestId('absence-lessons-filter')).toContainText('Visar: ogiltig frånvaro.');
    const table = page.getByTestId('absence-lessons-table');
    await expect(table.getByTestId('absence-lesson')).toHaveCount(rows.length);
    await expect(table.locator('td[data-column="valid"]').filter({ hasNotText: /^Ogiltig$/ })).toHaveCount(0);
    await expect(page.getByTestId('absence-lessons-count')).toHaveText(new RegExp(`^${rows.length} lektion(er)?, .* frånvaro$`));
    // Whom to ask when an absence is wrong or has a reason the school does not know: the class's mentors.
    const mentors = page.getByTestId('student-mentors');
    await expect(mentors.getByRole('heading', { level: 2 })).toHaveText('Frågor om frånvaron?');
    await expect(mentors.getByRole('link').first()).toHaveAttribute('href', /^mailto:.+@/);
    // From unexcused absence the home reports sickness for that day, where the school still allows it.
    const reportable = rows.filter((row) => row.mayReportSick);
    await expect(table.getByTestId('report-sick')).toHaveCount(reportable.length);
    if (reportable.length > 0) {
      await table.getByTestId('report-sick').first().click();
      await expect(page).toHaveURL(new RegExp(`/sjukanmalan\\?elev=${childId}&datum=${reportable[0]!.date}$`));
      await expect(page.getByLabel('Från och med')).toHaveValue(reportable[0]!.date);
      await page.goBack();
    }

    // Back to the figures; a bar of the subject chart leads to that subject's lessons, its valid or unexcused part.
    await page.getByRole('link', { name: 'Till frånvaron' }).click();
    await expect(page).toHaveURL(new RegExp(`/franvaro\\?elev=${childId}&period=TERM$`));
    const bar = page.getByTestId('subject-chart').locator('.recharts-bar-rectangle path').filter({ visible: true }).first();
    await expect(bar).toBeVisible();
    await bar.click();
    await expect(page).toHaveURL(/\/franvaro\/lektioner\?elev=[^&]+&period=TERM&amne=[^&]+&giltig=(ja|nej)$/);
    await expect(page.getByTestId('absence-lessons-filter')).toContainText(/Visar: .+, (giltig|ogiltig) frånvaro\./);
    await page.goBack();

    // Without a mouse: the week table's rows are links too.
    const weekChart = page.getByTestId('week-chart');
    await weekChart.getByRole('button', { name: 'Visa som tabell' }).click();
    await weekChart.getByRole('link', { name: 'Lektioner med frånvaro: v. 47' }).press('Enter');
    await expect(page).toHaveURL(/\/franvaro\/lektioner\?elev=[^&]+&period=TERM&vecka=2026-W47$/);
    await expect(page.getByTestId('absence-lessons-filter')).toContainText('Visar: vecka 47.');
    await expect(page.getByTestId('absence-lessons-count')).toBeVisible();
  });

  test("the absence message's link shows that lesson, marked", async ({ page, request }) => {
    const token = await apiLogin(request, 'vardnadshavare');
    const me = await graphql<{ me: { students: { id: string }[] } }>(request, '{ me { students { id } } }', {}, token);
    const childId = me.data!.me.students[0]!.id;
    const result = await graphql<{ studentAbsenceLessons: { lessons: { lessonId: string; date: string }[] } }>(
      request,
      'query ($id: ID!) { studentAbsenceLessons(studentId: $id, range: { period: TERM }, filter: { valid: false }) { lessons { lessonId date } } }',
      { id: childId },
      token,
    );
    const lesson = result.data!.studentAbsenceLessons.lessons[0]!;
    // As the SMS has it (absenceLessonLink in the API): opened logged out, it leads there after the login.
    await login(page, 'vardnadshavare', `/franvaro/lektioner?elev=${childId}&dag=${lesson.date}&lektion=${lesson.lessonId}`);
    await expect(page).toHaveURL(
      new RegExp(`/franvaro/lektioner\\?elev=${childId}&lektion=${lesson.lessonId}&period=CUSTOM&fran=${lesson.date}&till=${lesson.date}$`),
    );
    const marked = page.locator(`[data-lesson="${lesson.lessonId}"]`);
    await expect(marked).toHaveAttribute('aria-current', 'true');
    await expect(marked).toBeFocused();
    await expect(marked.locator('td[data-column="valid"]')).toHaveText('Ogiltig');
  });

  test("a mentor follows the class's lessons without roll call to one of them", async ({ page }) => {
    await login(page, 'mentor', '/grupper');
    await page.getByTestId('my-groups').getByRole('link', { name: '8A', exact: true }).click();
    await page.getByTestId('class-absence-link').click();
    // A class's count is of student-lessons (a student in a lesson), named so: not "absent from N lessons".
    await expect(page.getByTestId('absence-summary')).toContainText('Närvaro ej tagen (elevlektioner)');
    const notTaken = page
      .getByTestId('absence-summary')
      .getByRole('link', { name: /^[\d\s]+ elevlektion(er)? där närvaro inte är tagen, visa lektionerna$/ });
    expect(Number((await notTaken.innerText()).replace(/\s/g, ''))).toBeGreaterThan(0);
    await notTaken.click();

    await expect(page).toHaveURL(/\/narvaro\/saknas\?klass=[^&]+&period=TERM$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Lektioner där närvaro inte är tagen' })).toBeVisible();
    await expect(page.getByTestId('missing-roll-calls-scope')).toHaveText('8A');
    const rows = page.getByTestId('missing-roll-call');
    await expect(rows.first()).toBeVisible();
    // The mentor may enter those of the class's students afterwards, with a reason (not those of a student who has since left the class).
    await rows.getByTestId('take-roll-call').first().click();
    await expect(page).toHaveURL(/\/lektion\/[^/]+\/narvaro$/);
    await expect(page.getByTestId('roll-row').first()).toBeVisible();
  });
});
