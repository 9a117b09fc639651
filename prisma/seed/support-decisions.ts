// Demo support decisions: the demo guardian's first child (as the app lists children: the youngest) has an
// action programme the guardian has confirmed reading and a newer decision on special support not yet
// confirmed, each with a small real PDF, recorded by the school's principal.
import type { PrismaClient } from '@insyn/db';
import { addDaysIso, dbDate } from './dates.ts';
import { SeededRandom } from './random.ts';

/** A PDF string literal in WinAnsi: the Swedish letters as octal escapes, the delimiters escaped. */
const pdfText = (text: string): string =>
  [...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char === '(' || char === ')' || char === '\\') return `\\${char}`;
      return code > 126 && code < 256 ? `\\${code.toString(8)}` : char;
    })
    .join('');

/** A one-page A4 PDF with these lines, with a correct cross-reference table so that every reader opens it. */
export function demoPdf(lines: readonly string[]): Buffer {
  const content = ['BT', '/F1 12 Tf', '56 780 Td', '16 TL', ...lines.map((line) => `(${pdfText(line)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export async function seedSupportDecisions(prisma: PrismaClient, seed: number, today: string): Promise<void> {
  const account = await prisma.userAccount.findUnique({ where: { username: 'vardnadshavare' }, select: { id: true, guardianId: true } });
  if (!account?.guardianId) return;
  // An action programme with tests and extended writing time belongs in school years 1 and on, not in förskoleklass.
  const child = await prisma.student.findFirst({
    where: {
      guardianships: { some: { guardianId: account.guardianId } },
      memberships: {
        some: {
          group: { kind: 'CLASS', yearLevel: { gte: 1 } },
          validFrom: { lte: dbDate(today) },
          OR: [{ validTo: null }, { validTo: { gte: dbDate(today) } }],
        },
      },
    },
    orderBy: [{ birthDate: 'desc' }, { firstName: 'asc' }],
    select: { id: true, firstName: true, lastName: true, schoolId: true, school: { select: { name: true } } },
  });
  const principal = child
    ? await prisma.staffDuty.findFirst({
        where: { kind: 'PRINCIPAL', schoolId: child.schoolId },
        orderBy: { staffId: 'asc' },
        select: { staff: { select: { id: true, firstName: true, lastName: true } } },
      })
    : null;
  if (!child || !principal) return;
  const random = new SeededRandom(seed).fork('support-decisions');
  const childName = `${child.firstName} ${child.lastName}`;
  const principalName = `${principal.staff.firstName} ${principal.staff.lastName}`;
  const decisions = [
    {
      kind: 'ACTION_PROGRAMME' as const,
      title: 'Beslut om åtgärdsprogram',
      summary:
        'Åtgärdsprogram i matematik: stödundervisning i liten grupp två gånger i veckan och förlängd skrivtid vid prov. Utvärderas i mars.',
      decidedOn: addDaysIso(today, -41),
      documentName: 'Åtgärdsprogram matematik.pdf',
      acknowledgedAfterDays: 2,
    },
    {
      kind: 'SPECIAL_SUPPORT' as const,
      title: 'Beslut om särskilt stöd',
      summary: 'Särskilt stöd i svenska: specialpedagog en lektion i veckan och inläst läromedel.',
      decidedOn: addDaysIso(today, -6),
      documentName: 'Beslut särskilt stöd svenska.pdf',
      acknowledgedAfterDays: null,
    },
  ];
  for (const decision of decisions) {
    const document = demoPdf([
      child.school.name,
      decision.title,
      '',
      `Elev: ${childName}`,
      `Datum: ${decision.decidedOn}`,
      '',
      decision.summary.slice(0, 80),
      decision.summary.slice(80),
      '',
      `Rektor: ${principalName}`,
    ]);
    const created = await prisma.supportDecision.create({
      data: {
        id: random.uuid(),
        studentId: child.id,
        kind: decision.kind,
        summary: decision.summary,
        decidedOn: dbDate(decision.decidedOn),
        decidedByStaffId: principal.staff.id,
        documentName: decision.documentName,
        documentSize: document.length,
        document: new Uint8Array(document),
        createdAt: new Date(`${decision.decidedOn}T14:00:00Z`),
      },
      select: { id: true },
    });
    if (decision.acknowledgedAfterDays !== null) {
      await prisma.supportDecisionAcknowledgement.create({
        data: {
          decisionId: created.id,
          userId: account.id,
          acknowledgedAt: new Date(`${addDaysIso(decision.decidedOn, decision.acknowledgedAfterDays)}T18:30:00Z`),
        },
      });
    }
  }
}
