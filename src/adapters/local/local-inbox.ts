// The outbound port for the local web chat: check-ins, reminders and summaries sent to a local user
// wait here until the page of that user polls `GET /api/inbox`.
//
// In memory by design: the local chat is the development default, and nothing it shows outlives the
// process. That makes this inbox the whole truth about local deliveries: after a restart it is empty,
// and `confirm` rightly answers that an earlier send did not arrive.
import type { Reply } from '../../conversation/reply.ts';
import type { ConfirmResult, Messenger, OutboundAddress, SendOptions, SendResult } from '../../messaging/messenger.ts';

export interface InboxMessage {
  /** Increases with every message of this inbox; the page reads on from the last one it has seen. */
  seq: number;
  /** When the message arrived (ISO 8601). */
  at: string;
  replies: Reply[];
}

export interface InboxPage {
  /** The user's stored messages with a seq above `after`, oldest first. */
  messages: InboxMessage[];
  /** What to pass as `after` next time. */
  next: number;
}

export interface LocalInbox {
  messenger: Messenger;
  read(userId: string, after: number): InboxPage;
}

export interface LocalInboxOptions {
  /** Messages kept per user; beyond it the oldest are dropped. Default 50. */
  perUserCapacity?: number;
  now?: () => Date;
}

export const DEFAULT_INBOX_CAPACITY = 50;

interface StoredMessage extends InboxMessage {
  deliveryKey: string | null;
}

interface UserInbox {
  messages: StoredMessage[];
  /** When the newest message dropped for capacity had arrived: a key not found since then is not known to be missing. */
  droppedUpTo: Date | null;
}

export function createLocalInbox(options: LocalInboxOptions = {}): LocalInbox {
  const capacity = options.perUserCapacity ?? DEFAULT_INBOX_CAPACITY;
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new Error(`perUserCapacity must be a positive integer, got ${capacity}`);
  }
  const now = options.now ?? (() => new Date());
  const inboxes = new Map<string, UserInbox>();
  // Seqs start at the creation time in ms, not at 1: a page left open across a server restart has
  // seen seqs below every new one, so it keeps reading instead of waiting for the old numbers.
  let lastSeq = now().getTime();

  function inboxOf(userId: string): UserInbox {
    let inbox = inboxes.get(userId);
    if (!inbox) {
      inbox = { messages: [], droppedUpTo: null };
      inboxes.set(userId, inbox);
    }
    return inbox;
  }

  const messenger: Messenger = {
    platform: 'local',
    async send(to: OutboundAddress, replies: Reply[], sendOptions?: SendOptions): Promise<SendResult> {
      if (to.platform !== 'local') {
        return { ok: false, reason: 'failed', retryable: false, detail: `not a local address: ${to.platform}` };
      }
      lastSeq += 1;
      const inbox = inboxOf(to.userId);
      // A copy: the caller's objects may change after the send, a delivered message does not.
      inbox.messages.push({
        seq: lastSeq,
        at: now().toISOString(),
        replies: structuredClone(replies),
        deliveryKey: sendOptions?.deliveryKey ?? null,
      });
      while (inbox.messages.length > capacity) {
        const dropped = inbox.messages.shift();
        if (dropped) inbox.droppedUpTo = new Date(dropped.at);
      }
      return { ok: true, messageId: String(lastSeq) };
    },
    async confirm(to: OutboundAddress, deliveryKey: string, since: Date): Promise<ConfirmResult> {
      if (to.platform !== 'local') return 'unknown';
      const inbox = inboxes.get(to.userId);
      if (!inbox) return 'not-delivered';
      const found = inbox.messages.some((m) => m.deliveryKey === deliveryKey && new Date(m.at) >= since);
      if (found) return 'delivered';
      // It may have arrived and been dropped for capacity since then: saying "not delivered" would send it twice.
      if (inbox.droppedUpTo && inbox.droppedUpTo >= since) return 'unknown';
      return 'not-delivered';
    },
  };

  function read(userId: string, after: number): InboxPage {
    const stored = inboxes.get(userId)?.messages ?? [];
    const messages = stored
      .filter((m) => m.seq > after)
      .map(({ seq, at, replies }): InboxMessage => ({ seq, at, replies }));
    return { messages, next: messages.at(-1)?.seq ?? after };
  }

  return { messenger, read };
}
