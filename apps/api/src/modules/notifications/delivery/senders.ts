// One sender per channel, chosen from the configuration: the provider when one is configured, else the outbox.
import type { NotificationConfig } from '../../../config.ts';
import { ElksSmsSender } from './elks-sms-sender.ts';
import { OutboxSender } from './outbox-sender.ts';
import type { MessageSender, OutgoingMessage } from './sender.ts';
import { SmtpSender } from './smtp-sender.ts';

export interface Senders extends Record<OutgoingMessage['channel'], MessageSender> {
  /** closes every sender, even when one of them fails to; then reports the first failure */
  close(): Promise<void>;
}

export function createSenders(config: Pick<NotificationConfig, 'smtp' | 'sms'>): Senders {
  const EMAIL: MessageSender = config.smtp ? new SmtpSender(config.smtp) : new OutboxSender();
  const SMS: MessageSender = config.sms ? new ElksSmsSender(config.sms) : new OutboxSender();
  return { EMAIL, SMS, close: () => closeSenders({ EMAIL, SMS }) };
}

/** Closes every sender, even when one of them fails to; then reports the first failure. */
export async function closeSenders(senders: Record<OutgoingMessage['channel'], MessageSender>): Promise<void> {
  const results = await Promise.allSettled([senders.EMAIL.close(), senders.SMS.close()]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}
