// What the delivery worker needs from a provider. One sender per channel; with no provider
// configured for a channel, its messages go to the outbox that administrators read in the app.

export type ProviderName = 'SMTP' | '46ELKS' | 'OUTBOX';

export interface OutgoingMessage {
  id: string;
  /** stable per message: e-mail uses it in the Message-ID, so a receiver can recognise a repeat */
  idempotencyKey: string;
  channel: 'SMS' | 'EMAIL';
  /** E.164 number or e-mail address */
  recipient: string;
  subject: string | null;
  body: string;
}

export interface MessageSender {
  readonly provider: ProviderName;
  /** resolves when the provider has taken the message; throws DeliveryError otherwise */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }>;
  close(): Promise<void>;
}

/**
 * A provider's refusal. `permanent`: retrying cannot help (an invalid number, a rejected address),
 * so the message fails at once; otherwise (connection refused, timeout, 5xx, 429) it is retried.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
