// Outcomes of sends in flight, written back in batches: delivered rows in one statement per kind,
// the rare others one by one. Flushing swaps the buffer first, so sends that finish meanwhile land
// in the next flush.
import type { SendResult } from '../messaging/messenger.ts';
import type { DeliveryContext, DeliveryStats, Routed } from './delivery-context.ts';
import type { DeliveryKind } from './delivery-kinds.ts';
import { markRow, markSent, type SentMark } from './delivery-marks.ts';
import { decideOutcome } from './send-outcome.ts';

export interface OutcomeBuffer {
  add(routed: Routed, result: SendResult, at: Date): void;
  size(): number;
  flush(): Promise<void>;
  /** The latest Retry-After any send in this group got. */
  blockedUntil(): Date | null;
}

export function createOutcomeBuffer(ctx: DeliveryContext, stats: DeliveryStats): OutcomeBuffer {
  let pending: { routed: Routed; result: SendResult; at: Date }[] = [];
  let blocked: Date | null = null;

  async function write(entries: typeof pending): Promise<void> {
    const sent = new Map<DeliveryKind, SentMark[]>();
    for (const { routed, result, at } of entries) {
      const { item } = routed;
      const outcome = decideOutcome(result, item.kind === 'reminder' ? 1 : item.attempts, at, ctx.options);
      switch (outcome.kind) {
        case 'sent':
          sent.set(item.kind, [...(sent.get(item.kind) ?? []), { id: item.id, ref: outcome.ref, at }]);
          stats.sent[item.kind] += 1;
          break;
        case 'retry':
          await markRow(ctx.db, item.kind, ctx.owner, item.id, at, { to: 'pending', at: outcome.at, error: outcome.error, refundAttempt: outcome.refundAttempt, rateLimited: outcome.blockUntil !== null });
          stats.deferred += 1;
          if (outcome.blockUntil) stats.rateLimited += 1;
          break;
        case 'failed':
          await markRow(ctx.db, item.kind, ctx.owner, item.id, at, { to: 'failed', error: outcome.error });
          ctx.logger.warn({ kind: item.kind, id: item.id, error: outcome.error }, 'delivery failed');
          stats.failed += 1;
          break;
        case 'uncertain':
          await markRow(ctx.db, item.kind, ctx.owner, item.id, at, { to: 'uncertain', error: outcome.error });
          ctx.logger.warn({ kind: item.kind, id: item.id, error: outcome.error }, 'delivery uncertain');
          stats.uncertain += 1;
          break;
      }
    }
    for (const [kind, marks] of sent) {
      const marked = await markSent(ctx.db, kind, ctx.owner, marks, { reminderAfterMs: ctx.options.reminderAfterMinutes * 60_000 });
      if (marked < marks.length) ctx.logger.warn({ kind, marked, sent: marks.length }, 'lease lost before a delivery was recorded; the resolver settles it');
    }
  }

  return {
    add(routed, result, at) {
      pending.push({ routed, result, at });
      if (!result.ok && result.reason === 'rate-limited') {
        const until = new Date(at.getTime() + Math.max(0, result.retryAfterMs));
        if (!blocked || until > blocked) blocked = until;
      }
    },
    size: () => pending.length,
    async flush() {
      while (pending.length > 0) {
        const entries = pending;
        pending = [];
        await write(entries);
      }
    },
    blockedUntil: () => blocked,
  };
}
