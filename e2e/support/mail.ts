import type { APIRequestContext } from '@playwright/test';
import { expect } from './test';

// The functional server's e-mail, as the mail stand-in received it (scripts/e2e-servers.mjs, mail:<port>; its address
// is the `mailUrl` option, playwright.config.ts).

export interface ReceivedMail {
  /** the envelope's recipients */
  to: string[];
  from?: string;
  subject?: string;
  text?: string;
}

/** Every mail the stand-in has received for `address` (in any case), oldest first. */
export async function mailsTo(request: APIRequestContext, mailUrl: string, address: string): Promise<ReceivedMail[]> {
  const response = await request.get(`${mailUrl}/mails?to=${encodeURIComponent(address)}`);
  if (!response.ok())
    throw new Error(`The mail stand-in at ${mailUrl} answered ${response.status()}: are the E2E servers started with mail:<port>?`);
  return (await response.json()) as ReceivedMail[];
}

/** Waits until `address` has received `count` mails, and answers the last of them. */
export async function waitForMail(request: APIRequestContext, mailUrl: string, address: string, count = 1): Promise<ReceivedMail> {
  let mails: ReceivedMail[] = [];
  // The mail leaves after the API's answer, on its own time: waited for, with room for a loaded machine.
  await expect
    .poll(async () => (mails = await mailsTo(request, mailUrl, address)).length, { message: `mail to ${address}`, timeout: 30_000 })
    .toBeGreaterThanOrEqual(count);
  const mail = mails[count - 1];
  if (!mail) throw new Error(`no mail ${count} to ${address}`);
  return mail;
}
