// Sending one claimed batch: build each row's message, route it to a messenger (or settle the row
// when there is nowhere to send it), and hand each workspace's share to its send pool.
import type { Reply } from '../conversation/reply.ts';
import { chooseRoute, loadAddresses, rateKey } from './addresses.ts';
import type { Claimed } from './claims.ts';
import { deliverGroup } from './deliver-group.ts';
import { type DeliveryContext, type DeliveryStats, keyOf, type Routed, type Timing } from './delivery-context.ts';
import { markRow } from './delivery-marks.ts';

/**
 * Sends a claimed batch. `holdUntil` bounds how long we wait for the rate limiter while holding the
 * rows: well inside the lease, so no other instance ever sweeps a row we still mean to send.
 */
export async function deliverBatch(ctx: DeliveryContext, timing: Timing, items: readonly Claimed[], stats: DeliveryStats, holdUntil: Date): Promise<void> {
  if (items.length === 0) return;
  const replies = await repliesFor(ctx, items, timing.now());
  const addresses = await loadAddresses(ctx.db, items.map((i) => i.recipientId));
  const groups = new Map<string, Routed[]>();
  for (const item of items) {
    const reply = replies.get(item.id);
    if (!reply) {
      await markRow(ctx.db, item.kind, ctx.owner, item.id, timing.now(), { to: 'skipped', reason: 'nothing-to-report' });
      stats.skipped += 1;
      continue;
    }
    const route = chooseRoute(addresses.get(item.recipientId), ctx.messengers, ctx.options.platformPreference);
    if (route.kind === 'no-account') {
      await markRow(ctx.db, item.kind, ctx.owner, item.id, timing.now(), { to: 'failed', error: 'unreachable: no platform account linked' });
      stats.failed += 1;
      continue;
    }
    if (route.kind === 'no-channel') {
      await markRow(ctx.db, item.kind, ctx.owner, item.id, timing.now(), { to: 'skipped', reason: `no-channel:${route.platforms.join(',')}` });
      stats.skipped += 1;
      continue;
    }
    const key = rateKey(route.address);
    const group = groups.get(key) ?? [];
    group.push({ item, address: route.address, messenger: route.messenger, reply, key: keyOf(item) });
    groups.set(key, group);
  }
  for (const [rateKeyValue, group] of groups) await deliverGroup(ctx, timing, rateKeyValue, group, stats, holdUntil);
}

async function repliesFor(ctx: DeliveryContext, items: readonly Claimed[], now: Date): Promise<Map<string, Reply | null>> {
  const replies = new Map<string, Reply | null>();
  const summaryRequests = [];
  for (const item of items) {
    if (item.kind === 'summary') {
      summaryRequests.push({ id: item.id, recipientId: item.recipientId, role: item.role, weekStart: item.weekStart, lang: item.lang });
    } else {
      replies.set(item.id, ctx.checkins({ unitIds: item.unitIds, placementId: item.placementId, localDate: item.localDate, lang: item.lang, variant: item.kind }));
    }
  }
  if (summaryRequests.length > 0) for (const [id, reply] of await ctx.summaries.compose(summaryRequests, now)) replies.set(id, reply);
  return replies;
}
