import type { Page } from '@playwright/test';
import { expect } from './test';

// For the list imports' tests: the demo school's unit code as the schools page shows it, and a list file.

const HEADERS = {
  students: 'Personnummer;Förnamn;Efternamn;Skolenhetskod;Klass;Program;Skyddad identitet',
  guardians: 'Elevens personnummer;Personnummer;Förnamn;Efternamn;Mobilnummer;E-post;Gatuadress;Postnummer;Ort;Skyddad identitet',
  staff: 'Signatur;Förnamn;Efternamn;E-post;Uppdrag;Skolenhetskod;Grupp;Från och med;Till och med',
};

/** The school unit code of a school on /administration/skolor (the seed draws it at random). */
export async function unitCodeOf(page: Page, school: string): Promise<string> {
  await page.goto('/administration/skolor');
  const row = page.getByTestId('schools-table').getByRole('row', { name: new RegExp(school) });
  await expect(row).toBeVisible();
  const code = /\b\d{8}\b/.exec(await row.innerText())?.[0];
  if (!code) throw new Error(`no unit code in the row of ${school}`);
  return code;
}

/** A list file as the file input takes it: the template's header and the rows, in UTF-8 with a byte-order mark. */
export const listFile = (kind: keyof typeof HEADERS, rows: string[]) => ({
  name: `${kind}.csv`,
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[HEADERS[kind], ...rows].join('\r\n')}\r\n`, 'utf8'),
});
