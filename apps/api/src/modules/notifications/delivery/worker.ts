// The delivery worker: in every API process (unless DELIVERY_WORKER=false), it checks due absence
// alerts and sends due messages, then sleeps until its next poll or until a request queues something.
// Any number of processes can run it on one PostgreSQL: claims use FOR UPDATE SKIP LOCKED.
import type { PrismaClient } from '@insyn/db';
import type { NotificationConfig } from '../../../config.ts';
import { processDueAbsenceAlerts } from '../absence-alerts.ts';
import { claimDueMessages, markAttemptFailed, markSent, type ClaimedMessage, type SentMessage } from '../queue.ts';
import { DeliveryError } from './sender.ts';
import type { Senders } from './senders.ts';

const BATCH = 50;
/** How long a claim holds: a send that takes longer (or a process that died) is retried after this. */
const LEASE_MS = 2 * 60_000;

export interface DeliveryWorker {
  /** something was queued: look now rather than at the next poll */
  wake(): void;
  /** finishes the sends in progress, then stops */
  stop(): Promise<void>;
}

export function startDeliveryWorker(deps: {
  prisma: PrismaClient;
  config: NotificationConfig;
  clock: () => Date;
  senders: Senders;
  log: (line: string) => void;
}): DeliveryWorker {
  const { prisma, config, clock, senders, log } = deps;
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      const timer = setTimeout(done, config.pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  // Sends that end in the same turn of the event loop (a burst's do) are marked sent in one statement, not one each.
  let unmarked: SentMessage[] = [];
  let marking: Promise<void> | null = null;
  const markWhenTurnEnds = (sent: SentMessage): Promise<void> => {
    unmarked.push(sent);
    marking ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const batch = unmarked;
      unmarked = [];
      marking = null;
      return markSent(prisma, clock(), batch);
    });
    return marking;
  };

  async function deliver(message: ClaimedMessage): Promise<void> {
    const sender = senders[message.channel];
    let providerMessageId: string | null;
    try {
      ({ providerMessageId } = await sender.send(message));
    } catch (error) {
      const permanent = error instanceof DeliveryError && error.permanent;
      const text = error instanceof Error ? error.message : String(error);
      const outcome = await markAttemptFailed(prisma, message, clock(), { error: text, permanent, provider: sender.provider }, config);
      if (outcome === 'FAILED')
        log(`Message ${message.id} (${message.channel}) failed for good after ${message.attempts} attempt(s): ${text}`);
      return;
    }
    try {
      await markWhenTurnEnds({ id: message.id, provider: sender.provider, providerMessageId });
    } catch (error) {
      // Not a failed send: the provider has it. The claim runs out and it is sent again, the one case of a repeat.
      log(
        `Message ${message.id} (${message.channel}) was sent but not marked sent: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** One round; true when there may be more due work right away. */
  async function round(): Promise<boolean> {
    const alerts = await processDueAbsenceAlerts(prisma, clock(), config);
    const messages = await claimDueMessages(prisma, clock(), BATCH, LEASE_MS);
    await Promise.all(messages.map(deliver));
    return alerts > 0 || messages.length === BATCH;
  }

  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let more = false;
      try {
        more = await round();
      } catch (error) {
        if (!stopped) log(`Delivery worker: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!more) await sleep();
    }
  })();

  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}
