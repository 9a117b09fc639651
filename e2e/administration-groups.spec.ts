import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';

// The administrator runs the classes: creates a class, takes a student who left another class into it, and
// moves them on to a second class from a later date; each group's page shows the dated memberships.
test.describe('administration of classes', () => {
  test('create a class, enrol a student, move them to another class from a date', async ({ page, request }) => {
    // A student of the last class of the last school (far from the demo users' own classes).
    const token = await apiLogin(request, 'admin');
    const found = await graphql<{
      administeredGroups: { groups: { id: string; name: string; school: { id: string; name: string } }[] };
    }>(
      request,
      `
        {
          administeredGroups(filter: { kind: CLASS }, sort: { field: SCHOOL, direction: DESC }, page: { limit: 1 }) {
            groups {
              id
              name
              school {
                id
                name
              }
            }
          }
        }
      `,
      {},
      token,
    );
    const source = found.data!.administeredGroups.groups[0]!;
    const members = await graphql<{
      administeredGroup: { memberships: { validTo: string | null; student: { firstName: string; lastName: string } }[] };
    }>(
      request,
      'query($id: ID!) { administeredGroup(id: $id) { memberships { validTo student { firstName lastName } } } }',
      { id: source.id },
      token,
    );
    const student = members.data!.administeredGroup.memberships.filter((m) => m.validTo === null).at(-1)!.student;
    const fullName = `${student.lastName}, ${student.firstName}`;

    await login(page, 'admin', '/administration');
    await page.getByRole('link', { name: 'Klasser och grupper' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Klasser och grupper' })).toBeVisible();

    // Two new classes at the student's school.
    for (const name of ['9E2E', '9E2F']) {
      await page.goto('/administration/grupper/ny');
      await page.getByLabel('Skola', { exact: true }).selectOption({ label: source.school.name });
      await page.getByLabel('Namn', { exact: true }).fill(name);
      await page.getByLabel('Årskurs', { exact: true }).fill('9');
      await page.getByRole('button', { name: 'Skapa' }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    }
    await expect(page.getByText('Gruppen har inga elever ännu.')).toBeVisible();

    // The student leaves the old class on 25 November.
    await page.goto(`/administration/grupper/${source.id}`);
    const row = page.getByTestId('members-table').getByRole('row').filter({ hasText: fullName });
    await row.getByRole('button', { name: `Avsluta för ${student.firstName}` }).click();
    await page.getByLabel('Sista dag i gruppen').fill('2026-11-25');
    await page.getByRole('button', { name: 'Avsluta medlemskapet' }).click();
    await expect(row.getByRole('cell', { name: '2026-11-25' })).toBeVisible();

    // …and joins 9E2E the day after.
    await page.goto('/administration/grupper');
    await page.getByLabel('Sök på namn').fill('9E2E');
    await page.getByTestId('groups-table').getByRole('link', { name: '9E2E' }).click();
    await page.getByLabel('Sök elev').fill(student.lastName);
    await page.getByLabel('Elev', { exact: true }).selectOption({ label: fullName });
    await page.getByLabel('Från och med').fill('2026-11-26');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await expect(page.getByText(`${student.firstName} ${student.lastName} är tillagd.`)).toBeVisible();
    const member = page.getByTestId('members-table').getByRole('row').filter({ hasText: fullName });
    await expect(member).toContainText('2026-11-26');
    await expect(member).toContainText('Tills vidare');

    // Moved on to 9E2F from 1 December (not from the day they joined): 9E2E ends the day before.
    await member.getByRole('button', { name: `Flytta ${student.firstName}` }).click();
    await page.getByLabel('Till klass').selectOption({ label: '9E2F' });
    await page.getByLabel('Första dag i nya klassen').fill('2026-11-26');
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    await expect(page.getByText('Datumet måste ligga efter första dagen i nuvarande klass.')).toBeVisible();
    await page.getByLabel('Första dag i nya klassen').fill('2026-12-01');
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    // 26–30 November, after today (25 November): not in the class today.
    await expect(member).toContainText('2026-11-30');
    await expect(member).toContainText('Inte med i dag');

    await page.goto('/administration/grupper');
    await page.getByLabel('Sök på namn').fill('9E2F');
    await page.getByTestId('groups-table').getByRole('link', { name: '9E2F' }).click();
    const moved = page.getByTestId('members-table').getByRole('row').filter({ hasText: fullName });
    await expect(moved).toContainText('2026-12-01');
    await expect(moved).toContainText('Inte med i dag');
  });
});
