// Sending one workspace's share of a batch: a pool of up to `concurrency` sends in flight, fed by
// the shared rate limiter. Tokens are taken for the free slots only and used at once; outcomes are
// written while other sends are still in flight, so the database and the network overlap. A 429
// stops the group: what is left goes back to the table at the platform's Retry-After, for everyone.
import type { DeliveryContext, DeliveryStats, Routed, Timing } from './delivery-context.ts';
import { safeSend } from './delivery-context.ts';
import type { DeliveryKind } from './delivery-kinds.ts';
import { releaseRows } from './delivery-marks.ts';
import { createOutcomeBuffer } from './outcome-buffer.ts';

export async function deliverGroup(ctx: DeliveryContext, timing: Timing, key: string, group: readonly Routed[], stats: DeliveryStats, holdUntil: Date): Promise<void> {
  const platform = group[0]?.address.platform;
  const limit = platform ? ctx.options.rateLimits[platform] : undefined;
  const { concurrency } = ctx.options;
  const queue = [...group];
  const outcomes = createOutcomeBuffer(ctx, stats);
  const inFlight = new Set<Promise<void>>();
  let releaseAt: Date | null = null;

  // Tokens are taken for half the pool at least: a database round trip per token would cap
  // the rate, and a token taken early and used late would let the platform see two grants at once.
  const chunk = Math.max(1, Math.floor(concurrency / 2));
  const interval = limit ? 1000 / limit.perSecond : 0;

  for (;;) {
    // Free slots first: a send that just finished may have brought a 429.
    while (inFlight.size > 0 && concurrency - inFlight.size < Math.min(chunk, queue.length)) await Promise.race(inFlight);
    if (queue.length === 0 || outcomes.blockedUntil()) break;
    if (timing.stopping()) {
      releaseAt = timing.now();
      break;
    }
    // Write outcomes now rather than between taking tokens and sending: a token is used the moment
    // it is taken, or the platform, counting at arrival, could see two grants' worth at once.
    if (outcomes.size() >= concurrency) await outcomes.flush();
    const now = timing.now();
    const wanted = Math.min(queue.length, concurrency - inFlight.size);
    const grant = limit ? await ctx.limiter.take(key, limit, wanted, now) : { granted: wanted, nextAt: now };
    if (grant.granted === 0) {
      // Sleep until a chunk's worth is free, not just the next token.
      const wait = grant.nextAt.getTime() - now.getTime() + (Math.min(chunk, wanted) - 1) * interval;
      if (timing.sleep && wait <= ctx.options.maxInlineWaitMs && grant.nextAt <= holdUntil) {
        await outcomes.flush(); // the wait is free time for the database
        await timing.sleep(Math.max(1, wait));
        continue;
      }
      releaseAt = grant.nextAt;
      break;
    }
    for (const routed of queue.splice(0, grant.granted)) {
      const sending: Promise<void> = safeSend(routed.messenger, routed.address, routed.reply, routed.key).then((result) => {
        outcomes.add(routed, result, timing.now());
        inFlight.delete(sending);
      });
      inFlight.add(sending);
    }
  }
  await Promise.all(inFlight);
  await outcomes.flush();
  const blocked = outcomes.blockedUntil();
  if (blocked) await ctx.limiter.block(key, blocked, timing.now());
  const at = blocked ?? releaseAt;
  if (queue.length > 0 && at) await release(ctx, queue, at, timing.now(), stats);
}

async function release(ctx: DeliveryContext, queue: Routed[], at: Date, now: Date, stats: DeliveryStats): Promise<void> {
  const byKind = new Map<DeliveryKind, string[]>();
  for (const { item } of queue) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.id]);
  for (const [kind, ids] of byKind) await releaseRows(ctx.db, kind, ctx.owner, ids, at, now);
  stats.deferred += queue.length;
}
