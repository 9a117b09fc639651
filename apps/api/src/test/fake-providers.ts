// Local stand-ins for the message providers, for tests: an SMTP server and the 46elks SMS API.
// Both keep their port across stop() and start(), so a test can take a provider down and bring it back
// under a sender that was configured once.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { eventually, HANG_GUARD_MS } from './waiting.ts';

/** Until `list` has `count` entries. */
async function waitForCount<T>(what: string, list: readonly T[], count: number, timeoutMs: number): Promise<T[]> {
  await eventually(async () => (list.length >= count ? true : undefined), `${count} ${what} (got ${list.length} so far)`, timeoutMs);
  return [...list];
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// ---------------------------------------------------------------------------------------------------------------
// SMTP

export interface ReceivedMail {
  /** SMTP envelope */
  envelopeFrom: string;
  envelopeTo: string[];
  /** addresses in the From and To headers */
  from: string | undefined;
  to: string[];
  subject: string | undefined;
  /** the decoded body, less the line break that ends every SMTP message */
  text: string | undefined;
  /** with its angle brackets, as in the header */
  messageId: string | undefined;
  /** the Content-Type header, e.g. `text/plain; charset=utf-8` */
  contentType: string | undefined;
  /** the user the client logged in as, when the server asks for AUTH */
  user: string | undefined;
  raw: string;
}

export interface FakeSmtpServerOptions {
  /** default: a free port chosen at the first start */
  port?: number;
  /** require AUTH with these credentials (over plain TCP: this server has no TLS) */
  auth?: { username: string; password: string };
  /** recipients answered 550 at RCPT TO (a permanent refusal) */
  rejectRecipients?: Iterable<string>;
  /** recipients answered 451 at RCPT TO (try again later) */
  deferRecipients?: Iterable<string>;
}

export interface FakeSmtpServer {
  readonly host: string;
  readonly port: number;
  /** smtp://host:port, with the credentials when the server requires AUTH */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** lower-case addresses answered 550 at RCPT TO; change it at any time */
  readonly rejectRecipients: Set<string>;
  /** lower-case addresses answered 451 at RCPT TO; change it at any time */
  readonly deferRecipients: Set<string>;
  /** resolves with all received mails once there are at least `count` */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** stops listening and drops open connections, like a server going down */
  stop(): Promise<void>;
  /** listens again on the same port */
  start(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.map((entry) => entry.address ?? '')).filter((address) => address !== '');
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startFakeSmtpServer(options: FakeSmtpServerOptions = {}): Promise<FakeSmtpServer> {
  const host = '127.0.0.1';
  const received: ReceivedMail[] = [];
  const rejectRecipients = new Set([...(options.rejectRecipients ?? [])].map((address) => address.toLowerCase()));
  const deferRecipients = new Set([...(options.deferRecipients ?? [])].map((address) => address.toLowerCase()));
  const auth = options.auth;
  let port = options.port ?? 0;
  let server: SMTPServer | undefined;

  function createSmtpServer(): SMTPServer {
    return new SMTPServer({
      logger: false,
      // Plain TCP only: no certificate to manage, and the sender must work without STARTTLS too.
      disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !auth,
      allowInsecureAuth: true,
      // stop() should not wait the default 30 s for clients to leave.
      closeTimeout: 500,
      onAuth(credentials, _session, callback) {
        if (auth && sameSecret(credentials.username ?? '', auth.username) && sameSecret(credentials.password ?? '', auth.password)) {
          return callback(null, { user: credentials.username });
        }
        return callback(smtpError(535, 'Authentication failed'));
      },
      onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
        const lower = address.address.toLowerCase();
        if (rejectRecipients.has(lower)) return callback(smtpError(550, `No such user: ${address.address}`));
        if (deferRecipients.has(lower)) return callback(smtpError(451, `Try again later: ${address.address}`));
        return callback();
      },
      onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (mail) => {
              const contentType = mail.headerLines.find((header) => header.key === 'content-type')?.line;
              // Recorded before the 250 reply, so a test can look as soon as the send resolves.
              received.push({
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                from: addresses(mail.from)[0],
                to: addresses(mail.to),
                subject: mail.subject,
                // SMTP ends the data with a line break of its own; without it, the text is the body as sent.
                text: mail.text?.replace(/\n$/, ''),
                messageId: mail.messageId,
                contentType: contentType?.replace(/^content-type:\s*/i, '').replace(/\s+/g, ' '),
                user: typeof session.user === 'string' ? session.user : undefined,
                raw: raw.toString('utf8'),
              });
              callback(null, `Ok: queued as ${randomBytes(6).toString('hex')}`);
            },
            (error: unknown) => callback(smtpError(554, `Cannot parse the message: ${String(error)}`)),
          );
        });
      },
    });
  }

  async function start(): Promise<void> {
    if (server) return;
    const next = createSmtpServer();
    await new Promise<void>((resolve, reject) => {
      next.server.once('error', reject);
      next.listen(port, host, () => {
        next.server.off('error', reject);
        resolve();
      });
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  }

  async function stop(): Promise<void> {
    const current = server;
    if (!current) return;
    server = undefined;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    // Drop the sessions at once (close() alone would let them finish), like a crash or a restart.
    for (const connection of current.connections) connection.close();
    await closed;
  }

  await start();
  return {
    host,
    get port() {
      return port;
    },
    get url() {
      const credentials = auth ? `${encodeURIComponent(auth.username)}:${encodeURIComponent(auth.password)}@` : '';
      return `smtp://${credentials}${host}:${port}`;
    },
    received,
    rejectRecipients,
    deferRecipients,
    waitFor: (count, timeoutMs = HANG_GUARD_MS) => waitForCount('mails', received, count, timeoutMs),
    stop,
    start,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 46elks

export interface ReceivedSms {
  id: string;
  from: string;
  to: string;
  message: string;
  /** the Basic auth user name the request came with */
  username: string;
}

export interface Fake46elksOptions {
  /** default: a free port chosen at the first start */
  port?: number;
  username?: string;
  password?: string;
}

export interface Fake46elks {
  readonly port: number;
  /** what ELKS_API_URL would be: http://127.0.0.1:PORT/a1 */
  readonly apiUrl: string;
  readonly username: string;
  readonly password: string;
  /** the messages the API accepted (HTTP 200) */
  readonly received: ReceivedSms[];
  /** every POST to the SMS endpoint, accepted or not, e.g. to see that a sender retried */
  readonly attempts: number;
  /** while true, every request is answered 503 Service Unavailable */
  unavailable: boolean;
  /** resolves with all accepted messages once there are at least `count` */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedSms[]>;
  /** stops listening and drops open connections */
  stop(): Promise<void>;
  /** listens again on the same port */
  start(): Promise<void>;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const TEXT_SENDER = /^[A-Za-z][A-Za-z0-9]{2,10}$/;
const MAX_BODY = 64 * 1024;

export async function startFake46elks(options: Fake46elksOptions = {}): Promise<Fake46elks> {
  const host = '127.0.0.1';
  const username = options.username ?? 'u0123456789abcdef0123456789abcdef';
  const password = options.password ?? 'FAKE46ELKSPASSWORD0123456789ABCD';
  const received: ReceivedSms[] = [];
  let attempts = 0;
  let port = options.port ?? 0;
  let server: Server | undefined;
  const state = { unavailable: false };

  function answer(response: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  }

  function credentials(request: IncomingMessage): { user: string; pass: string } | undefined {
    const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
  }

  async function readBody(request: IncomingMessage): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return undefined;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.toLowerCase();
    if (path !== '/a1/sms' && path !== '/sms') return answer(response, 404, 'Not found');
    if (request.method !== 'POST') return answer(response, 405, 'Method not allowed');
    attempts += 1;
    const body = await readBody(request);
    if (state.unavailable) return answer(response, 503, 'Service temporarily unavailable');
    const given = credentials(request);
    if (!given || !sameSecret(given.user, username) || !sameSecret(given.pass, password)) {
      response.setHeader('www-authenticate', 'Basic realm="46elks API"');
      return answer(response, 401, 'Unauthorized');
    }
    if (body === undefined) return answer(response, 413, 'Request too large');
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) {
      return answer(response, 400, 'Expected application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(body);
    const from = form.get('from') ?? '';
    const to = form.get('to') ?? '';
    const message = form.get('message') ?? '';
    if (!form.has('from')) return answer(response, 400, 'Missing key from');
    if (!form.has('to')) return answer(response, 400, 'Missing key to');
    if (!form.has('message')) return answer(response, 400, 'Missing key message');
    if (!E164.test(from) && !TEXT_SENDER.test(from))
      return answer(response, 400, 'Invalid from: an E.164 number or 3-11 letters and digits');
    if (!E164.test(to)) return answer(response, 400, 'Invalid to: must be an E.164 number, e.g. +46700000000');
    if (message.trim() === '') return answer(response, 400, 'Invalid message: must not be empty');
    const sms: ReceivedSms = { id: `s${randomBytes(16).toString('hex')}`, from, to, message, username: given.user };
    received.push(sms);
    const created = new Date().toISOString().replace('Z', '000');
    const reply = { status: 'created', direction: 'outgoing', from, to, message, created, parts: 1, cost: 3500, id: sms.id };
    return answer(response, 200, JSON.stringify(reply), 'application/json');
  }

  async function start(): Promise<void> {
    if (server) return;
    const next = createServer((request, response) => {
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) answer(response, 500, `Internal error: ${String(error)}`);
        else response.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, host, () => {
        next.off('error', reject);
        resolve();
      });
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  }

  async function stop(): Promise<void> {
    const current = server;
    if (!current) return;
    server = undefined;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    // Keep-alive connections would otherwise hold close() open and keep answering.
    current.closeAllConnections();
    await closed;
  }

  await start();
  return {
    get port() {
      return port;
    },
    get apiUrl() {
      return `http://${host}:${port}/a1`;
    },
    username,
    password,
    received,
    get attempts() {
      return attempts;
    },
    get unavailable() {
      return state.unavailable;
    },
    set unavailable(value: boolean) {
      state.unavailable = value;
    },
    waitFor: (count, timeoutMs = HANG_GUARD_MS) => waitForCount('SMS', received, count, timeoutMs),
    stop,
    start,
  };
}

/** A test server's settings for delivering through these fakes: quick polling, and links to a public address. */
export const deliveryEnv = (smtp: FakeSmtpServer, elks: Fake46elks): NodeJS.ProcessEnv => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: 'Insyn <noreply@skolan.se>',
  ELKS_API_URL: elks.apiUrl,
  ELKS_API_USERNAME: elks.username,
  ELKS_API_PASSWORD: elks.password,
  DELIVERY_POLL_MS: '50',
  PUBLIC_URL: 'https://insyn.kommun.se',
});
