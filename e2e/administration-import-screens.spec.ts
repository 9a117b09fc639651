import { personnummerFor } from '@insyn/domain';
import { listFile, unitCodeOf } from './support/lists';
import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

// The list import pages in each language at phone, tablet and desktop width: empty, and after a trial run with
// problems (a trial run writes nothing, so the screens servers' data stay as they are).

const LANGUAGES: Language[] = ['sv', 'en'];

for (const language of LANGUAGES) {
  test.describe(`administration import pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 240_000 });
    const sv = language === 'sv';

    test('each list page with a trial run: students with problems, a guardian of a child not yet there, staff with a wrong group', async ({
      page,
    }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) => capture(page, testInfo, name, language, ready, ADMINISTRATION_VIEWPORTS);
      await loginIn(page, 'admin', language, '/administration/skolor');
      const unitCode = await unitCodeOf(page, 'Ekbackeskolan');
      await page.goto('/administration/elevlista');
      await shot('admin-import', () => expect(page.getByTestId('list-form')).toBeVisible());

      await page
        .getByLabel(sv ? 'Elevlista' : 'Student list', { exact: true })
        .setInputFiles(
          listFile('students', [
            `${personnummerFor('2019-04-02', 4)};Vera;Vårsdotter;${unitCode};1A;;nej`,
            `${personnummerFor('2019-04-03', 11)};Ville;Vårsson;${unitCode};1A;;kanske`,
            `${personnummerFor('2019-04-04', 2)};Vilma;Vårsson;99999999;;;`,
          ]),
        );
      await page.getByRole('button', { name: sv ? 'Provkör' : 'Trial run' }).click();
      await shot('admin-import-problems', () => expect(page.getByTestId('list-problems')).toBeVisible());

      await page.getByRole('link', { name: sv ? 'Importera vårdnadshavarlista' : 'Import a guardian list' }).click();
      await page
        .getByLabel(sv ? 'Vårdnadshavarlista' : 'Guardian list', { exact: true })
        .setInputFiles(
          listFile('guardians', [
            `${personnummerFor('2019-04-02', 4)};${personnummerFor('1988-01-02', 5)};Maja;Vårsdotter;070-555 66 77;;Vägen 1;123 45;Exempelby;nej`,
          ]),
        );
      await page.getByRole('button', { name: sv ? 'Provkör' : 'Trial run' }).click();
      await shot('admin-import-guardians', () => expect(page.getByTestId('list-problems')).toBeVisible());

      await page.getByRole('link', { name: sv ? 'Importera personallista' : 'Import a staff list' }).click();
      await page
        .getByLabel(sv ? 'Personallista' : 'Staff list', { exact: true })
        .setInputFiles(
          listFile('staff', [
            `QQVA;Vera;Vårsson;;${sv ? 'Lärare' : 'Teacher'};${unitCode};1A;2026-11-25;`,
            `QQVB;Vilma;Vårsson;;Mentor;${unitCode};1A;2026-11-25;`,
          ]),
        );
      await page.getByRole('button', { name: sv ? 'Provkör' : 'Trial run' }).click();
      await shot('admin-import-staff', () => expect(page.getByTestId('list-rows')).toBeVisible());
    });
  });
}
