// SMS over the 46elks HTTP API: POST {apiUrl}/sms, HTTP Basic auth, a form-encoded body (from, to, message);
// the answer is JSON with the message's id and status.
import { DeliveryError, type MessageSender, type OutgoingMessage } from './sender.ts';

export interface ElksSmsSenderOptions {
  /** the whole request, reading the answer included */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** How much of an error answer goes into the message's error text. */
const MAX_ERROR_TEXT = 200;

export class ElksSmsSender implements MessageSender {
  readonly provider = '46ELKS';
  private readonly endpoint: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: { apiUrl: string; username: string; password: string; from: string },
    options: ElksSmsSenderOptions = {},
  ) {
    this.endpoint = `${config.apiUrl.replace(/\/+$/, '')}/sms`;
    this.authorization = `Basic ${Buffer.from(`${config.username}:${config.password}`, 'utf8').toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { authorization: this.authorization, accept: 'application/json' },
        // URLSearchParams: application/x-www-form-urlencoded in UTF-8, so å, ä and ö arrive as written.
        // dontlog: 46elks keeps no copy of the text, which names a child and their absence.
        body: new URLSearchParams({ from: this.config.from, to: message.recipient, message: message.body, dontlog: 'message' }),
        signal,
        // A redirect means a wrong ELKS_API_URL; following it could resend the credentials elsewhere.
        redirect: 'error',
      });
    } catch (error) {
      // Refused, reset, DNS, timeout: 46elks may not have seen the request, so it is retried. (46elks has no
      // idempotency key: a request that did arrive before the timeout can make a second SMS on retry.)
      throw new DeliveryError(`46elks unreachable: ${describe(error)}`, false);
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // 46elks has taken the message once it answered 2xx; a retry would send a second SMS.
      if (response.ok) return { providerMessageId: null };
      throw new DeliveryError(`46elks answered HTTP ${response.status}, then the connection failed: ${describe(error)}`, false);
    }

    if (response.ok) {
      const answer = parseJson(text);
      if (answer?.status === 'failed') {
        throw new DeliveryError(`46elks could not send the SMS (status failed${answer.id ? `, id ${answer.id}` : ''})`, true);
      }
      // An unreadable 2xx answer still means the message was taken; sending it again would duplicate it.
      return { providerMessageId: answer?.id ?? null };
    }
    throw elksError(response.status, text);
  }

  async close(): Promise<void> {
    // fetch's connections belong to the process-wide pool; nothing of our own to close.
  }
}

/**
 * Which refusals are worth retrying.
 * - 5xx, 429 (too many requests) and 408 (request timeout): 46elks is busy or down; it passes.
 * - 401 (wrong credentials), 402/403 (account without credit or blocked) and 404 (a wrong ELKS_API_URL): not this
 *   message's fault, and retrying alone cannot fix them, but an administrator can (new credentials, more credit, a
 *   restart with the right URL). Failing every message at once would drop every absence notice sent until then;
 *   retrying keeps them for the worker's attempts (up to about 20 minutes with the default backoff), so a quick fix
 *   still delivers them, and after that they fail anyway.
 * - any other 4xx (400: an invalid number, an empty message): this message can never be sent.
 */
function elksError(status: number, body: string): DeliveryError {
  const detail = errorText(body);
  const suffix = detail ? `: ${detail}` : '';
  if (status >= 500 || status === 429 || status === 408) {
    return new DeliveryError(`46elks is unavailable (HTTP ${status})${suffix}`, false);
  }
  if (status === 401) {
    return new DeliveryError(
      `46elks refused the API credentials (HTTP 401); check ELKS_API_USERNAME and ELKS_API_PASSWORD${suffix}`,
      false,
    );
  }
  if (status === 402 || status === 403) {
    return new DeliveryError(`46elks refused the account (HTTP ${status}), e.g. no credit left${suffix}`, false);
  }
  if (status === 404) {
    return new DeliveryError(`46elks has no SMS endpoint at this address (HTTP 404); check ELKS_API_URL${suffix}`, false);
  }
  return new DeliveryError(`46elks refused the SMS (HTTP ${status})${suffix}`, true);
}

interface ElksAnswer {
  id?: string;
  status?: string;
}

function parseJson(text: string): ElksAnswer | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    return {
      id: typeof record.id === 'string' ? record.id : undefined,
      status: typeof record.status === 'string' ? record.status : undefined,
    };
  } catch {
    return undefined;
  }
}

/** 46elks explains a refusal in a short text; a JSON body with a message is read too. */
function errorText(body: string): string {
  let text = body;
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const message = record.message ?? record.error ?? record.detail;
      if (typeof message === 'string') text = message;
    }
  } catch {
    // plain text, as it is
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no answer in time';
  // fetch reports "fetch failed" and puts the reason (ECONNREFUSED, …) in `cause`.
  const cause = error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : '';
  return `${error.message}${cause}`;
}
