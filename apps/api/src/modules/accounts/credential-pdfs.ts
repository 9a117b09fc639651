// The printed credentials: one letter a guardian, for a window envelope, and the mentor's class sheet with
// one slip a student between cut lines. Written page by page into a stream, so a thousand letters hold no more
// memory than one. Text in Swedish first, then English, as the school letter is.
import { formatActivationCode } from '@insyn/domain';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import type { ClassSheet, Credential, GuardianLetterPlan } from './credentials.service.ts';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGIN = 20 * MM;
/**
 * Where the common Swedish window envelope (C5 or E65, window on the right) shows the address: 110 mm from the
 * left and 45 mm from the top of a folded A4, about 85 × 35 mm.
 */
const ADDRESS_WINDOW = { x: 110 * MM, y: 45 * MM, width: 85 * MM };

interface Common {
  /** where Insyn is reached, e.g. https://insyn.kommun.se */
  publicUrl: string;
  /** the day printed on the letter, YYYY-MM-DD */
  today: string;
  /** the last day the codes may be used, YYYY-MM-DD */
  validThrough: string;
}

const activationUrl = (publicUrl: string) => `${publicUrl}/aktivera`;

function document(title: string, out: Writable): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: title, Creator: 'Insyn' } });
  doc.pipe(out);
  return doc;
}

/** Resolves when the document has been written to the end of `out`. */
function finish(doc: PDFKit.PDFDocument, out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.end();
  });
}

export async function writeGuardianLetters(
  out: Writable,
  plan: GuardianLetterPlan,
  credentials: ReadonlyMap<string, Credential>,
  common: Common,
): Promise<void> {
  const doc = document(`Inloggning till Insyn – ${plan.schoolName}`, out);
  for (const guardian of plan.recipients) {
    const credential = credentials.get(guardian.id);
    if (!credential) continue;
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(13).text(plan.schoolName, MARGIN, MARGIN);
    doc.font('Helvetica').fontSize(10).text(`Insyn · ${common.today}`);

    doc.font('Helvetica').fontSize(11);
    doc.text(`${guardian.firstName} ${guardian.lastName}`, ADDRESS_WINDOW.x, ADDRESS_WINDOW.y, { width: ADDRESS_WINDOW.width });
    doc.text(guardian.streetAddress ?? '', { width: ADDRESS_WINDOW.width });
    doc.text(`${guardian.postalCode ?? ''}  ${guardian.city ?? ''}`, { width: ADDRESS_WINDOW.width });

    const children = new Intl.ListFormat('sv', { type: 'conjunction' }).format(guardian.children);
    const childrenEn = new Intl.ListFormat('en', { type: 'conjunction' }).format(guardian.children);
    doc.x = MARGIN;
    doc.y = 100 * MM;
    doc.font('Helvetica-Bold').fontSize(15).text('Ditt konto i Insyn');
    doc.moveDown(0.4).font('Helvetica').fontSize(11);
    doc.text(
      `Hej ${guardian.firstName}! I Insyn följer du skoldagen för ${children}: frånvaro, schema, omdömen och skolans nyheter. ` +
        'Du sjukanmäler och ansöker om ledighet där, och väljer hur skolan når dig.',
    );
    credentialBox(doc, credential, common.validThrough);
    doc.font('Helvetica-Bold').fontSize(11).text('Så gör du');
    doc.font('Helvetica').fontSize(10.5);
    doc.list(
      [
        `Gå till ${activationUrl(common.publicUrl)}.`,
        'Skriv användarnamnet och aktiveringskoden.',
        'Välj ett lösenord med minst 12 tecken, gärna några ord i rad. Koden kan bara användas en gång.',
      ],
      { listType: 'numbered' },
    );
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(11).text('Your account in Insyn');
    doc.font('Helvetica').fontSize(10.5);
    doc.text(
      `In Insyn you follow the school day of ${childrenEn}: absence, schedule, assessments and the school's news. ` +
        `Go to ${activationUrl(common.publicUrl)}, enter the username and activation code above, and choose a password of at ` +
        'least 12 characters (a few words in a row will do). The code works once.',
    );
    doc.moveDown(0.8).fontSize(9.5).fillColor('#333333');
    doc.text('Har du frågor, eller har koden gått ut? Kontakta skolan. · Questions, or has the code expired? Contact the school.');
    doc.fillColor('black');
  }
  await finish(doc, out);
}

function credentialBox(doc: PDFKit.PDFDocument, credential: Credential, validThrough: string): void {
  const top = doc.y + 10;
  const height = 62;
  doc
    .rect(MARGIN, top, A4.width - 2 * MARGIN, height)
    .lineWidth(1)
    .stroke('#444444');
  const row = (label: string, value: string, y: number, mono: boolean) => {
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('black')
      .text(label, MARGIN + 12, y, { width: 160, lineBreak: false });
    doc
      .font(mono ? 'Courier-Bold' : 'Helvetica-Bold')
      .fontSize(mono ? 14 : 12)
      .text(value, MARGIN + 175, y - (mono ? 2 : 1), { lineBreak: false });
  };
  row('Användarnamn / Username', credential.username, top + 10, false);
  row('Aktiveringskod / Activation code', formatActivationCode(credential.code), top + 28, true);
  row('Giltig till och med / Valid through', validThrough, top + 46, false);
  doc.x = MARGIN;
  doc.y = top + height + 14;
}

/** Slips on a page: two columns of five, each a student's credentials between dashed cut lines. */
const SLIP_COLUMNS = 2;
const SLIP_ROWS = 5;

export async function writeClassSheet(out: Writable, sheet: ClassSheet, common: Common): Promise<void> {
  const doc = document(`Inloggning till Insyn – ${sheet.className}`, out);
  const slipWidth = (A4.width - 2 * MARGIN) / SLIP_COLUMNS;
  const top = MARGIN + 24;
  const slipHeight = (A4.height - top - MARGIN) / SLIP_ROWS;
  sheet.students.forEach((student, index) => {
    const onPage = index % (SLIP_COLUMNS * SLIP_ROWS);
    if (onPage === 0) {
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(11).fillColor('black');
      doc.text(`${sheet.schoolName} · ${sheet.className} · ${common.today}`, MARGIN, MARGIN, { lineBreak: false });
      cutLines(doc, top, slipWidth, slipHeight);
    }
    const credential = sheet.credentials.get(student.id);
    if (!credential) return;
    const x = MARGIN + (onPage % SLIP_COLUMNS) * slipWidth + 10;
    const y = top + Math.floor(onPage / SLIP_COLUMNS) * slipHeight + 10;
    const width = slipWidth - 20;
    doc.font('Helvetica-Bold').fontSize(11).text(`${student.firstName} ${student.lastName}`, x, y, { width });
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`Användarnamn / Username`, x, y + 20, { width });
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(credential.username, x, y + 31, { width });
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`Aktiveringskod / Activation code`, x, y + 48, { width });
    doc
      .font('Courier-Bold')
      .fontSize(13)
      .text(formatActivationCode(credential.code), x, y + 59, { width });
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .text(
        `${activationUrl(common.publicUrl)} · Välj ett lösenord på minst 12 tecken. Choose a password of at least 12 characters. ` +
          `Giltig t.o.m. / Valid through ${common.validThrough}.`,
        x,
        y + 80,
        { width },
      );
  });
  await finish(doc, out);
}

function cutLines(doc: PDFKit.PDFDocument, top: number, slipWidth: number, slipHeight: number): void {
  doc.save().lineWidth(0.6).dash(4, { space: 3 }).strokeColor('#777777');
  for (let column = 0; column <= SLIP_COLUMNS; column++) {
    const x = MARGIN + column * slipWidth;
    doc
      .moveTo(x, top)
      .lineTo(x, top + SLIP_ROWS * slipHeight)
      .stroke();
  }
  for (let row = 0; row <= SLIP_ROWS; row++) {
    const y = top + row * slipHeight;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + SLIP_COLUMNS * slipWidth, y)
      .stroke();
  }
  doc.undash().restore();
}
