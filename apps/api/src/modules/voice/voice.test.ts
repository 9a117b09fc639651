// Sick reports by phone, driven as 46elks drives them: form-encoded POSTs with HTTP Basic credentials,
// following the `next` URLs the service answers with, on both databases.
import { guardianMaySee, isAdultOn, personnummerFor } from '@insyn/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.ts';
import { MAX_ATTEMPTS, PROMPT_NAMES, type CallAction } from './voice.router.ts';

const USERNAME = 'elks';
const PASSWORD = 'a-webhook-password-of-some-length';
const PUBLIC_URL = 'https://insyn.example';
const ENV = { ELKS_WEBHOOK_USERNAME: USERNAME, ELKS_WEBHOOK_PASSWORD: PASSWORD, PUBLIC_URL };
const SCHOOL_NUMBER = '+46766860000';
/** no seeded guardian has it: seeded numbers are +467 and eight digits */
const UNKNOWN_NUMBER = '+4631000000';

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const GOOD_AUTH = basic(USERNAME, PASSWORD);

interface Answer {
  status: number;
  text: string;
  action: CallAction | null;
}

interface Child {
  id: string;
  digits: string;
  guardian: { id: string; phone: string };
  guardianIds: string[];
}

// Embedded PostgreSQL only, to keep the suite within its time: PGlite is the same PostgreSQL engine, and the
// driver and pool path to a PostgreSQL server is covered by the notification, delivery and statistics tests.
describe.each(['pglite' as const])('sick reports by phone on %s', (kind) => {
  let server: TestServer;
  let callCount = 0;

  beforeAll(async () => {
    server = await startTestServer(kind, { env: ENV });
  });
  afterAll(() => server?.stop());

  const send = async (path: string, init: { body?: string; contentType?: string; authorization?: string | null } = {}): Promise<Answer> => {
    const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' };
    const authorization = init.authorization === undefined ? GOOD_AUTH : init.authorization;
    if (authorization !== null) headers.authorization = authorization;
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: init.body ?? '' });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
    return { status: response.status, text, action: isJson ? (JSON.parse(text) as CallAction) : null };
  };

  const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

  /** What 46elks posts to voice_start when someone calls the school's number. */
  const startCall = (from: string) => {
    callCount += 1;
    const callid = `c${kind}${callCount}`;
    const fields = { direction: 'incoming', callid, from, to: SCHOOL_NUMBER, created: '2026-11-25T09:30:00.000000' };
    return { callid, answer: send('/voice/46elks/call', { body: form(fields) }) };
  };

  /** 46elks calls the `next` URL as given, credentials from its user-info included. */
  const follow = (next: string, fields: Record<string, string>): Promise<Answer> => {
    const url = new URL(next);
    expect(url.origin).toBe(PUBLIC_URL);
    const authorization = basic(decodeURIComponent(url.username), decodeURIComponent(url.password));
    return send(`${url.pathname}${url.search}`, { body: form(fields), authorization });
  };

  const ivrOf = (answer: Answer) => {
    expect(answer.status).toBe(200);
    const action = answer.action as Extract<CallAction, { ivr: string }>;
    expect(action).toMatchObject({ digits: 12, timeout: 30, repeat: 1 });
    return action;
  };
  const promptPattern = (name: string) => new RegExp(`^${PUBLIC_URL}/voice/46elks/prompts/${name}\\.wav\\?v=[0-9a-f]{12}$`);
  const expectEnd = (answer: Answer, prompt: string) => {
    expect(answer.status).toBe(200);
    expect(answer.action).toEqual({ play: expect.stringMatching(promptPattern(prompt)), skippable: false, next: { hangup: 'reject' } });
  };
  const attemptOf = (next: string) => new URL(next).searchParams.get('attempt');

  /** A whole call: greeting, then the given entries one by one; returns every answer after the greeting. */
  const call = async (from: string, entries: (Record<string, string> | string)[]) => {
    const { callid, answer } = startCall(from);
    let next = ivrOf(await answer).next;
    const answers: Answer[] = [];
    for (const entry of entries) {
      const fields: Record<string, string> =
        typeof entry === 'string' ? { callid, from, to: SCHOOL_NUMBER, result: entry } : { callid, ...entry };
      const reply = await follow(next, fields);
      answers.push(reply);
      if (reply.action && 'ivr' in reply.action) next = reply.action.next;
    }
    return answers;
  };

  /** Numbers two guardians share (a caller with one would speak for both). */
  const sharedPhones = async (): Promise<Set<string | null>> => {
    const phones = await server.db.prisma.guardian.groupBy({ by: ['mobilePhone'], _count: { _all: true } });
    return new Set(phones.filter((p) => p._count._all > 1).map((p) => p.mobilePhone));
  };

  /** Children under 18 with a guardian whose mobile number no other guardian has, and no sick report today. */
  const children = async (): Promise<Child[]> => {
    const students = await server.db.prisma.student.findMany({
      select: {
        id: true,
        personalIdentityNumber: true,
        birthDate: true,
        sickReports: { select: { id: true } },
        guardianships: { select: { guardian: { select: { id: true, mobilePhone: true } } }, orderBy: { guardianId: 'asc' } },
      },
      orderBy: { personalIdentityNumber: 'asc' },
    });
    const shared = await sharedPhones();
    return students.flatMap((student) => {
      const guardian = student.guardianships.map((g) => g.guardian).find((g) => g.mobilePhone && !shared.has(g.mobilePhone));
      if (!guardian?.mobilePhone || student.sickReports.length > 0) return [];
      if (isAdultOn(student.birthDate.toISOString().slice(0, 10), server.today)) return [];
      const guardianIds = student.guardianships.map((g) => g.guardian.id);
      return [
        {
          id: student.id,
          digits: student.personalIdentityNumber.replace('-', ''),
          guardian: { id: guardian.id, phone: guardian.mobilePhone },
          guardianIds,
        },
      ];
    });
  };

  const reportsOf = (studentId: string) =>
    server.db.prisma.sickReport.findMany({
      where: { studentId },
      select: { id: true, channel: true, fromDate: true, toDate: true, fromTime: true, toTime: true, reportedByGuardianId: true },
    });
  const withWrongCheckDigit = (digits: string) => `${digits.slice(0, 11)}${(Number(digits[11]) + 1) % 10}`;

  it('registers a whole-day report for today and queues the confirmations', async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    const guardians = await server.db.prisma.guardianship.findMany({ where: { studentId: child.id }, select: { guardianId: true } });
    // The caller wants SMS; any other guardian e-mail. Confirmations go to those who chose a channel.
    await server.db.prisma.guardian.update({ where: { id: child.guardian.id }, data: { notifyBySms: true, notifyByEmail: false } });
    const others = guardians.map((g) => g.guardianId).filter((id) => id !== child.guardian.id);
    for (const id of others) {
      await server.db.prisma.guardian.update({
        where: { id },
        data: { notifyBySms: false, notifyByEmail: true, email: `g-${id}@example.org` },
      });
    }

    const { callid, answer } = startCall(child.guardian.phone);
    const greeting = ivrOf(await answer);
    expect(greeting.ivr).toMatch(promptPattern('greeting'));
    const next = new URL(greeting.next);
    expect(`${next.origin}${next.pathname}`).toBe(`${PUBLIC_URL}/voice/46elks/digits`);
    expect(attemptOf(greeting.next)).toBe('1');

    const done = await follow(greeting.next, { callid, from: child.guardian.phone, to: SCHOOL_NUMBER, result: child.digits });
    expectEnd(done, 'done');

    const reports = await reportsOf(child.id);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ channel: 'PHONE', fromTime: null, toTime: null, reportedByGuardianId: child.guardian.id });
    expect(reports[0]?.fromDate.toISOString().slice(0, 10)).toBe(server.today);
    expect(reports[0]?.toDate.toISOString().slice(0, 10)).toBe(server.today);

    const messages = await server.db.prisma.outboundMessage.findMany({
      where: { studentId: child.id, kind: 'SICK_REPORT' },
      select: { guardianId: true, channel: true, recipient: true },
    });
    const expected = [
      { guardianId: child.guardian.id, channel: 'SMS', recipient: child.guardian.phone },
      ...others.map((id) => ({ guardianId: id, channel: 'EMAIL', recipient: `g-${id}@example.org` })),
    ];
    expect(messages).toHaveLength(expected.length);
    expect(messages).toEqual(expect.arrayContaining(expected));

    const events = await server.db.prisma.auditEvent.findMany({ where: { action: 'sickReport.created', entityId: reports[0]?.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ studentId: child.id, entityType: 'SickReport' });
    expect(events[0]?.details).toMatchObject({
      channel: 'PHONE',
      callId: callid,
      caller: child.guardian.phone,
      guardianId: child.guardian.id,
    });
    expect(JSON.stringify(events[0]?.details)).not.toContain(child.digits);
    expect(JSON.stringify(events[0]?.details)).not.toContain(child.digits.slice(2));
  });

  it('confirms a second call the same day without a second report or second confirmations', async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    await server.db.prisma.guardian.update({ where: { id: child.guardian.id }, data: { notifyBySms: true } });
    expectEnd((await call(child.guardian.phone, [child.digits]))[0]!, 'done');
    const [report] = await reportsOf(child.id);
    const messages = await server.db.prisma.outboundMessage.count({ where: { studentId: child.id } });
    expect(messages).toBeGreaterThan(0);

    const [again] = await call(child.guardian.phone, [child.digits]);
    expectEnd(again!, 'done');
    // A provider that leaves the + of the number unencoded (it then reads as a space) is understood too.
    const raw = await send('/voice/46elks/digits?attempt=1', { body: `callid=raw&from=${child.guardian.phone}&result=${child.digits}` });
    expectEnd(raw, 'done');
    expect(await reportsOf(child.id)).toEqual([report]);
    expect(await server.db.prisma.outboundMessage.count({ where: { studentId: child.id } })).toBe(messages);
    expect(await server.db.prisma.auditEvent.count({ where: { action: 'sickReport.created', entityId: report?.id } })).toBe(1);
  });

  it('asks again after a wrong check digit, with a different prompt and the next attempt', async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    const [retry] = await call(child.guardian.phone, [withWrongCheckDigit(child.digits)]);
    const action = ivrOf(retry!);
    expect(action.ivr).toMatch(promptPattern('retry'));
    expect(attemptOf(action.next)).toBe('2');
    expect(await reportsOf(child.id)).toEqual([]);
  });

  it('accepts the right number on the last attempt', async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    const wrong = withWrongCheckDigit(child.digits);
    const answers = await call(child.guardian.phone, [wrong, wrong, child.digits]);
    expect(answers.slice(0, 2).map((a) => attemptOf(ivrOf(a).next))).toEqual(['2', '3']);
    expectEnd(answers[2]!, 'done');
    expect(await reportsOf(child.id)).toHaveLength(1);
  });

  it(`says goodbye and hangs up after ${MAX_ATTEMPTS} bad attempts`, async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    const wrong = withWrongCheckDigit(child.digits);
    const answers = await call(child.guardian.phone, [wrong, '123', wrong]);
    expect(answers.slice(0, 2).map((a) => ivrOf(a).ivr)).toEqual([
      expect.stringMatching(promptPattern('retry')),
      expect.stringMatching(promptPattern('retry')),
    ]);
    expectEnd(answers[2]!, 'goodbye');
    expect(await reportsOf(child.id)).toEqual([]);
    const refusals = await server.db.prisma.auditEvent.findMany({
      where: { action: 'sickReport.phoneRefused' },
      select: { details: true },
    });
    const logged = JSON.stringify(refusals);
    expect(logged).toContain('"gaveUp":true');
    expect(logged).not.toContain(wrong);
  });

  it('takes garbage input as a bad attempt, never as an error', async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    const from = child.guardian.phone;
    const base = { callid: 'garbage', from, to: SCHOOL_NUMBER };
    const entries: Record<string, string>[] = [
      { ...base, result: 'abcdefghijkl' },
      { ...base, result: child.digits.slice(0, 11) },
      { ...base, result: `${child.digits}0` },
      { ...base, result: '9'.repeat(2000) },
      { ...base, result: '' },
      { ...base, result: 'failed' },
      { ...base, result: `${child.digits.slice(0, 8)}-${child.digits.slice(8)}` },
      { ...base, result: '20991301' + '0000' },
      base,
    ];
    for (const entry of entries) {
      const { answer } = startCall(from);
      const next = ivrOf(await answer).next;
      const reply = await follow(next, entry);
      expect(reply.status).toBe(200);
      expect(ivrOf(reply).ivr).toMatch(promptPattern('retry'));
      expect(attemptOf(ivrOf(reply).next)).toBe('2');
      // On the last attempt the same input ends the call.
      expectEnd(await follow(next.replace('attempt=1', `attempt=${MAX_ATTEMPTS}`), entry), 'goodbye');
    }

    const digitsPath = '/voice/46elks/digits?attempt=1';
    // A repeated field, a body that is not a form, an oversized body, a broken encoding.
    const odd = [
      await send(digitsPath, { body: `result=${child.digits}&result=${child.digits}&from=${encodeURIComponent(from)}` }),
      await send(digitsPath, { body: JSON.stringify({ result: child.digits, from }), contentType: 'application/json' }),
      await send(digitsPath, { body: `from=${encodeURIComponent(from)}&result=${'1'.repeat(10_000)}` }),
      await send(digitsPath, { body: 'result=%E0%A4%A', contentType: 'application/x-www-form-urlencoded; charset=koi8-r' }),
    ];
    for (const reply of odd) expect(ivrOf(reply).ivr).toMatch(promptPattern('retry'));
    // An attempt count we did not write counts as the last.
    expectEnd(await send('/voice/46elks/digits?attempt=x', { body: form({ ...base, result: 'x' }) }), 'goodbye');
    expectEnd(await send('/voice/46elks/digits', { body: form({ ...base, result: 'x' }) }), 'goodbye');
    expect(await reportsOf(child.id)).toEqual([]);
  });

  it("reports a child in two organisations' registers to each where the caller is the child's guardian, and only there", async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    const original = await server.db.prisma.student.findUniqueOrThrow({ where: { id: child.id } });
    const grannby = await server.db.prisma.school.findFirstOrThrow({
      where: { organisation: { staff: { some: { account: { username: 'grannby.admin' } } } } },
    });
    const organisationId = grannby.organisationId;
    /** A guardian in Grannby's register, guardian there of the child's record. */
    const guardianThere = async (firstName: string, mobilePhone: string) => {
      const guardian = await server.db.prisma.guardian.create({ data: { organisationId, firstName, lastName: 'Grann', mobilePhone } });
      await server.db.prisma.guardianship.create({ data: { studentId: elsewhere.id, guardianId: guardian.id, organisationId } });
      return guardian;
    };
    // The same personnummer in Grannby's register: first with another guardian, then with the caller's number too.
    const elsewhere = await server.db.prisma.student.create({
      data: {
        personalIdentityNumber: original.personalIdentityNumber,
        firstName: original.firstName,
        lastName: original.lastName,
        birthDate: original.birthDate,
        schoolId: grannby.id,
        organisationId,
      },
    });
    await guardianThere('Annan', '+46701740698');
    expectEnd((await call(child.guardian.phone, [child.digits]))[0]!, 'done');
    expect(await reportsOf(child.id)).toHaveLength(1);
    expect(await reportsOf(elsewhere.id)).toEqual([]);

    const callerThere = await guardianThere('Samma', child.guardian.phone);
    expectEnd((await call(child.guardian.phone, [child.digits]))[0]!, 'done');
    expect(await reportsOf(child.id)).toHaveLength(1);
    expect(await reportsOf(elsewhere.id)).toMatchObject([{ channel: 'PHONE', reportedByGuardianId: callerThere.id }]);
  });

  it('refuses every caller who may not report the child in the same words, whether the child exists or not', async () => {
    const [child, ...rest] = await children();
    // Not a sibling: their guardian must not be one of the child's.
    const other = rest.find((candidate) => !child?.guardianIds.includes(candidate.guardian.id));
    if (!child || !other) throw new Error('the demo school has too few children');
    const nobody = personnummerFor('2014-02-03', 998).replace('-', '');
    expect(await server.db.prisma.student.count({ where: { personalIdentityNumber: `${nobody.slice(0, 8)}-${nobody.slice(8)}` } })).toBe(0);

    // An adult student's guardian without the student's consent.
    const adults = await server.db.prisma.student.findMany({
      select: {
        id: true,
        personalIdentityNumber: true,
        birthDate: true,
        consents: { where: { withdrawnAt: null }, select: { guardianId: true } },
        guardianships: { select: { guardian: { select: { id: true, mobilePhone: true } } } },
      },
    });
    const shared = await sharedPhones();
    const withoutConsent = adults.flatMap((student) => {
      const birthDate = student.birthDate.toISOString().slice(0, 10);
      const facts = {
        id: student.id,
        birthDate,
        schoolId: '',
        groupIds: [],
        guardianIds: student.guardianships.map((g) => g.guardian.id),
        consentingGuardianIds: student.consents.map((c) => c.guardianId),
      };
      return student.guardianships
        .filter(
          ({ guardian }) =>
            guardian.mobilePhone &&
            !shared.has(guardian.mobilePhone) &&
            isAdultOn(birthDate, server.today) &&
            !guardianMaySee(facts, guardian.id, server.today),
        )
        .map(({ guardian }) => ({
          id: student.id,
          digits: student.personalIdentityNumber.replace('-', ''),
          phone: guardian.mobilePhone as string,
        }));
    })[0];
    if (!withoutConsent) throw new Error('the demo school has no adult student without consent');

    const attempts = [
      { who: 'an unknown number', from: UNKNOWN_NUMBER, digits: child.digits },
      { who: "another child's guardian", from: other.guardian.phone, digits: child.digits },
      { who: 'a guardian, for a child that does not exist', from: child.guardian.phone, digits: nobody },
      { who: 'a guardian of an adult child without consent', from: withoutConsent.phone, digits: withoutConsent.digits },
    ];
    const answers: Answer[] = [];
    for (const attempt of attempts) {
      const [answer] = await call(attempt.from, [attempt.digits]);
      expectEnd(answer!, 'refused');
      answers.push(answer!);
    }
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await reportsOf(child.id)).toEqual([]);
    expect(await reportsOf(withoutConsent.id)).toEqual([]);

    const refusals = await server.db.prisma.auditEvent.findMany({
      where: { action: 'sickReport.phoneRefused' },
      select: { details: true },
    });
    const logged = JSON.stringify(refusals);
    for (const attempt of attempts) expect(logged).not.toContain(attempt.digits);
    expect(logged).toContain(`"reason":"NOT_A_GUARDIAN"`);
    expect(logged).toContain(`"birthDate":"${child.digits.slice(0, 4)}-${child.digits.slice(4, 6)}-${child.digits.slice(6, 8)}"`);
  });

  it('refuses a call without a usable caller number', async () => {
    const [child] = await children();
    if (!child) throw new Error('the demo school has no child to report');
    for (const from of ['', 'anonymous', '0701234567']) {
      expectEnd(await startCall(from).answer, 'refused');
    }
    expectEnd(await send('/voice/46elks/call', { body: form({ callid: 'nofrom', to: SCHOOL_NUMBER }) }), 'refused');
    // And at the digits step, should a call get there without one.
    expectEnd(await send('/voice/46elks/digits?attempt=1', { body: form({ callid: 'nofrom', result: child.digits }) }), 'refused');
    expect(await reportsOf(child.id)).toEqual([]);
  });

  it('answers 401 without detail unless the webhook credentials are right', async () => {
    const body = form({ callid: 'auth', from: UNKNOWN_NUMBER, to: SCHOOL_NUMBER, result: '1' });
    const wrong = [
      null,
      basic(USERNAME, `${PASSWORD}x`),
      basic(USERNAME, PASSWORD.slice(0, -1)),
      basic('elk', PASSWORD),
      basic('', ''),
      `Bearer ${PASSWORD}`,
      'Basic',
      'Basic !!!',
      GOOD_AUTH.toLowerCase(),
    ];
    for (const path of ['/voice/46elks/call', '/voice/46elks/digits?attempt=1']) {
      for (const authorization of wrong) {
        const answer = await send(path, { body, authorization });
        expect(answer.status, `${path} with ${authorization}`).toBe(401);
        expect(answer.text).toBe('');
      }
      expect((await send(path, { body })).status).toBe(200);
    }
  });

  it('serves the prompts the call actions name, and nothing else', async () => {
    const { answer } = startCall(UNKNOWN_NUMBER);
    const greeting = new URL(ivrOf(await answer).ivr);
    const fetched = await fetch(`${server.url}${greeting.pathname}${greeting.search}`);
    expect(fetched.status).toBe(200);

    for (const name of PROMPT_NAMES) {
      // No credentials: 46elks fetches sound files with plain GETs.
      const response = await fetch(`${server.url}/voice/46elks/prompts/${name}.wav`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^audio\/(x-)?wav/);
      const wav = Buffer.from(await response.arrayBuffer());
      expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
      expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
      expect(wav.readUInt16LE(20)).toBe(1); // PCM
      expect(wav.readUInt16LE(22)).toBe(1); // mono
      expect([8000, 16000]).toContain(wav.readUInt32LE(24));
      expect(wav.readUInt16LE(34)).toBe(16);
      expect(wav.length).toBeLessThan(300_000);
    }
    for (const path of [
      'secret.wav',
      'greeting.mp3',
      'README.md',
      '..%2F..%2Fpackage.json',
      '%2E%2E%2FREADME.md',
      'greeting',
      'constructor',
      '__proto__',
    ]) {
      const response = await fetch(`${server.url}/voice/46elks/prompts/${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('');
    }
  });
});
