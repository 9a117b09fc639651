// The providers against local fakes: real SMTP sessions and real HTTP requests, including outages.
import { createHash, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import type { NodemailerError } from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFake46elks, startFakeSmtpServer, type Fake46elks, type FakeSmtpServer } from '../../../test/fake-providers.ts';
import { ElksSmsSender } from './elks-sms-sender.ts';
import { OutboxSender } from './outbox-sender.ts';
import { DeliveryError, type OutgoingMessage } from './sender.ts';
import { closeSenders, createSenders } from './senders.ts';
import { SmtpSender, smtpDeliveryError } from './smtp-sender.ts';

const FROM = 'Insyn Solskolan <noreply@solskolan.se>';
const SUBJECT = 'Frånvaro: Åsa Öberg, måndag';
const BODY = 'Hej!\nÅsa Öberg är frånvarande på lektionen i svenska (08:15–09:00). Ärendet gäller er vårdnadshavare.\n— Solskolan';

function email(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: randomUUID(),
    idempotencyKey: `absence:${randomUUID()}`,
    channel: 'EMAIL',
    recipient: 'vardnadshavare@example.se',
    subject: SUBJECT,
    body: BODY,
    ...overrides,
  };
}

function sms(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: randomUUID(),
    idempotencyKey: `absence:${randomUUID()}`,
    channel: 'SMS',
    recipient: '+46701234567',
    subject: null,
    body: 'Åsa Öberg är frånvarande på lektionen i svenska 08:15. Mvh Solskolan',
    ...overrides,
  };
}

/** The DeliveryError a send rejects with (fails the test if it resolves or throws anything else). */
async function deliveryError(promise: Promise<unknown>): Promise<DeliveryError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('SmtpSender', () => {
  let fake: FakeSmtpServer;
  let sender: SmtpSender;

  beforeAll(async () => {
    fake = await startFakeSmtpServer({ rejectRecipients: ['ingen@example.se'], deferRecipients: ['full@example.se'] });
    sender = new SmtpSender({ url: fake.url, from: FROM });
  });
  afterAll(async () => {
    await sender.close();
    await fake.stop();
  });
  afterEach(() => {
    fake.received.length = 0;
  });

  it('delivers a plain-text mail with subject and body intact in UTF-8, its Message-ID from the key', async () => {
    const message = email();
    const result = await sender.send(message);

    const [mail] = await fake.waitFor(1);
    expect(mail).toMatchObject({
      envelopeFrom: 'noreply@solskolan.se',
      envelopeTo: ['vardnadshavare@example.se'],
      from: 'noreply@solskolan.se',
      to: ['vardnadshavare@example.se'],
      subject: SUBJECT,
      text: BODY,
      messageId: `<${sha256(message.idempotencyKey)}@solskolan.se>`,
    });
    expect(mail?.contentType).toMatch(/^text\/plain; charset=utf-8$/i);
    expect(mail?.raw).toMatch(/^Auto-Submitted: auto-generated\r$/m);
    expect(result.providerMessageId).toBe(mail?.messageId);
  });

  it('gives a repeated send of one message the same Message-ID, and another message another', async () => {
    const message = email();
    await sender.send(message);
    await sender.send({ ...message, id: randomUUID() });
    await sender.send(email());

    const mails = await fake.waitFor(3);
    expect(mails[1]?.messageId).toBe(mails[0]?.messageId);
    expect(mails[2]?.messageId).not.toBe(mails[0]?.messageId);
  });

  it('fails permanently when the server refuses the recipient (550)', async () => {
    const error = await deliveryError(sender.send(email({ recipient: 'ingen@example.se' })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('550');
    expect(fake.received).toHaveLength(0);
  });

  it('fails transiently when the server defers the recipient (451)', async () => {
    const error = await deliveryError(sender.send(email({ recipient: 'full@example.se' })));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('451');
  });

  it('fails permanently for an address that is no address at all', async () => {
    const error = await deliveryError(sender.send(email({ recipient: 'inte en adress' })));
    expect(error.permanent).toBe(true);
  });

  it('fails transiently while the server is down, and the same sender delivers once it is back', async () => {
    await sender.send(email());
    await fake.waitFor(1);

    await fake.stop();
    try {
      const error = await deliveryError(sender.send(email()));
      expect(error.permanent).toBe(false);
      expect(error.message).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    } finally {
      await fake.start();
    }

    const message = email();
    await sender.send(message);
    const mails = await fake.waitFor(2);
    expect(mails[1]?.messageId).toBe(`<${sha256(message.idempotencyKey)}@solskolan.se>`);
  });
});

describe('SmtpSender with authentication', () => {
  let fake: FakeSmtpServer;

  beforeAll(async () => {
    fake = await startFakeSmtpServer({ auth: { username: 'insyn', password: 'hemligt lösen' } });
  });
  afterAll(() => fake.stop());

  it('logs in with the user and password from the URL', async () => {
    const sender = new SmtpSender({ url: fake.url, from: FROM });
    try {
      await sender.send(email());
    } finally {
      await sender.close();
    }
    const [mail] = await fake.waitFor(1);
    expect(mail?.user).toBe('insyn');
  });

  it('retries on a wrong password: an administrator fixes the configuration, the message is not at fault', async () => {
    const url = new URL(fake.url);
    url.password = 'fel';
    const sender = new SmtpSender({ url: url.toString(), from: FROM });
    try {
      const error = await deliveryError(sender.send(email()));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('535');
    } finally {
      await sender.close();
    }
  });
});

describe('SmtpSender against a server that accepts connections but never greets', () => {
  let silent: TcpServer;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    silent = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('gives up after the greeting timeout with a transient error instead of hanging', { timeout: 15_000 }, async () => {
    const { port } = silent.address() as AddressInfo;
    const sender = new SmtpSender({ url: `smtp://127.0.0.1:${port}`, from: FROM }, { greetingTimeoutMs: 300 });
    try {
      const error = await deliveryError(sender.send(email()));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('ETIMEDOUT');
    } finally {
      await sender.close();
    }
  });
});

describe('smtpDeliveryError', () => {
  function smtpFailure(fields: Partial<NodemailerError>): NodemailerError {
    return Object.assign(new Error(fields.response ?? 'failure'), fields);
  }

  it('retries a 5xx to MAIL FROM (the configured sender address) but not one to the message data', () => {
    const sender = smtpDeliveryError(
      smtpFailure({ code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM', response: '553 Sender not allowed' }),
    );
    expect(sender.permanent).toBe(false);
    const data = smtpDeliveryError(smtpFailure({ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 Rejected as spam' }));
    expect(data.permanent).toBe(true);
  });

  it('retries 503 (bad sequence: a session problem, not a refusal of the message)', () => {
    const error = smtpDeliveryError(
      smtpFailure({ code: 'EENVELOPE', responseCode: 503, command: 'RCPT TO', response: '503 Bad sequence' }),
    );
    expect(error.permanent).toBe(false);
  });
});

describe('ElksSmsSender', () => {
  let fake: Fake46elks;
  let sender: ElksSmsSender;
  const config = () => ({ apiUrl: fake.apiUrl, username: fake.username, password: fake.password, from: 'Solskolan' });

  beforeAll(async () => {
    fake = await startFake46elks();
    sender = new ElksSmsSender(config());
  });
  afterAll(async () => {
    await sender.close();
    await fake.stop();
  });
  afterEach(() => {
    fake.received.length = 0;
    fake.unavailable = false;
  });

  it('sends the SMS with the configured sender, the recipient and the text intact, and keeps 46elks’ id', async () => {
    const message = sms();
    const result = await sender.send(message);

    const [received] = await fake.waitFor(1);
    expect(received).toMatchObject({ from: 'Solskolan', to: '+46701234567', message: message.body, username: fake.username });
    expect(result.providerMessageId).toBe(received?.id);
  });

  it('fails transiently while 46elks answers 503, and delivers once it recovers', async () => {
    fake.unavailable = true;
    const before = fake.attempts;
    const error = await deliveryError(sender.send(sms()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('503');
    expect(fake.attempts).toBe(before + 1);
    expect(fake.received).toHaveLength(0);

    fake.unavailable = false;
    await sender.send(sms());
    await fake.waitFor(1);
  });

  it('fails permanently for a number 46elks refuses (400)', async () => {
    const error = await deliveryError(sender.send(sms({ recipient: '0701234567' })));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('400');
    expect(error.message).toContain('Invalid to');
  });

  it('fails permanently for an empty message (400)', async () => {
    const error = await deliveryError(sender.send(sms({ body: '' })));
    expect(error.permanent).toBe(true);
  });

  it('retries on wrong credentials (401): an administrator fixes the configuration, the message is not at fault', async () => {
    const wrong = new ElksSmsSender({ ...config(), password: 'fel' });
    const error = await deliveryError(wrong.send(sms()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('401');
    expect(error.message).toContain('ELKS_API_PASSWORD');
    expect(fake.received).toHaveLength(0);
  });

  it('fails transiently while 46elks is unreachable, and the same sender delivers once it is back', async () => {
    await fake.stop();
    try {
      const error = await deliveryError(sender.send(sms()));
      expect(error.permanent).toBe(false);
      expect(error.message).toContain('unreachable');
    } finally {
      await fake.start();
    }
    await sender.send(sms());
    await fake.waitFor(1);
  });
});

describe('ElksSmsSender against a server that never answers', () => {
  let silent: HttpServer;

  beforeAll(async () => {
    silent = createHttpServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('gives up after its timeout with a transient error instead of hanging', { timeout: 15_000 }, async () => {
    const { port } = silent.address() as AddressInfo;
    const sender = new ElksSmsSender(
      { apiUrl: `http://127.0.0.1:${port}/a1`, username: 'u', password: 'p', from: 'Solskolan' },
      { timeoutMs: 300 },
    );
    const error = await deliveryError(sender.send(sms()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('no answer in time');
  });
});

describe('createSenders', () => {
  it('sends to the outbox on a channel without a provider', async () => {
    const senders = createSenders({ smtp: undefined, sms: undefined });
    expect(senders.EMAIL.provider).toBe('OUTBOX');
    expect(senders.SMS.provider).toBe('OUTBOX');
    await expect(senders.EMAIL.send(email())).resolves.toEqual({ providerMessageId: null });
    await expect(senders.SMS.send(sms())).resolves.toEqual({ providerMessageId: null });
    await senders.close();
  });

  it('chooses SMTP and 46elks when they are configured, and they deliver', async () => {
    const smtp = await startFakeSmtpServer();
    const elks = await startFake46elks();
    const senders = createSenders({
      smtp: { url: smtp.url, from: FROM },
      sms: { apiUrl: elks.apiUrl, username: elks.username, password: elks.password, from: 'Solskolan' },
    });
    try {
      expect(senders.EMAIL.provider).toBe('SMTP');
      expect(senders.SMS.provider).toBe('46ELKS');
      await senders.EMAIL.send(email());
      await senders.SMS.send(sms());
      await smtp.waitFor(1);
      await elks.waitFor(1);
    } finally {
      await closeSenders(senders);
      await smtp.stop();
      await elks.stop();
    }
  });

  it('closes every sender even when one of them fails to close', async () => {
    const closed: string[] = [];
    const failing = {
      provider: 'SMTP' as const,
      send: () => Promise.reject(new Error('unused')),
      close: () => Promise.reject(new Error('stuck')),
    };
    const working = {
      provider: '46ELKS' as const,
      send: () => Promise.reject(new Error('unused')),
      close: async () => void closed.push('SMS'),
    };
    await expect(closeSenders({ EMAIL: failing, SMS: working })).rejects.toThrow('stuck');
    expect(closed).toEqual(['SMS']);
  });

  it('OutboxSender takes any message without a provider id', async () => {
    const outbox = new OutboxSender();
    expect(outbox.provider).toBe('OUTBOX');
    await expect(outbox.send(email({ recipient: 'inte en adress' }))).resolves.toEqual({ providerMessageId: null });
  });
});
