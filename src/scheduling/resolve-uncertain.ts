// Settling sends whose outcome was lost (the process died mid-send, or the network failed after
// the request left). Never a blind repeat:
// 1. If the messenger can tell (`confirm`), believe it: delivered → sent; not delivered → send normally.
// 2. Otherwise a check-in gets one short variant that says "if you already got today's check-in,
//    ignore this" — the student is better served by a possible double than by no check-in at all.
//    The step is recorded before sending, so a crash during it never leads to a second notice.
// 3. Reminders and summaries are not repeated on a guess: they are marked reported (stay
//    'uncertain' with resolution '<kind>:reported', listed in the teacher's summary and the log).
// A check-in whose day is over is reported too: a notice the next morning helps nobody.
import { chooseRoute, loadAddresses, rateKey } from './addresses.ts';
import type { Claimed, ClaimedCheckin } from './claims.ts';
import type { Messenger, OutboundAddress } from '../messaging/messenger.ts';
import { type DeliveryContext, type DeliveryStats, keyOf, safeSend } from './delivery-context.ts';
import { priorityOf } from './delivery-kinds.ts';
import { deferUncertain, markRow, markSent, setResolution } from './delivery-marks.ts';
import { decideOutcome } from './send-outcome.ts';

export interface ResolveStats {
  confirmed: number;
  resent: number;
  notices: number;
  reported: number;
}

export function emptyResolveStats(): ResolveStats {
  return { confirmed: 0, resent: 0, notices: 0, reported: 0 };
}

const CONFIRM_LOOKBACK_MS = 3 * 24 * 3_600_000;

export async function resolveUncertain(ctx: DeliveryContext, now: Date, items: readonly Claimed[], stats: ResolveStats, delivery: DeliveryStats): Promise<void> {
  if (items.length === 0) return;
  const addresses = await loadAddresses(ctx.db, items.map((i) => i.recipientId));
  for (const item of items) {
    const route = chooseRoute(addresses.get(item.recipientId), ctx.messengers, ctx.options.platformPreference);
    if (route.kind !== 'route') {
      await report(ctx, item, now, stats, 'no route to confirm or notify');
      continue;
    }
    const key = keyOf(item);
    if (route.messenger.confirm) {
      const answer = await route.messenger.confirm(route.address, key, new Date(now.getTime() - CONFIRM_LOOKBACK_MS)).catch(() => 'unknown' as const);
      if (answer === 'delivered') {
        await markSent(ctx.db, item.kind, ctx.owner, [{ id: item.id, ref: null, at: now }], { reminderAfterMs: ctx.options.reminderAfterMinutes * 60_000, resolution: `${item.kind}:confirmed` });
        stats.confirmed += 1;
        continue;
      }
      if (answer === 'not-delivered') {
        await markRow(ctx.db, item.kind, ctx.owner, item.id, now, { to: 'pending', at: now, error: 'not delivered (confirmed by the platform)', refundAttempt: true });
        stats.resent += 1;
        continue;
      }
    }
    if (item.kind !== 'checkin') {
      await report(ctx, item, now, stats, 'outcome unknown; not repeated');
      continue;
    }
    if (item.expiresAt.getTime() <= now.getTime()) {
      await report(ctx, item, now, stats, 'outcome unknown and the day is over');
      continue;
    }
    if (item.resolution === 'checkin:notice-sending') {
      await report(ctx, item, now, stats, 'the notice itself may have been sent; not repeated');
      continue;
    }
    await sendNotice(ctx, now, item, route.address, route.messenger, stats, delivery);
  }
}

async function sendNotice(
  ctx: DeliveryContext,
  now: Date,
  item: ClaimedCheckin,
  address: OutboundAddress,
  messenger: Messenger,
  stats: ResolveStats,
  delivery: DeliveryStats,
): Promise<void> {
  const limit = ctx.options.rateLimits[address.platform];
  if (limit) {
    const grant = await ctx.limiter.take(rateKey(address), limit, 1, now, { priority: priorityOf('checkin'), priorityHoldMs: ctx.options.priorityHoldMs });
    if (grant.granted === 0) {
      await deferUncertain(ctx.db, item.kind, ctx.owner, item.id, grant.nextAt, now);
      return;
    }
  }
  if (!(await setResolution(ctx.db, item.kind, ctx.owner, item.id, 'notice-sending', now))) return;
  const reply = ctx.checkins({ unitIds: item.unitIds, placementId: item.placementId, localDate: item.localDate, lang: item.lang, variant: 'notice' });
  const result = await safeSend(messenger, address, reply, `${keyOf(item)}:notice`);
  const outcome = decideOutcome(result, item.attempts, now, ctx.options);
  switch (outcome.kind) {
    case 'sent':
      await markSent(ctx.db, item.kind, ctx.owner, [{ id: item.id, ref: outcome.ref, at: now }], { reminderAfterMs: ctx.options.reminderAfterMinutes * 60_000, resolution: 'checkin:notice-sent' });
      stats.notices += 1;
      delivery.sent.checkin += 1;
      return;
    case 'retry':
      if (outcome.blockUntil) {
        // 429: certainly not posted; try the notice again after Retry-After.
        await ctx.limiter.block(rateKey(address), outcome.blockUntil, now, limit);
        await deferUncertain(ctx.db, item.kind, ctx.owner, item.id, outcome.blockUntil, now);
        return;
      }
      await report(ctx, item, now, stats, `notice failed: ${outcome.error}`);
      return;
    case 'failed':
      await markRow(ctx.db, item.kind, ctx.owner, item.id, now, { to: 'failed', error: outcome.error });
      delivery.failed += 1;
      return;
    case 'uncertain':
      await report(ctx, item, now, stats, outcome.error);
      return;
  }
}

async function report(ctx: DeliveryContext, item: Claimed, now: Date, stats: ResolveStats, why: string): Promise<void> {
  await markRow(ctx.db, item.kind, ctx.owner, item.id, now, { to: 'reported', error: `uncertain: ${why}` });
  ctx.logger.warn({ kind: item.kind, id: item.id, recipientId: item.recipientId, why }, 'uncertain delivery reported, not repeated');
  stats.reported += 1;
}
