import { personnummerFor } from '@insyn/domain';
import { readFile } from 'node:fs/promises';
import { login } from './support/app';
import { listFile, unitCodeOf } from './support/lists';
import { expect, test } from './support/test';

test.describe('list imports', () => {
  test('the administrator downloads the template, is told of a wrong line, corrects it, imports the students and then their guardians', async ({
    page,
  }) => {
    const run = Date.now().toString(36);
    // Numbers no earlier run on a reused server took: the serials from the clock.
    const first = personnummerFor('2019-04-02', Date.now() % 1000);
    const second = personnummerFor('2019-04-03', (Date.now() + 1) % 1000);
    await login(page, 'admin', '/administration');
    const unitCode = await unitCodeOf(page, 'Ekbackeskolan');

    await page.goto('/administration');
    await page.getByRole('link', { name: 'Importera listor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importera elevlista' })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ned mall' }).click()]);
    expect(download.suggestedFilename()).toBe('elevlista-mall.csv');
    expect(await readFile(await download.path(), 'utf8')).toContain('Personnummer;Förnamn;Efternamn;Skolenhetskod;Klass');

    const form = page.getByTestId('list-form');
    const wrong = `${second.slice(0, -1)}${(Number(second.at(-1)) + 1) % 10}`;
    await form
      .getByLabel('Elevlista')
      .setInputFiles(
        listFile('students', [`${first};Vera;Import ${run};${unitCode};1A;;nej`, `${wrong};Ville;Import ${run};${unitCode};1A;;nej`]),
      );
    await form.getByRole('button', { name: 'Provkör' }).click();
    await expect(form.getByRole('alert')).toHaveText(/Listan har 1 fel/);
    await expect(page.getByTestId('list-problems').getByRole('row', { name: /3 Personnummer Kontrollsiffran stämmer inte/ })).toBeVisible();
    await expect(form.getByRole('button', { name: /^Importera/ })).toHaveCount(0);

    await form
      .getByLabel('Elevlista')
      .setInputFiles(
        listFile('students', [`${first};Vera;Import ${run};${unitCode};1A;;nej`, `${second};Ville;Import ${run};${unitCode};1A;;nej`]),
      );
    await form.getByRole('button', { name: 'Provkör' }).click();
    await expect(form.getByRole('status')).toHaveText(/2 läggs till, 0 ändras, 0 är oförändrade/);
    await expect(page.getByTestId('list-rows').getByRole('row', { name: new RegExp(`Vera Import ${run} 1A Läggs till`) })).toBeVisible();
    await form.getByRole('button', { name: 'Importera 2 elever' }).click();
    await expect(form.getByRole('status')).toHaveText(/Listan är importerad: 2 tillagda/);

    // Their guardians from the guardian list: one mother of both, with her mobile number and address.
    await page.getByRole('link', { name: 'Importera vårdnadshavarlista' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importera vårdnadshavarlista' })).toBeVisible();
    const mother = personnummerFor('1988-09-10', Date.now() % 1000);
    const address = 'Importvägen 3;123 45;Exempelby';
    await form
      .getByLabel('Vårdnadshavarlista')
      .setInputFiles(
        listFile('guardians', [
          `${first};${mother};Maja;Import ${run};070-555 66 77;;${address};nej`,
          `${second};${mother};Maja;Import ${run};070-555 66 77;;${address};nej`,
        ]),
      );
    await form.getByRole('button', { name: 'Provkör' }).click();
    await expect(form.getByRole('status')).toHaveText(/1 läggs till, 1 ändras, 0 är oförändrade/);
    await expect(
      page
        .getByTestId('list-rows')
        .getByRole('row', { name: new RegExp(`Maja Import ${run} Ville Import ${run} Ändras blir vårdnadshavare`) }),
    ).toBeVisible();
    await form.getByRole('button', { name: 'Importera 2 rader' }).click();
    await expect(form.getByRole('status')).toHaveText(/Listan är importerad: 1 tillagda, 1 ändrade/);
    // The history, newest first: this guardian list, the student list before it.
    const history = page.getByTestId('import-history').getByRole('row');
    await expect(history.nth(1)).toContainText('Vårdnadshavarlista');
    await expect(history.nth(1)).toContainText('Importerad: 1 tillagda, 1 ändrade');
    await expect(history.nth(2)).toContainText('Elevlista');
    await expect(history.nth(2)).toContainText('Importerad: 2 tillagda, 0 ändrade');

    await page.goto('/administration/elever');
    await page.getByLabel('Sök namn eller personnummer').fill(`Import ${run}`);
    await expect(page.getByRole('row', { name: new RegExp(`Import ${run}, Vera .*1A`) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Import ${run}, Ville .*1A`) })).toBeVisible();
    await page.getByRole('link', { name: `Import ${run}, Ville` }).click();
    await expect(page.getByRole('link', { name: `Maja Import ${run}` })).toBeVisible();
  });
});
