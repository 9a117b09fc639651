import { describe, expect, it } from 'vitest';
import { staffWith } from './access/test-viewers.ts';
import {
  type DutyFacts,
  type StudentFacts,
  type ViewerFacts,
  mayAcknowledgeSupportDecision,
  mayRecordSupportDecision,
} from './access/index.ts';
import {
  checkSupportDecision,
  looksLikePdf,
  MAX_SUPPORT_DOCUMENT_BYTES,
  MAX_SUPPORT_SUMMARY_LENGTH,
  sanitizeDocumentName,
  type SupportDecisionInput,
} from './support-decisions.ts';

const today = '2026-11-27';
const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n');
const good: SupportDecisionInput = {
  kind: 'ACTION_PROGRAMME',
  summary: 'Åtgärdsprogram i matematik: extra lektion i veckan och anpassade prov.',
  decidedOn: '2026-11-20',
  document: { size: 48_000, head: pdf },
};

describe('checkSupportDecision', () => {
  it('accepts a complete decision dated today or earlier', () => {
    expect(checkSupportDecision(good, today)).toEqual([]);
    expect(checkSupportDecision({ ...good, decidedOn: today }, today)).toEqual([]);
    expect(checkSupportDecision({ ...good, summary: 'x'.repeat(MAX_SUPPORT_SUMMARY_LENGTH) }, today)).toEqual([]);
  });

  it('names each problem', () => {
    expect(checkSupportDecision({ ...good, kind: 'EXTRA_HELP' }, today)).toEqual(['UNKNOWN_KIND']);
    expect(checkSupportDecision({ ...good, summary: '  \n ' }, today)).toEqual(['SUMMARY_REQUIRED']);
    expect(checkSupportDecision({ ...good, summary: 'x'.repeat(MAX_SUPPORT_SUMMARY_LENGTH + 1) }, today)).toEqual(['SUMMARY_TOO_LONG']);
    expect(checkSupportDecision({ ...good, decidedOn: '2026-02-30' }, today)).toEqual(['INVALID_DATE']);
    expect(checkSupportDecision({ ...good, decidedOn: '20 nov' }, today)).toEqual(['INVALID_DATE']);
    expect(checkSupportDecision({ ...good, decidedOn: '2026-11-28' }, today)).toEqual(['IN_THE_FUTURE']);
    expect(checkSupportDecision({ ...good, document: null }, today)).toEqual(['DOCUMENT_REQUIRED']);
    expect(checkSupportDecision({ ...good, document: { size: 0, head: new Uint8Array() } }, today)).toEqual(['DOCUMENT_REQUIRED']);
  });

  it('takes a PDF of at most 10 MB, known by its first bytes', () => {
    expect(checkSupportDecision({ ...good, document: { size: MAX_SUPPORT_DOCUMENT_BYTES, head: pdf } }, today)).toEqual([]);
    expect(checkSupportDecision({ ...good, document: { size: MAX_SUPPORT_DOCUMENT_BYTES + 1, head: pdf } }, today)).toEqual([
      'DOCUMENT_TOO_LARGE',
    ]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    expect(checkSupportDecision({ ...good, document: { size: 6, head: png } }, today)).toEqual(['NOT_A_PDF']);
  });

  it('reports every problem at once', () => {
    expect(checkSupportDecision({ kind: '', summary: '', decidedOn: '', document: null }, today)).toEqual([
      'UNKNOWN_KIND',
      'SUMMARY_REQUIRED',
      'INVALID_DATE',
      'DOCUMENT_REQUIRED',
    ]);
  });
});

describe('looksLikePdf', () => {
  it('looks at the bytes, not at names', () => {
    expect(looksLikePdf(pdf)).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('%PDF'))).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode(' %PDF-1.4'))).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode('<html>%PDF-'))).toBe(false);
  });
});

describe('sanitizeDocumentName', () => {
  it('keeps an ordinary name', () => {
    expect(sanitizeDocumentName('Åtgärdsprogram Ella 7B.pdf')).toBe('Åtgärdsprogram Ella 7B.pdf');
  });
  it('drops folders, control and header characters, and ends in .pdf', () => {
    expect(sanitizeDocumentName('C:\\Users\\rektor\\beslut.PDF')).toBe('beslut.pdf');
    expect(sanitizeDocumentName('../../etc/passwd')).toBe('passwd.pdf');
    expect(sanitizeDocumentName('a"b;\r\nc: d?.pdf')).toBe('abc d.pdf');
    expect(sanitizeDocumentName('..hidden.pdf')).toBe('hidden.pdf');
    expect(sanitizeDocumentName('   ')).toBe('beslut.pdf');
    expect(sanitizeDocumentName('.pdf')).toBe('beslut.pdf');
  });
  it('shortens a long name to 120 characters', () => {
    const name = sanitizeDocumentName(`${'å'.repeat(300)}.pdf`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('who records and who acknowledges', () => {
  const duty = (kind: DutyFacts['kind'], ref: { schoolId?: string; groupId?: string }): DutyFacts => ({
    kind,
    organisationId: kind === 'ADMINISTRATOR' ? 'orgA' : null,
    schoolId: ref.schoolId ?? null,
    groupId: ref.groupId ?? null,
    validFrom: '2026-08-01',
    validTo: null,
  });
  const student: StudentFacts = {
    id: 'child',
    birthDate: '2014-03-02',
    schoolId: 'schoolA',
    organisationId: 'orgA',
    groupIds: ['class7B'],
    guardianIds: ['mum'],
    consentingGuardianIds: [],
  };

  it('the principal of the school and administrators record; the mentor and others do not', () => {
    expect(mayRecordSupportDecision(staffWith([duty('PRINCIPAL', { schoolId: 'schoolA' })]), student, today)).toBe(true);
    expect(mayRecordSupportDecision(staffWith([duty('ADMINISTRATOR', {})]), student, today)).toBe(true);
    expect(mayRecordSupportDecision(staffWith([{ ...duty('ADMINISTRATOR', {}), organisationId: 'orgB' }]), student, today)).toBe(false);
    expect(mayRecordSupportDecision(staffWith([duty('PRINCIPAL', { schoolId: 'schoolB' })]), student, today)).toBe(false);
    expect(mayRecordSupportDecision(staffWith([duty('MENTOR', { groupId: 'class7B' })]), student, today)).toBe(false);
    expect(
      mayRecordSupportDecision(staffWith([{ ...duty('PRINCIPAL', { schoolId: 'schoolA' }), validTo: '2026-11-26' }]), student, today),
    ).toBe(false);
  });

  it('the student and a guardian who may see the student acknowledge; staff do not', () => {
    const adult = { ...student, birthDate: '2008-11-27' };
    const mum: ViewerFacts = { kind: 'GUARDIAN', guardianId: 'mum' };
    expect(mayAcknowledgeSupportDecision({ kind: 'STUDENT', studentId: 'child' }, student, today)).toBe(true);
    expect(mayAcknowledgeSupportDecision({ kind: 'STUDENT', studentId: 'other' }, student, today)).toBe(false);
    expect(mayAcknowledgeSupportDecision(mum, student, today)).toBe(true);
    expect(mayAcknowledgeSupportDecision(mum, adult, today)).toBe(false);
    expect(mayAcknowledgeSupportDecision(mum, { ...adult, consentingGuardianIds: ['mum'] }, today)).toBe(true);
    expect(mayAcknowledgeSupportDecision({ kind: 'GUARDIAN', guardianId: 'dad' }, student, today)).toBe(false);
    const principal: ViewerFacts = { kind: 'STAFF', staffId: 'p', duties: [duty('PRINCIPAL', { schoolId: 'schoolA' })] };
    expect(mayAcknowledgeSupportDecision(principal, student, today)).toBe(false);
  });
});
