import { expect, test } from './support/test';
import { apiLogin, graphql, login } from './support/app';

// Retention (gallring) through the page: what would go by the default policy, a period refused at its field, a policy
// that lets last year's but one assessments go, their deletion after a confirmation (cancelled first), the run in the
// history, and the nightly switch. The demo school has published grades of the two school years before this one.

const RESET = `mutation ($input: RetentionPolicyInput!) { updateRetentionPolicy(input: $input) { periods { kind keep } } }`;
const NIGHTLY_OFF = 'mutation { setRetentionNightly(on: false) { nightlyDeletion } }';
/** A run answers at once and goes on in the server: the page follows it, on a loaded machine slowly. */
const RUN = { timeout: 60_000 };

test('the administrator reads what retention would delete, sets a period and deletes after confirming', async ({ page, request }) => {
  const token = await apiLogin(request, 'admin');
  try {
    await login(page, 'admin', '/administration');
    await page.getByRole('link', { name: 'Gallring' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gallring');
    const report = page.getByTestId('retention-dry-run');
    await expect(report).toContainText(
      'Sparas tills vidare och gallras inte av Insyn: Omdömen, Betygsvarningar, IUP, Beslut om stöd, Elever som har slutat.',
    );
    await expect(report).toContainText(
      'Personalen – med namn, kontaktuppgifter och konton – gallras inte av Insyn, inte heller när de har slutat. Elever och vårdnadshavare gallras bara enligt Elever som har slutat.',
    );

    // Nought school years of attendance is refused at its field, nothing saved.
    const form = page.getByTestId('retention-policy-form');
    await expect(
      form.getByTestId('retention-period-FORMER_STUDENTS').getByLabel('Sparas tills vidare (gallras inte av Insyn)'),
    ).toBeChecked();
    const save = form.getByRole('button', { name: 'Spara gallringsreglerna' });
    const attendance = form.getByTestId('retention-period-ATTENDANCE').getByLabel('Läsår efter läsårets slut');
    await attendance.fill('0');
    await save.click();
    await expect(attendance).toHaveAccessibleDescription(/^! Ange ett heltal från 1 till 50\./);
    await expect(attendance).toBeFocused();
    await attendance.fill('3');

    // Assessments kept one school year after their own: those of 2024/25 are due, those of 2025/26 not yet.
    const assessments = form.getByTestId('retention-period-ASSESSMENTS');
    await assessments.getByLabel('Sparas tills vidare (gallras inte av Insyn)').uncheck();
    await assessments.getByLabel('Läsår efter läsårets slut').fill('1');
    await save.click();
    await expect(form.getByRole('status')).toContainText('Gallringsreglerna är sparade.');
    await expect(page.getByTestId('retention-policy-changed')).toContainText('Ändrad 25 nov 2026');
    const table = page.getByTestId('retention-dry-run-table');
    const due = table.getByRole('row', { name: /^Omdömen daterade före 1 augusti 2025 2024\/25 \d+ / });
    // Deleted for good by the run below: a second run against the same servers (reused outside CI) finds none.
    await expect(
      due,
      "the demo school's assessments of 2024/25 (an earlier run on this server deleted them: start it afresh)",
    ).toBeVisible();
    await expect(table.getByRole('row', { name: /2025\/26/ })).toHaveCount(0);
    const count = Number(await due.getByRole('cell').nth(1).textContent());
    expect(count).toBeGreaterThan(0);

    // Asked first: cancelling deletes nothing and gives the focus back.
    const ask = page.getByRole('button', { name: 'Gallra nu…' });
    await ask.click();
    const dialog = page.getByRole('alertdialog', { name: `Radera ${count} uppgifter?` });
    await expect(dialog).toContainText(`Omdömen: ${count}`);
    await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(dialog).toBeHidden();
    await expect(ask).toBeFocused();
    await expect(due).toBeVisible();

    // Confirmed: the run goes on in the server, the page follows it to its end, and nothing is due any more.
    await ask.click();
    await dialog.getByRole('button', { name: 'Radera', exact: true }).click();
    const run = page.getByTestId('retention-run');
    await expect(run.getByRole('status').filter({ hasText: 'Gallringen är klar' })).toContainText(
      /Gallringen är klar: \d+ rader raderade\./,
      RUN,
    );
    await expect(report).toContainText('Inget att gallra i dag.');
    const history = page.getByTestId('retention-history');
    const latest = history.getByRole('row').nth(1);
    await expect(latest).toContainText('Klar');
    await expect(latest).toContainText(`Omdömen ${count}`);

    // The nightly deletion: off at first, switched on and kept after a reload.
    const nightly = page.getByTestId('retention-nightly').getByLabel('Gallra automatiskt varje natt kl. 03.00');
    await expect(nightly).not.toBeChecked();
    await nightly.check();
    await expect(
      page.getByTestId('retention-nightly').getByRole('status').filter({ hasText: 'Sparat: gallringen körs varje natt kl. 03.00.' }),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('retention-nightly').getByLabel('Gallra automatiskt varje natt kl. 03.00')).toBeChecked();
  } finally {
    // Back to the defaults for whatever runs against this server next.
    await graphql(request, NIGHTLY_OFF, {}, token);
    await graphql(request, RESET, { input: { periods: [{ kind: 'ASSESSMENTS', keep: null }] } }, token);
  }
});
