// Sending one workspace's share of a batch: a pool of up to `concurrency` sends in flight, fed by
// the shared adaptive rate limiter and kept to the platform's per-channel pace. Tokens are taken for
// the free slots only and used at once; outcomes are written while other sends are still in flight,
// so the database and the network overlap. A 429 stops the group: the limiter lowers the rate and
// blocks the key until the platform's Retry-After, and what is left goes back to the table.
import type { DeliveryContext, DeliveryStats, Routed, Timing } from './delivery-context.ts';
import { safeSend } from './delivery-context.ts';
import { type DeliveryKind, priorityOf } from './delivery-kinds.ts';
import { releaseRows } from './delivery-marks.ts';
import { createOutcomeBuffer } from './outcome-buffer.ts';

export function channelOf(routed: Pick<Routed, 'address'>): string {
  const { platform, tenantId, userId } = routed.address;
  return `${platform}:${tenantId}:${userId}`;
}

export async function deliverGroup(ctx: DeliveryContext, timing: Timing, key: string, group: readonly Routed[], stats: DeliveryStats, holdUntil: Date): Promise<void> {
  const platform = group[0]?.address.platform;
  const limit = platform ? ctx.options.rateLimits[platform] : undefined;
  const channelIntervalMs = limit?.perChannelPerSecond ? 1000 / limit.perChannelPerSecond : 0;
  const priority = Math.min(...group.map((r) => priorityOf(r.item.kind)));
  const { concurrency } = ctx.options;
  let queue = [...group];
  const outcomes = createOutcomeBuffer(ctx, stats);
  const inFlight = new Set<Promise<void>>();
  let releaseAt: Date | null = null;
  let perSecond = limit?.initialPerSecond ?? Number.POSITIVE_INFINITY;

  // Tokens are taken for half the pool at least: a database round trip per token would cap
  // the rate, and a token taken early and used late would let the platform see two grants at once.
  const chunk = Math.max(1, Math.floor(concurrency / 2));

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
    // Only rows whose channel is free now; a second message to one DM waits its turn.
    const ready = channelIntervalMs > 0 ? readyByChannel(ctx, queue, now) : queue;
    if (ready.length === 0) {
      const freeAt = new Date(Math.min(...queue.map((r) => ctx.channels.freeAt(channelOf(r)))));
      if (await waitInline(ctx, timing, outcomes, freeAt, now, holdUntil)) continue;
      releaseAt = freeAt;
      break;
    }
    const wanted = Math.min(ready.length, concurrency - inFlight.size);
    const grant = limit
      ? await ctx.limiter.take(key, limit, wanted, now, { priority, priorityHoldMs: ctx.options.priorityHoldMs })
      : { granted: wanted, nextAt: now, perSecond, burst: wanted };
    perSecond = grant.perSecond;
    if (grant.granted === 0) {
      // Sleep until a chunk's worth is free, not just the next token.
      const chunkAt = new Date(grant.nextAt.getTime() + ((Math.min(chunk, wanted, grant.burst) - 1) * 1000) / perSecond);
      // Check-ins hold the rate: the rows go back rather than sit here while this instance could help with those.
      if (!grant.yielded && grant.nextAt <= holdUntil && (await waitInline(ctx, timing, outcomes, chunkAt, now, holdUntil))) continue;
      releaseAt = grant.nextAt;
      break;
    }
    const taken = new Set(ready.slice(0, grant.granted));
    queue = queue.filter((r) => !taken.has(r));
    for (const routed of taken) {
      if (channelIntervalMs > 0) ctx.channels.posted(channelOf(routed), timing.now().getTime(), channelIntervalMs);
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
  if (blocked) await ctx.limiter.block(key, blocked, timing.now(), limit);
  const at = blocked ?? releaseAt;
  if (queue.length > 0 && at) await release(ctx, queue, at, timing.now(), stats);
}

/** Rows whose channel is free now, one per channel: a second message to one DM waits its turn. */
function readyByChannel(ctx: DeliveryContext, queue: readonly Routed[], now: Date): Routed[] {
  const seen = new Set<string>();
  const ready: Routed[] = [];
  for (const routed of queue) {
    const channel = channelOf(routed);
    if (seen.has(channel)) continue;
    seen.add(channel);
    if (ctx.channels.freeAt(channel) <= now.getTime()) ready.push(routed);
  }
  return ready;
}

/** Waits in real time for `until` when that is short and inside the hold; false when the rows should go back instead. */
async function waitInline(
  ctx: DeliveryContext,
  timing: Timing,
  outcomes: { flush(): Promise<void> },
  until: Date,
  now: Date,
  holdUntil: Date,
): Promise<boolean> {
  const wait = until.getTime() - now.getTime();
  if (!timing.sleep || wait > ctx.options.maxInlineWaitMs || until > holdUntil) return false;
  await outcomes.flush(); // the wait is free time for the database
  await timing.sleep(Math.max(1, wait));
  return true;
}

async function release(ctx: DeliveryContext, queue: Routed[], at: Date, now: Date, stats: DeliveryStats): Promise<void> {
  const byKind = new Map<DeliveryKind, string[]>();
  for (const { item } of queue) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.id]);
  for (const [kind, ids] of byKind) await releaseRows(ctx.db, kind, ctx.owner, ids, at, now);
  stats.deferred += queue.length;
}
