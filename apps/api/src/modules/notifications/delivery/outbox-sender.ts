// With no provider configured for a channel, a message is "delivered" to the outbox: the stored row is what
// administrators read in the app, so there is nothing to send.
import type { MessageSender, OutgoingMessage } from './sender.ts';

export class OutboxSender implements MessageSender {
  readonly provider = 'OUTBOX';

  async send(_message: OutgoingMessage): Promise<{ providerMessageId: string | null }> {
    return { providerMessageId: null };
  }

  async close(): Promise<void> {}
}
