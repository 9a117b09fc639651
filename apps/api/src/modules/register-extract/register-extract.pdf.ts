// The register extract as a PDF for the person to read: a cover with who, whose and when, then one heading per
// section, its facts as label–value lines and its lists as tables whose header repeats on every page they run onto.
// The font is Liberation Sans, which pdf.js (a dependency already) ships: unlike the PDF's built-in Helvetica it has
// every letter of a name, Polish ł and Turkish ş as much as å, ä and ö.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { SCHOOL_TIME_ZONE } from '@insyn/domain';
import PDFDocument from 'pdfkit';
import type { RegisterExtract } from './register-extract.service.ts';
import { actionWords, EXTRACT_TEXTS, type ExtractTexts, type FieldKey, type RecordedWorkKey } from './register-extract.texts.ts';

const FONT_FOLDER = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
const REGULAR = 'Regular';
const BOLD = 'Bold';

const MM = 72 / 25.4;
const MARGIN = 18 * MM;
const A4 = { width: 210 * MM, height: 297 * MM };
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
/** Where the body ends: the footer with the page number is below it. */
const BODY_BOTTOM = A4.height - MARGIN - 14;
const CELL_PADDING = 3;
const TABLE_FONT_SIZE = 8;

/** What a section is drawn as. */
type Block =
  | { kind: 'facts'; rows: readonly (readonly [string, string])[] }
  | { kind: 'table'; columns: readonly { label: string; width: number }[]; rows: readonly (readonly string[])[] }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string };

const stamp = new Intl.DateTimeFormat('sv-SE', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: SCHOOL_TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** The words of one extract's values in one language. */
class Words {
  constructor(readonly t: ExtractTexts) {}

  text = (value: string | number | null | undefined): string =>
    value === null || value === undefined || value === '' ? this.t.none : String(value);
  /** An instant as school time, `2026-11-25 10:30`. */
  at = (value: string | null): string => (value ? stamp.format(new Date(value)) : this.t.none);
  time = (value: string): string => clock.format(new Date(value));
  yesNo = (value: boolean): string => (value ? this.t.yes : this.t.no);
  subject = (subject: { code: string; nameSv: string; nameEn: string }): string =>
    this.t.intl === 'sv-SE' ? subject.nameSv : subject.nameEn;
  term = (term: { schoolYear: string; kind: 'AUTUMN' | 'SPRING' }): string => `${this.t.termKinds[term.kind]} ${term.schoolYear}`;
  minutes = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  field = (key: FieldKey): string => this.t.field[key];
  columns = (...columns: readonly (readonly [FieldKey, number])[]) => columns.map(([key, width]) => ({ label: this.field(key), width }));
}

type Sections<K extends RegisterExtract['kind']> = Extract<RegisterExtract, { kind: K }>['sections'];
type Account = Sections<'STUDENT'>['accounts'][number];
type Message = Sections<'STUDENT'>['messages'][number];
type SickReportRow = Sections<'STUDENT'>['sickReports'][number];
type LeaveRow = Sections<'STUDENT'>['leaveApplications'][number];
type AuditRow = Sections<'STUDENT'>['auditLog'][number];
type NewsRead = Sections<'STUDENT'>['newsReads'][number];

const table = (w: Words, columns: readonly (readonly [FieldKey, number])[], rows: readonly (readonly string[])[]): Block[] =>
  rows.length === 0 ? [{ kind: 'paragraph', text: w.t.empty }] : [{ kind: 'table', columns: w.columns(...columns), rows }];

function accountBlocks(w: Words, accounts: readonly Account[]): Block[] {
  if (accounts.length === 0) return [{ kind: 'paragraph', text: w.t.empty }];
  return accounts.flatMap((account): Block[] => [
    {
      kind: 'facts',
      rows: [
        [w.field('username'), account.username],
        [w.field('locale'), account.locale],
        [w.field('createdAt'), w.at(account.createdAt)],
        [w.field('activatedAt'), w.at(account.activatedAt)],
        [w.field('passwordChangedAt'), w.at(account.passwordChangedAt)],
        [w.field('lastLoginAt'), w.at(account.lastLoginAt)],
        [w.field('disabledAt'), w.at(account.disabledAt)],
        [
          w.field('failedLogins'),
          account.failedLogins ? `${account.failedLogins.failures} (${w.at(account.failedLogins.lastFailureAt)})` : w.t.none,
        ],
      ],
    },
    { kind: 'subheading', text: w.t.subheading.sessions },
    ...table(
      w,
      [
        ['started', 3],
        ['lastUsed', 3],
        ['ended', 3],
        ['reason', 3],
        ['browser', 6],
      ],
      account.sessions.map((s) => [w.at(s.createdAt), w.at(s.lastUsedAt), w.at(s.revokedAt), w.text(s.revokedReason), w.text(s.userAgent)]),
    ),
    { kind: 'subheading', text: w.t.subheading.activationCodes },
    ...table(
      w,
      [
        ['issued', 3],
        ['by', 3],
        ['validUntil', 3],
        ['used', 3],
        ['voided', 3],
      ],
      account.activationCodes.map((c) => [w.at(c.issuedAt), w.text(c.issuedBy), w.at(c.expiresAt), w.at(c.usedAt), w.at(c.voidedAt)]),
    ),
    { kind: 'subheading', text: w.t.subheading.passwordResets },
    ...table(
      w,
      [
        ['issued', 1],
        ['validUntil', 1],
        ['used', 1],
      ],
      account.passwordResets.map((r) => [w.at(r.createdAt), w.at(r.expiresAt), w.at(r.usedAt)]),
    ),
  ]);
}

function messageBlocks(w: Words, messages: readonly Message[]): Block[] {
  if (messages.length === 0) return [{ kind: 'paragraph', text: w.t.empty }];
  return messages.flatMap((message): Block[] => [
    { kind: 'subheading', text: w.t.subheading.message(w.at(message.createdAt)) },
    {
      kind: 'facts',
      rows: [
        [w.field('kind'), w.t.messageKind[message.kind]],
        [w.field('student'), message.about],
        [w.field('recipient'), `${message.to}, ${message.recipient} (${w.t.messageChannel[message.channel]})`],
        [w.field('status'), `${w.t.messageStatus[message.status]}${message.sentAt ? `, ${w.at(message.sentAt)}` : ''}`],
        ...(message.subject ? ([[w.field('messageSubject'), message.subject]] as const) : []),
      ],
    },
    { kind: 'paragraph', text: message.body },
  ]);
}

const sickReportTable = (w: Words, reports: readonly SickReportRow[]) =>
  table(
    w,
    [
      ['student', 3],
      ['from', 3],
      ['to', 3],
      ['channel', 2],
      ['reportedBy', 3],
      ['reportedAt', 3],
      ['withdrawn', 3],
      ['note', 4],
    ],
    reports.map((r) => [
      w.text(r.student),
      `${r.fromDate}${r.fromTime ? ` ${r.fromTime}` : ''}`,
      `${r.toDate}${r.toTime ? ` ${r.toTime}` : ''}`,
      w.t.reportChannel[r.channel],
      w.text(r.reportedBy),
      w.at(r.createdAt),
      r.withdrawnAt ? `${w.at(r.withdrawnAt)}${r.withdrawnBy ? `, ${r.withdrawnBy}` : ''}` : w.t.none,
      w.text(r.note),
    ]),
  );

const leaveTable = (w: Words, applications: readonly LeaveRow[]) =>
  table(
    w,
    [
      ['student', 3],
      ['from', 3],
      ['to', 3],
      ['schoolDays', 2],
      ['reason', 4],
      ['appliedBy', 3],
      ['status', 3],
      ['decidedBy', 3],
      ['decisionNote', 4],
    ],
    applications.map((a) => [
      w.text(a.student),
      a.fromDate,
      a.toDate,
      String(a.schoolDays),
      a.reason,
      `${w.text(a.appliedBy)}, ${w.at(a.createdAt)}`,
      a.withdrawnAt ? `${w.t.leaveStatus[a.status]}, ${w.at(a.withdrawnAt)}` : w.t.leaveStatus[a.status],
      a.decidedBy ? `${a.decidedBy} (${w.t.leaveDecider[a.decider]}), ${w.at(a.decidedAt)}` : w.t.leaveDecider[a.decider],
      w.text(a.decisionNote),
    ]),
  );

const newsTable = (w: Words, reads: readonly NewsRead[]) =>
  table(
    w,
    [
      ['title', 6],
      ['published', 3],
      ['read', 3],
    ],
    reads.map((r) => [r.title, w.at(r.publishedAt), w.at(r.readAt)]),
  );

const auditTable = (w: Words, rows: readonly AuditRow[]) =>
  table(
    w,
    [
      ['at', 3],
      ['who', 4],
      ['action', 4],
      ['student', 3],
      ['details', 7],
      ['ip', 3],
    ],
    rows.map((row) => [
      w.at(row.at),
      row.actor
        ? `${row.actor.name ?? row.actor.username}${row.actor.duties.length > 0 ? ` (${row.actor.duties.map((d) => w.t.dutyKind[d]).join(', ')})` : ''}`
        : w.t.none,
      actionWords(w.t, row.action),
      w.text(row.student),
      w.text(row.details),
      w.text(row.ip),
    ]),
  );

const externalIds = (ids: readonly { system: string; sourceId: string }[], none: string) =>
  ids.length > 0 ? ids.map((id) => `${id.system}: ${id.sourceId}`).join(', ') : none;

function studentBlocks(w: Words, s: Sections<'STUDENT'>): Record<keyof Sections<'STUDENT'>, Block[]> {
  const lesson = (row: { date: string; startsAt: string; subject: { code: string; nameSv: string; nameEn: string }; group: string }) =>
    `${row.date} ${w.time(row.startsAt)} ${w.subject(row.subject)} (${row.group})`;
  const mark = (state: { status: 'PRESENT' | 'ABSENT' | 'LATE'; lateMinutes: number | null; note: string | null } | null) =>
    state
      ? [w.t.attendanceStatus[state.status], state.lateMinutes ? `${state.lateMinutes} min` : '', state.note ?? '']
          .filter(Boolean)
          .join(', ')
      : w.t.none;
  return {
    person: [
      {
        kind: 'facts',
        rows: [
          [w.field('name'), `${s.person.firstName} ${s.person.lastName}`],
          [w.field('personalIdentityNumber'), s.person.personalIdentityNumber],
          [w.field('birthDate'), s.person.birthDate],
          [w.field('protectedIdentity'), w.yesNo(s.person.protectedIdentity)],
          [w.field('school'), `${s.person.school.name} (${s.person.school.unitCode})`],
          [w.field('programme'), s.person.programme ? `${s.person.programme.code} ${w.subject(s.person.programme)}` : w.t.none],
          [w.field('createdAt'), w.at(s.person.createdAt)],
          [w.field('modifiedAt'), w.at(s.person.modifiedAt)],
          [w.field('insynId'), s.person.id],
          [w.field('externalIds'), externalIds(s.person.externalIds, w.t.none)],
        ],
      },
    ],
    accounts: accountBlocks(w, s.accounts),
    guardians: table(
      w,
      [
        ['name', 2],
        ['since', 1],
      ],
      s.guardians.map((g) => [g.name, w.at(g.since)]),
    ),
    consents: table(
      w,
      [
        ['guardian', 2],
        ['given', 1],
        ['withdrawn', 1],
      ],
      s.consents.map((c) => [c.guardian, w.at(c.givenAt), w.at(c.withdrawnAt)]),
    ),
    memberships: table(
      w,
      [
        ['group', 2],
        ['kind', 3],
        ['school', 3],
        ['schoolYear', 2],
        ['from', 2],
        ['to', 2],
      ],
      s.memberships.map((m) => [m.group, w.t.groupKind[m.kind], m.school, m.schoolYear, m.validFrom, w.text(m.validTo)]),
    ),
    attendance: table(
      w,
      [
        ['date', 3],
        ['time', 3],
        ['subject', 5],
        ['group', 2],
        ['status', 3],
        ['lateMinutes', 2],
        ['validReason', 3],
        ['note', 3.5],
        ['by', 4],
      ],
      s.attendance.map((a) => [
        a.date,
        `${w.time(a.startsAt)}–${w.time(a.endsAt)}`,
        w.subject(a.subject),
        a.group,
        w.t.attendanceStatus[a.status],
        w.text(a.lateMinutes),
        a.validReason ? [w.t.validReason[a.validReason], a.validReasonNote].filter(Boolean).join(': ') : w.t.none,
        w.text(a.note),
        w.text(a.markedBy),
      ]),
    ),
    attendanceChanges: table(
      w,
      [
        ['lesson', 5],
        ['changedAt', 3],
        ['by', 3],
        ['before', 3],
        ['after', 3],
        ['reason', 4],
      ],
      s.attendanceChanges.map((c) => [lesson(c), w.at(c.changedAt), w.text(c.changedBy), mark(c.before), mark(c.after), w.text(c.reason)]),
    ),
    sickReports: sickReportTable(w, s.sickReports),
    leaveApplications: leaveTable(w, s.leaveApplications),
    messages: messageBlocks(w, s.messages),
    assessmentResults: table(
      w,
      [
        ['date', 3],
        ['task', 4],
        ['subject', 4.5],
        ['group', 2],
        ['result', 2.5],
        ['comment', 5],
        ['published', 3],
        ['by', 3.5],
      ],
      s.assessmentResults.map((r) => [
        r.date,
        r.task,
        w.subject(r.subject),
        r.group,
        w.text(r.grade),
        w.text(r.comment),
        w.yesNo(r.published),
        w.text(r.updatedBy),
      ]),
    ),
    subjectAssessments: table(
      w,
      [
        ['term', 3],
        ['subject', 4.5],
        ['group', 2],
        ['grade', 2],
        ['comment', 5],
        ['by', 3],
        ['published', 3.5],
      ],
      s.subjectAssessments.map((a) => [
        w.term(a.term),
        w.subject(a.subject),
        a.group,
        a.grade,
        w.text(a.comment),
        w.text(a.author),
        w.at(a.publishedAt),
      ]),
    ),
    gradeWarnings:
      s.gradeWarnings.length === 0
        ? [{ kind: 'paragraph', text: w.t.empty }]
        : s.gradeWarnings.flatMap((warning): Block[] => [
            { kind: 'subheading', text: w.t.subheading.warning(w.subject(warning.subject), w.at(warning.issuedAt)) },
            {
              kind: 'facts',
              rows: [
                [w.field('group'), warning.group],
                [w.field('missing'), warning.missing],
                [w.field('issuedBy'), w.text(warning.issuedBy)],
                [w.field('closed'), warning.closedAt ? `${w.at(warning.closedAt)}, ${w.text(warning.closedBy)}` : w.t.none],
                [w.field('closeNote'), w.text(warning.closeNote)],
              ],
            },
            ...(warning.contacts.length > 0
              ? ([
                  { kind: 'subheading', text: w.t.subheading.contacts },
                  ...table(
                    w,
                    [
                      ['date', 3],
                      ['method', 2],
                      ['withWhom', 3],
                      ['agreed', 6],
                      ['by', 3],
                    ],
                    warning.contacts.map((c) => [w.at(c.contactedAt), w.t.contactMethod[c.method], c.withWhom, c.agreed, w.text(c.by)]),
                  ),
                ] satisfies Block[])
              : []),
          ]),
    studyPlan: table(
      w,
      [
        ['planYear', 1],
        ['course', 2],
        ['name', 5],
        ['points', 1],
      ],
      s.studyPlan.map((c) => [String(c.planYear), c.course, c.name, String(c.points)]),
    ),
    developmentPlans:
      s.developmentPlans.length === 0
        ? [{ kind: 'paragraph', text: w.t.empty }]
        : s.developmentPlans.flatMap((plan): Block[] => [
            { kind: 'subheading', text: w.t.subheading.plan(w.term(plan.term)) },
            {
              kind: 'facts',
              rows: [
                [w.field('summary'), w.text(plan.summary)],
                [w.field('published'), plan.publishedAt ? `${w.at(plan.publishedAt)}, ${w.text(plan.publishedBy)}` : w.t.no],
              ],
            },
            ...table(
              w,
              [
                ['subject', 3],
                ['standing', 5],
                ['goals', 5],
                ['by', 2.5],
              ],
              plan.entries.map((e) => [w.subject(e.subject), e.standing, e.goals, w.text(e.author)]),
            ),
          ]),
    supportDecisions:
      s.supportDecisions.length === 0
        ? [{ kind: 'paragraph', text: w.t.empty }]
        : s.supportDecisions.flatMap((decision): Block[] => [
            { kind: 'subheading', text: w.t.subheading.decision(w.t.supportDecisionKind[decision.kind], decision.decidedOn) },
            {
              kind: 'facts',
              rows: [
                [w.field('summary'), decision.summary],
                [w.field('decidedBy'), w.text(decision.decidedBy)],
                [w.field('document'), `${decision.document.name}, ${w.t.bytes(decision.document.bytes)} (${w.t.documentKept})`],
                [
                  w.field('acknowledged'),
                  decision.acknowledgements.length > 0
                    ? decision.acknowledgements.map((a) => `${w.text(a.by)}, ${w.at(a.at)}`).join('; ')
                    : w.t.none,
                ],
              ],
            },
          ]),
    newsReads: newsTable(w, s.newsReads),
    auditLog: auditTable(w, s.auditLog),
  };
}

function guardianBlocks(w: Words, s: Sections<'GUARDIAN'>): Record<keyof Sections<'GUARDIAN'>, Block[]> {
  const p = s.person;
  const choices = p.contactChoices;
  return {
    person: [
      {
        kind: 'facts',
        rows: [
          [w.field('name'), `${p.firstName} ${p.lastName}`],
          [w.field('personalIdentityNumber'), w.text(p.personalIdentityNumber)],
          [w.field('protectedIdentity'), w.yesNo(p.protectedIdentity)],
          [w.field('mobilePhone'), w.text(p.mobilePhone)],
          [w.field('email'), w.text(p.email)],
          [w.field('address'), [p.streetAddress, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || w.t.none],
          [w.field('notifyBySms'), w.yesNo(choices.notifyBySms)],
          [w.field('notifyByEmail'), w.yesNo(choices.notifyByEmail)],
          [w.field('emailDuringQuietHours'), w.yesNo(choices.emailDuringQuietHours)],
          [w.field('messageLocale'), choices.messageLocale],
          [w.field('contactChoicesChanged'), choices.changedAt ? `${w.at(choices.changedAt)}, ${w.text(choices.changedBy)}` : w.t.none],
          [w.field('createdAt'), w.at(p.createdAt)],
          [w.field('modifiedAt'), w.at(p.modifiedAt)],
          [w.field('insynId'), p.id],
          [w.field('externalIds'), externalIds(p.externalIds, w.t.none)],
        ],
      },
    ],
    accounts: accountBlocks(w, s.accounts),
    children: table(
      w,
      [
        ['name', 2],
        ['school', 2],
        ['since', 1],
      ],
      s.children.map((c) => [c.name, c.school, w.at(c.since)]),
    ),
    consents: table(
      w,
      [
        ['student', 2],
        ['given', 1],
        ['withdrawn', 1],
      ],
      s.consents.map((c) => [c.student, w.at(c.givenAt), w.at(c.withdrawnAt)]),
    ),
    messages: messageBlocks(w, s.messages),
    sickReports: sickReportTable(w, s.sickReports),
    leaveApplications: leaveTable(w, s.leaveApplications),
    supportDecisionAcknowledgements: table(
      w,
      [
        ['student', 2],
        ['kind', 2],
        ['decidedOn', 1],
        ['acknowledged', 1],
      ],
      s.supportDecisionAcknowledgements.map((a) => [a.student, w.t.supportDecisionKind[a.kind], a.decidedOn, w.at(a.acknowledgedAt)]),
    ),
    newsReads: newsTable(w, s.newsReads),
    auditLog: auditTable(w, s.auditLog),
  };
}

function staffBlocks(w: Words, s: Sections<'STAFF'>): Record<keyof Sections<'STAFF'>, Block[]> {
  return {
    person: [
      {
        kind: 'facts',
        rows: [
          [w.field('name'), `${s.person.firstName} ${s.person.lastName}`],
          [w.field('signature'), s.person.signature],
          [w.field('email'), w.text(s.person.email)],
          [w.field('createdAt'), w.at(s.person.createdAt)],
          [w.field('modifiedAt'), w.at(s.person.modifiedAt)],
          [w.field('insynId'), s.person.id],
          [w.field('externalIds'), externalIds(s.person.externalIds, w.t.none)],
        ],
      },
    ],
    accounts: accountBlocks(w, s.accounts),
    duties: table(
      w,
      [
        ['duty', 2],
        ['school', 3],
        ['group', 2],
        ['from', 2],
        ['to', 2],
      ],
      s.duties.map((d) => [w.t.dutyKind[d.kind], w.text(d.school), w.text(d.group), d.validFrom, w.text(d.validTo)]),
    ),
    teaching: table(
      w,
      [
        ['group', 2],
        ['subject', 3],
        ['weekday', 2],
        ['time', 2],
        ['room', 2],
        ['from', 2],
        ['to', 2],
      ],
      s.teaching.map((t) => [
        t.group,
        w.subject(t.subject),
        w.t.weekdays[t.weekday - 1] ?? String(t.weekday),
        `${w.minutes(t.startMinute)}–${w.minutes(t.startMinute + t.durationMinutes)}`,
        w.text(t.room),
        t.validFrom,
        t.validTo,
      ]),
    ),
    recordedWork: table(
      w,
      [
        ['what', 4],
        ['count', 1],
      ],
      (Object.entries(s.recordedWork) as [RecordedWorkKey, number][]).map(([key, count]) => [w.t.recordedWork[key], String(count)]),
    ),
    auditLog: auditTable(w, s.auditLog),
  };
}

/** Each section's heading and what is drawn under it, in the extract's order. */
function sectionsOf(extract: RegisterExtract, w: Words): { heading: string; blocks: Block[] }[] {
  const blocks: Record<string, Block[]> =
    extract.kind === 'STUDENT'
      ? studentBlocks(w, extract.sections)
      : extract.kind === 'GUARDIAN'
        ? guardianBlocks(w, extract.sections)
        : staffBlocks(w, extract.sections);
  return extract.sectionOrder.map((key) => ({ heading: w.t.sections[key], blocks: blocks[key] ?? [] }));
}

// ───────────────────────── Drawing ─────────────────────────

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > BODY_BOTTOM) doc.addPage();
}

function drawFacts(doc: PDFKit.PDFDocument, rows: readonly (readonly [string, string])[]): void {
  const labelWidth = 52 * MM;
  const valueWidth = CONTENT_WIDTH - labelWidth;
  doc.fontSize(9);
  for (const [label, value] of rows) {
    const height = Math.max(
      doc.font(BOLD).heightOfString(label, { width: labelWidth - 6 }),
      doc.font(REGULAR).heightOfString(value, { width: valueWidth }),
    );
    ensureRoom(doc, height);
    const y = doc.y;
    doc.font(BOLD).text(label, MARGIN, y, { width: labelWidth - 6 });
    doc.font(REGULAR).text(value, MARGIN + labelWidth, y, { width: valueWidth });
    doc.x = MARGIN;
    doc.y = y + height + 2;
  }
  doc.moveDown(0.4);
}

function drawTable(doc: PDFKit.PDFDocument, block: Extract<Block, { kind: 'table' }>): void {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = block.columns.map((column) => (column.width / total) * CONTENT_WIDTH);
  const rowHeight = (cells: readonly string[], font: string) =>
    Math.max(
      ...cells.map((cell, index) =>
        doc
          .font(font)
          .fontSize(TABLE_FONT_SIZE)
          .heightOfString(cell, { width: (widths[index] ?? 0) - 2 * CELL_PADDING }),
      ),
    ) +
    2 * CELL_PADDING;
  const drawRow = (cells: readonly string[], font: string, shaded: boolean) => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (shaded) doc.rect(MARGIN, y, CONTENT_WIDTH, height).fill('#e8ecf0');
    doc.fillColor('black').font(font).fontSize(TABLE_FONT_SIZE);
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      doc.text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: width - 2 * CELL_PADDING });
      x += width;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + CONTENT_WIDTH, y + height)
      .lineWidth(0.4)
      .strokeColor('#9aa5b1')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  const header = block.columns.map((column) => column.label);
  const headerHeight = rowHeight(header, BOLD);
  // The header and at least the first row together; the header again on every page the table runs onto.
  ensureRoom(doc, headerHeight + rowHeight(block.rows[0] ?? [], REGULAR));
  drawRow(header, BOLD, true);
  for (const row of block.rows) {
    if (doc.y + rowHeight(row, REGULAR) > BODY_BOTTOM) {
      doc.addPage();
      drawRow(header, BOLD, true);
    }
    drawRow(row, REGULAR, false);
  }
  doc.moveDown(0.6);
}

function drawBlock(doc: PDFKit.PDFDocument, block: Block): void {
  switch (block.kind) {
    case 'facts':
      return drawFacts(doc, block.rows);
    case 'table':
      return drawTable(doc, block);
    case 'subheading':
      ensureRoom(doc, 40);
      doc.font(BOLD).fontSize(10).text(block.text, MARGIN, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.2);
      return;
    case 'paragraph':
      doc.font(REGULAR).fontSize(9).text(block.text, MARGIN, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.5);
      return;
  }
}

function sectionHeading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > MARGIN) doc.moveDown(1);
  ensureRoom(doc, 70);
  doc.font(BOLD).fontSize(14).text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
}

function drawCover(doc: PDFKit.PDFDocument, extract: RegisterExtract, w: Words, headings: readonly string[]): void {
  const { subject } = extract;
  doc.font(BOLD).fontSize(20).text(w.t.title, MARGIN, MARGIN);
  doc.font(REGULAR).fontSize(11).text(w.t.subtitle);
  doc.moveDown(1);
  if (subject.protectedIdentity) {
    const top = doc.y;
    const height =
      doc
        .font(BOLD)
        .fontSize(10)
        .heightOfString(w.t.protectedIdentity, { width: CONTENT_WIDTH - 16 }) + 12;
    doc.rect(MARGIN, top, CONTENT_WIDTH, height).lineWidth(1.5).stroke('#a00000');
    doc.fillColor('#a00000').text(w.t.protectedIdentity, MARGIN + 8, top + 6, { width: CONTENT_WIDTH - 16 });
    doc.fillColor('black');
    doc.x = MARGIN;
    doc.y = top + height + 10;
  }
  const sections = extract.sections;
  const number = 'personalIdentityNumber' in sections.person ? sections.person.personalIdentityNumber : null;
  drawFacts(doc, [
    [w.t.cover.person, `${subject.firstName} ${subject.lastName}`],
    ...(number ? ([[w.t.cover.personalIdentityNumber, number]] as const) : []),
    [w.t.cover.kind, w.t.personKinds[subject.kind]],
    [w.t.cover.organisation, extract.organisation.name],
    [w.t.cover.generatedAt, w.at(extract.generatedAt)],
    [w.t.cover.generatedBy, `${extract.generatedBy.name} (${extract.generatedBy.username})`],
  ]);
  doc.font(REGULAR).fontSize(10).text(w.t.intro(extract.organisation.name), MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(1);
  doc.font(BOLD).fontSize(12).text(w.t.contentsHeading);
  doc.moveDown(0.2);
  doc.font(REGULAR).fontSize(10);
  headings.forEach((heading, index) => doc.text(`${index + 1}. ${heading}`, MARGIN, doc.y, { width: CONTENT_WIDTH }));
  doc.text(`${headings.length + 1}. ${w.t.notIncludedHeading}`, MARGIN, doc.y, { width: CONTENT_WIDTH });
}

function drawFooters(doc: PDFKit.PDFDocument, extract: RegisterExtract, w: Words): void {
  const range = doc.bufferedPageRange();
  const name = `${extract.subject.firstName} ${extract.subject.lastName}`;
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    doc.font(REGULAR).fontSize(8).fillColor('#444444');
    // Below the body's bottom margin, where pdfkit would otherwise start a new page for it.
    doc.page.margins.bottom = 0;
    const y = A4.height - MARGIN;
    doc.text(`${w.t.title} · ${name} · ${w.at(extract.generatedAt)}`, MARGIN, y, { width: CONTENT_WIDTH, lineBreak: false });
    doc.text(w.t.page(index + 1, range.count), MARGIN, y, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    doc.fillColor('black');
  }
}

/** Writes the extract as a PDF in `locale` to `out`; resolves when the whole document has been written. */
export async function writeRegisterExtractPdf(out: Writable, extract: RegisterExtract, locale: 'sv' | 'en'): Promise<void> {
  const w = new Words(EXTRACT_TEXTS[locale]);
  const doc = new PDFDocument({
    size: 'A4',
    // A paragraph longer than the room left goes on at BODY_BOTTOM on the next page, as the tables do.
    margins: { top: MARGIN, bottom: A4.height - BODY_BOTTOM, left: MARGIN, right: MARGIN },
    // The footers say "page 3 of 12": written when every page is there.
    bufferPages: true,
    lang: locale === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${w.t.title} – ${extract.subject.firstName} ${extract.subject.lastName}`,
      Author: extract.organisation.name,
      Creator: 'Insyn',
    },
  });
  doc.registerFont(REGULAR, join(FONT_FOLDER, 'LiberationSans-Regular.ttf'));
  doc.registerFont(BOLD, join(FONT_FOLDER, 'LiberationSans-Bold.ttf'));
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  const sections = sectionsOf(extract, w);
  drawCover(
    doc,
    extract,
    w,
    sections.map((section) => section.heading),
  );
  // The sections follow each other; one starts on a new page when there is no room for its heading and a start.
  doc.addPage();
  sections.forEach((section, index) => {
    sectionHeading(doc, `${index + 1}. ${section.heading}`);
    for (const block of section.blocks) drawBlock(doc, block);
  });
  sectionHeading(doc, `${sections.length + 1}. ${w.t.notIncludedHeading}`);
  doc
    .font(REGULAR)
    .fontSize(10)
    .list([...w.t.notIncluded], MARGIN, doc.y, { width: CONTENT_WIDTH, bulletRadius: 2 });
  drawFooters(doc, extract, w);
  doc.end();
  await done;
}
