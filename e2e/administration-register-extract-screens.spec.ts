import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, graphql } from './support/app';
import { expect, test } from './support/test';
import { ADMINISTRATION_VIEWPORTS, capture, loginIn, type Language } from './support/screens';

// The register extract (GDPR art. 15) on the administration's person pages, in each language at phone, tablet and
// desktop width: the student's page with what the extract holds, both files downloaded from it (the PDF in the page's
// language, the JSON with the student's sections), and the panel on a guardian's and a staff member's page.

const TEXTS = {
  sv: {
    heading: 'Registerutdrag',
    pdf: 'Hämta registerutdrag som PDF',
    json: 'Hämta registerutdrag som JSON-fil',
    done: 'Utdraget är hämtat.',
  },
  en: {
    heading: 'Register extract',
    pdf: 'Download the register extract as PDF',
    json: 'Download the register extract as a JSON file',
    done: 'The extract has been downloaded.',
  },
} as const;

/** The demo student (`elev`): the one with guardians, attendance, assessments and an IUP. Asked apart from the page, whose
 * browser must not keep the student's session. */
async function demoStudentId(request: APIRequestContext): Promise<string> {
  const login = await graphql<{ login: { viewer: { students: { id: string }[] } } }>(
    request,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { viewer { students { id } } } }',
    { u: 'elev', p: DEMO_PASSWORD },
  );
  const id = login.data?.login.viewer.students[0]?.id;
  if (!id) throw new Error(`no demo student: ${JSON.stringify(login.errors)}`);
  return id;
}

for (const language of ['sv', 'en'] as const satisfies readonly Language[]) {
  test.describe(`administration register extract pages in ${language === 'sv' ? 'Swedish' : 'English'}`, () => {
    test.describe.configure({ timeout: 180_000 });
    const words = TEXTS[language];

    test("a student's register extract: what it holds, the PDF and the JSON downloaded; a guardian's and a staff member's", async ({
      page,
      request,
    }, testInfo) => {
      const shot = (name: string, ready: () => Promise<void>) =>
        capture(page, testInfo, `admin-register-extract-${name}`, language, ready, ADMINISTRATION_VIEWPORTS);
      const studentId = await demoStudentId(request);
      await loginIn(page, 'admin', language, `/administration/elever/${studentId}`);
      const panel = page.getByTestId('register-extract');
      await expect(panel.getByRole('heading', { level: 2, name: words.heading })).toBeVisible();
      await panel.locator('summary').click();
      await expect(panel.getByRole('listitem')).toHaveCount(18);
      await shot('student', () => expect(panel.getByRole('listitem').first()).toBeVisible());

      const pdfDownload = page.waitForEvent('download');
      await panel.getByRole('button', { name: words.pdf }).click();
      const pdf = await pdfDownload;
      expect(pdf.suggestedFilename()).toMatch(new RegExp(`^registerutdrag-\\d{4}-\\d{2}-\\d{2}-${studentId.slice(0, 8)}\\.pdf$`));
      const pdfBytes = await readFile(await pdf.path());
      expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The document's language is the page's: pdfkit writes it into the catalog as /Lang.
      expect(pdfBytes.toString('latin1')).toContain(`/Lang (${language === 'sv' ? 'sv-SE' : 'en-GB'})`);
      await expect(panel.getByRole('status').filter({ hasText: words.done })).toBeVisible();

      const jsonDownload = page.waitForEvent('download');
      await panel.getByRole('button', { name: words.json }).click();
      const json = await jsonDownload;
      expect(json.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/);
      const extract = JSON.parse(await readFile(await json.path(), 'utf8')) as {
        format: string;
        version: number;
        subject: { id: string; kind: string };
        sectionOrder: string[];
        sections: { attendance: unknown[] };
      };
      expect(extract).toMatchObject({ format: 'insyn-register-extract', version: 1, subject: { id: studentId, kind: 'STUDENT' } });
      expect(extract.sectionOrder).toHaveLength(18);
      expect(extract.sections.attendance.length).toBeGreaterThan(0);
      await shot('student-downloaded', () => expect(panel.getByRole('status').filter({ hasText: words.done })).toBeVisible());

      await page.locator('main a[href^="/administration/vardnadshavare/"]').first().click();
      await expect(page.getByTestId('guardian-form')).toBeVisible();
      await shot('guardian', () => expect(page.getByTestId('register-extract').getByRole('button', { name: words.pdf })).toBeVisible());

      await page.goto('/administration/personal');
      const staffLink = page.getByTestId('admin-staff').locator('tbody tr').first().getByRole('link');
      await page.goto((await staffLink.getAttribute('href')) ?? '');
      await expect(page.getByTestId('staff-duties')).toBeVisible();
      await shot('staff', () => expect(page.getByTestId('register-extract').getByRole('button', { name: words.json })).toBeVisible());
    });

    test('the panel for a student with protected identity says to whom the extract may go', async ({ page, request }, testInfo) => {
      // The page as it shows a protected student, without marking one in the data the other screens tests share.
      await page.route('**/graphql', async (route) => {
        const body = route.request().postDataJSON() as { operationName?: string } | null;
        if (body?.operationName !== 'AdminStudent') return route.fallback();
        const response = await route.fetch();
        const json = (await response.json()) as { data: { administeredStudent: { protectedIdentity: boolean } } };
        json.data.administeredStudent.protectedIdentity = true;
        await route.fulfill({ response, json });
      });
      await loginIn(page, 'admin', language, `/administration/elever/${await demoStudentId(request)}`);
      const notice = page.getByTestId('register-extract').locator('.register-extract__protected');
      await capture(
        page,
        testInfo,
        'admin-register-extract-protected',
        language,
        () => expect(notice).toBeVisible(),
        ADMINISTRATION_VIEWPORTS,
      );
    });
  });
}
