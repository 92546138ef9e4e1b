// What every delivery step shares: the context (database, messengers, limiter, lease owner), the
// clock discipline of the pass (real time may sleep; a fixed-instant pass never does) and the tally.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Platform } from '../conversation/incoming.ts';
import type { Reply } from '../conversation/reply.ts';
import type { Messenger, OutboundAddress, SendResult } from '../messaging/messenger.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { Claimed } from './claims.ts';
import type { DeliveryKind } from './delivery-kinds.ts';
import type { ChannelSpacing } from './channel-spacing.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { SchedulerOptions } from './scheduler-options.ts';
import { type CheckinComposer, deliveryKey, type SummaryComposer } from './scheduled-messages.ts';

export interface DeliveryContext {
  db: Kysely<DatabaseSchema>;
  checkins: CheckinComposer;
  options: SchedulerOptions;
  messengers: ReadonlyMap<Platform, Messenger>;
  limiter: RateLimiter;
  /** When each channel may next be posted to (this process). */
  channels: ChannelSpacing;
  summaries: SummaryComposer;
  logger: Logger;
  /** This instance's lease owner id. */
  owner: string;
}

/** Real time (sleep allowed) or one deterministic pass at a fixed instant (no sleep). */
export interface Timing {
  now(): Date;
  sleep?: (ms: number) => Promise<void>;
  stopping(): boolean;
}

export interface DeliveryStats {
  sent: Record<DeliveryKind, number>;
  failed: number;
  uncertain: number;
  deferred: number;
  skipped: number;
  /** Sends the platform answered 429. */
  rateLimited: number;
}

export function emptyStats(): DeliveryStats {
  return { sent: { checkin: 0, reminder: 0, summary: 0 }, failed: 0, uncertain: 0, deferred: 0, skipped: 0, rateLimited: 0 };
}

/** A claimed row with its message and where it goes. */
export interface Routed {
  item: Claimed;
  address: OutboundAddress;
  messenger: Messenger;
  reply: Reply;
  key: string;
}

export function keyOf(item: Claimed): string {
  return item.kind === 'summary'
    ? deliveryKey('summary', [item.role, item.recipientId, item.weekStart])
    : deliveryKey(item.kind, [item.placementId, item.localDate]);
}

/** Messengers should never throw; one that does leaves us not knowing whether it posted. */
export async function safeSend(messenger: Messenger, address: OutboundAddress, reply: Reply, key: string): Promise<SendResult> {
  try {
    return await messenger.send(address, [reply], { deliveryKey: key });
  } catch (error) {
    return { ok: false, reason: 'uncertain', detail: error instanceof Error ? error.message : String(error) };
  }
}
