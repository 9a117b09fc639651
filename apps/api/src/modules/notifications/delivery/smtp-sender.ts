// E-mail over SMTP (nodemailer's pooled transport): one sender per process, shared by all sends.
import { createHash } from 'node:crypto';
import nodemailer, { type NodemailerError, type SMTPPoolOptions, type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import { DeliveryError, type MessageSender, type OutgoingMessage } from './sender.ts';

export interface SmtpSenderOptions {
  /** to open the TCP (or TLS) connection */
  connectionTimeoutMs?: number;
  /** from connecting to the server's 220 greeting */
  greetingTimeoutMs?: number;
  /** the longest silence within a session, e.g. while the server scans a message after DATA */
  socketTimeoutMs?: number;
  /** the whole send, waiting in the pool's queue included; keep it below the worker's claim lease */
  sendTimeoutMs?: number;
  maxConnections?: number;
}

const DEFAULTS: Required<SmtpSenderOptions> = {
  // A dead or silent server must fail within seconds: the worker retries with backoff, a hang would hold its batch.
  connectionTimeoutMs: 5_000,
  greetingTimeoutMs: 5_000,
  socketTimeoutMs: 30_000,
  sendTimeoutMs: 60_000,
  maxConnections: 3,
};

/** Message-ID from the idempotency key: a repeated send (after a lost reply) carries the same id, so receivers can drop the copy. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex');
  // The right-hand side should be a domain the sender controls (spam filters look at it); the sender address has one.
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'insyn.invalid';
  return `<${hash}@${domain}>`;
}

export class SmtpSender implements MessageSender {
  readonly provider = 'SMTP';
  private readonly transport: Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;
  private readonly sendTimeoutMs: number;

  constructor(
    private readonly config: { url: string; from: string },
    options: SmtpSenderOptions = {},
  ) {
    const settings = { ...DEFAULTS, ...options };
    this.sendTimeoutMs = settings.sendTimeoutMs;
    this.transport = nodemailer.createTransport(
      {
        pool: true,
        url: config.url,
        maxConnections: settings.maxConnections,
        // Close idle connections before the socket timeout would end them with an error.
        idleTimeout: Math.min(15_000, settings.socketTimeoutMs),
        // One quick retry on a fresh connection covers a pooled connection the server dropped while idle;
        // anything longer is the worker's job, with its backoff and attempt count.
        maxRequeues: 1,
        connectionTimeout: settings.connectionTimeoutMs,
        greetingTimeout: settings.greetingTimeoutMs,
        socketTimeout: settings.socketTimeoutMs,
        // Bodies are plain text from our templates; nothing may make the mailer read files or fetch URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      },
      { from: config.from },
    );
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    try {
      const info = await this.transport.sendMail({
        to: message.recipient,
        subject: message.subject ?? undefined,
        text: message.body,
        messageId: messageIdFor(message.idempotencyKey, this.config.from),
        // RFC 3834: an automatic message; out-of-office replies and the like should not answer it.
        headers: { 'Auto-Submitted': 'auto-generated' },
        signal: AbortSignal.timeout(this.sendTimeoutMs),
      });
      // Some providers (Microsoft 365, SES) replace the Message-ID; theirs is the one to look a mail up by.
      return { providerMessageId: info.serverMessageId ?? info.messageId };
    } catch (error) {
      throw smtpDeliveryError(error);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** Commands whose 5xx reply refuses this message (its recipient or its content), not the school's setup. */
const MESSAGE_COMMANDS = /^(RCPT|DATA|BDAT|\.)/i;

export function smtpDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const err: NodemailerError = error instanceof Error ? error : new Error(String(error));
  const { code, responseCode, command } = err;
  const reply = err.response ?? err.message;
  if (typeof responseCode === 'number') {
    const text = `SMTP ${command ?? 'reply'}: ${reply}`;
    const permanentReply = err.permanent ?? (responseCode >= 500 && responseCode !== 503);
    // A 5xx to AUTH or MAIL FROM (wrong credentials, a sender address the server does not accept) is the school's
    // configuration: an administrator fixes it, and the messages waiting should go out then, so they are retried.
    return new DeliveryError(text, permanentReply && MESSAGE_COMMANDS.test(command ?? ''));
  }
  // No reply from the server: an envelope nodemailer itself refuses (no valid recipient) cannot succeed later;
  // everything else (refused, timed out, TLS, DNS, aborted, configuration) may.
  return new DeliveryError(`SMTP ${code ?? 'error'}: ${err.message}`, code === 'EENVELOPE');
}
