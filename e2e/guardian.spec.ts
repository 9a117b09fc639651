import { expect, test } from './support/test';
import { apiLogin, expectWeekShown, graphql, login, schoolIsoWeek } from './support/app';

interface GroupData {
  group: { students: { id: string; firstName: string; lastName: string }[] };
}

test.describe('guardian', () => {
  test('picks which child to see and switches between two children', async ({ page }) => {
    await login(page, 'vardnadshavare');
    const picker = page.getByRole('group', { name: 'Visa schema för' });
    await expect(picker).toBeVisible();
    const options = picker.getByRole('radio');
    await expect(options).toHaveCount(2);
    await expect(options.first()).toBeChecked();

    const labels = await picker.locator('label').allInnerTexts();
    const [firstName, secondName] = labels.map((label) => label.split('\n')[0]?.trim() ?? '');
    expect(firstName).toBeTruthy();
    expect(secondName).toBeTruthy();
    await expect(page.getByText(`Schema för ${firstName}`)).toBeVisible();

    await options.nth(1).click();
    await expect(options.nth(1)).toBeChecked();
    await expect(page.getByText(`Schema för ${secondName}`)).toBeVisible();
    await expect(page).toHaveURL(/[?&]elev=/);
    await expect(page.getByTestId('week-heading')).toHaveText(`Vecka ${schoolIsoWeek().isoWeek}`);
    await expectWeekShown(page);
    // No personnummer in the address, only the opaque id.
    expect(page.url()).not.toMatch(/\d{8}-?\d{4}/);

    // The children are in different classes: each has a link to their own class list.
    const classLink = page.getByRole('link', { name: /^Klasslista / });
    await expect(classLink).toBeVisible();
    const secondClass = await classLink.innerText();
    await options.first().click();
    await expect(options.first()).toBeChecked();
    await expect(page.getByText(`Schema för ${firstName}`)).toBeVisible();
    await expect(page.getByRole('link', { name: /^Klasslista / })).not.toHaveText(secondClass);
  });

  test("cannot open another family's child, in the app or through the API", async ({ page, request }) => {
    await login(page, 'vardnadshavare');
    const radios = page.getByRole('group', { name: 'Visa schema för' }).getByRole('radio');
    const ownIds = [await radios.nth(0).getAttribute('value'), await radios.nth(1).getAttribute('value')].filter(
      (id): id is string => id !== null,
    );
    expect(ownIds).toHaveLength(2);

    // A classmate of the guardian's first child, from the class list the guardian may see.
    await page.getByRole('link', { name: /^Klasslista / }).click();
    await expect(page.getByTestId('class-list')).toBeVisible();
    const rows = page.locator('[data-student-id]');
    const classmateIds: string[] = [];
    for (let index = 0; index < (await rows.count()); index += 1)
      classmateIds.push((await rows.nth(index).getAttribute('data-student-id')) ?? '');
    const stranger = classmateIds.find((id) => id && !ownIds.includes(id));
    expect(stranger, 'a classmate from another family').toBeTruthy();

    await page.goto(`/schema?elev=${encodeURIComponent(stranger ?? '')}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hittades inte eller ingen behörighet');
    await expect(page.getByTestId('week-grid').or(page.getByTestId('week-empty'))).toHaveCount(0);

    // The same through GraphQL with the guardian's own token: NOT_FOUND, as for an id that does not exist.
    const token = await apiLogin(request, 'vardnadshavare');
    const week = schoolIsoWeek();
    const schedule = await graphql(
      request,
      'query ($id: ID!, $week: IsoWeekInput!) { studentWeekSchedule(studentId: $id, week: $week) { isoWeek } }',
      { id: stranger, week },
      token,
    );
    expect(schedule.data ?? null).toBeNull();
    expect(schedule.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const student = await graphql(request, 'query ($id: ID!) { student(id: $id) { id firstName } }', { id: stranger }, token);
    expect(student.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missing = await graphql(request, 'query ($id: ID!) { student(id: $id) { id } }', { id: 'no-such-student' }, token);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Their own child works with the same token.
    const own = await graphql<{ student: { id: string } }>(
      request,
      'query ($id: ID!) { student(id: $id) { id } }',
      { id: ownIds[0] },
      token,
    );
    expect(own.data?.student.id).toBe(ownIds[0]);
  });

  test("a student of another family found through the admin's API access is refused too", async ({ page, request }) => {
    const adminToken = await apiLogin(request, 'admin');
    const groups = await graphql<{ myGroups: { id: string; kind: string }[] }>(request, '{ myGroups { id kind } }', {}, adminToken);
    const classIds = (groups.data?.myGroups ?? []).filter((group) => group.kind === 'CLASS').map((group) => group.id);
    expect(classIds.length).toBeGreaterThan(0);

    const guardianToken = await apiLogin(request, 'vardnadshavare');
    const me = await graphql<{ me: { students: { id: string }[] } }>(request, '{ me { students { id } } }', {}, guardianToken);
    const ownIds = (me.data?.me.students ?? []).map((student) => student.id);

    let stranger: string | undefined;
    for (const classId of classIds.slice(-3)) {
      const group = await graphql<GroupData>(
        request,
        'query ($id: ID!) { group(id: $id) { students { id firstName lastName } } }',
        { id: classId },
        adminToken,
      );
      stranger = group.data?.group.students.find((student) => !ownIds.includes(student.id))?.id;
      if (stranger) break;
    }
    expect(stranger).toBeTruthy();

    await login(page, 'vardnadshavare', `/schema?elev=${encodeURIComponent(stranger ?? '')}`);
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Till schemat' })).toBeVisible();
  });
});
