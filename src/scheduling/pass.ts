// One scheduler pass: plan ahead, sweep, then claim and deliver until nothing more is due. The
// same code serves the job engine's ticks (real time, may wait for the rate limiter) and
// `runOnce(now)` (a fixed instant, never waits: what the limiter defers waits in the table).
import { type Kysely, sql } from 'kysely';
import type { WorkCalendar } from '../calendar/index.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import { type Claimed, claimCheckins, claimReminders, claimSummaries, claimUncertain, type Lease, otherSenders } from './claims.ts';
import type { DeliveryKind } from './delivery-kinds.ts';
import { releaseRows } from './delivery-marks.ts';
import { deliverBatch } from './deliver.ts';
import { type DeliveryContext, type DeliveryStats, emptyStats, type Timing } from './delivery-context.ts';
import { planCheckins } from './plan-checkins.ts';
import { planSummaries } from './plan-summaries.ts';
import { emptyResolveStats, type ResolveStats, resolveUncertain } from './resolve-uncertain.ts';
import { sweep, type SweepReport } from './sweeps.ts';

export interface PlanReport {
  checkins: number;
  summaries: number;
  sweep: SweepReport;
}

export interface DrainReport {
  delivery: DeliveryStats;
  resolved: ResolveStats;
}

export interface PassReport extends PlanReport, DrainReport {
  /** The earliest time something is due next (a virtual clock can jump there). */
  nextDueAt: Date | null;
}

export async function planAndSweep(ctx: DeliveryContext, calendar: WorkCalendar, now: Date): Promise<PlanReport> {
  const checkins = await planCheckins({ db: ctx.db, calendar, extraDaysOff: ctx.options.extraDaysOff }, now);
  const summaries = await planSummaries(ctx.db, ctx.options, now);
  return { checkins, summaries, sweep: await sweep(ctx.db, now) };
}

type Claim = (lease: Lease, now: Date, limit: number) => Promise<Claimed[]>;

/**
 * Claims and delivers until nothing is due, `deadline` passes or the scheduler stops. Check-ins
 * first: after each batch of reminders or summaries the pass looks for due check-ins again, so a
 * backlog of the later kinds never keeps the day's check-ins waiting.
 */
export async function drain(ctx: DeliveryContext, timing: Timing, deadline: Date | null = null): Promise<DrainReport> {
  const delivery = emptyStats();
  const resolved = emptyResolveStats();
  const { batchSize } = ctx.options;
  const claims: [DeliveryKind, Claim, number][] = [
    ['checkin', (lease, now, limit) => claimCheckins(ctx.db, lease, now, limit), batchSize],
    ['reminder', (lease, now, limit) => claimReminders(ctx.db, lease, now, limit), batchSize],
    ['summary', (lease, now, limit) => claimSummaries(ctx.db, lease, now, limit), Math.max(1, Math.floor(batchSize / 10))],
  ];
  const open = () => !timing.stopping() && (deadline === null || timing.now() < deadline);
  while (open()) {
    const now = timing.now();
    const uncertain = await claimUncertain(ctx.db, leaseFrom(ctx, timing), now, batchSize);
    await resolveUncertain(ctx, now, uncertain, resolved, delivery);
    let claimed = uncertain.length;
    for (const [kind, claim, limit] of claims) {
      const urgent = kind === 'checkin';
      const sent = await drainKind(ctx, timing, kind, claim, limit, open, delivery, urgent ? Number.POSITIVE_INFINITY : 1);
      claimed += sent;
      // A batch of a later kind went: look at the check-ins again before the next one.
      if (!urgent && sent > 0) break;
    }
    if (claimed > 0) continue;
    // Nothing due now. In real time, wait for what the limiter deferred by a few seconds rather
    // than for the next tick; a fixed-instant pass ends here.
    if (!(await waitForNext(ctx, timing, deadline))) break;
  }
  return { delivery, resolved };
}

function leaseFrom(ctx: DeliveryContext, timing: Timing): Lease {
  return { owner: ctx.owner, until: new Date(timing.now().getTime() + ctx.options.leaseSeconds * 1000) };
}

/**
 * How many rows to claim: what this instance's share of the current rate sends within
 * `claimHorizonSeconds`, so that instances split a fan-out by what each can send now. The share
 * is the rate over the instances holding rows in flight (this one included).
 */
export async function claimSize(ctx: DeliveryContext, now: Date, most: number): Promise<number> {
  let perSecond = 0;
  let limited = false;
  // A platform without a limit (the local chat) does not count: the limited ones set the pace.
  for (const platform of ctx.messengers.keys()) {
    const limit = ctx.options.rateLimits[platform];
    if (!limit) continue;
    limited = true;
    perSecond += (await ctx.limiter.platformRate(platform)) ?? limit.initialPerSecond;
  }
  if (!limited) return most;
  const senders = 1 + (await otherSenders(ctx.db, ctx.owner, now));
  return Math.max(1, Math.min(most, Math.ceil((perSecond * ctx.options.claimHorizonSeconds) / senders)));
}

/**
 * Every due row of one kind, batch by batch, at most `maxBatches`. The next batch is claimed while
 * this one is being sent, so the claim's database time overlaps the network's; a batch claimed when
 * the pass has to stop goes straight back to the table (never left to a lease running out: that
 * would make it uncertain).
 */
async function drainKind(
  ctx: DeliveryContext,
  timing: Timing,
  kind: DeliveryKind,
  claim: Claim,
  limit: number,
  open: () => boolean,
  stats: DeliveryStats,
  maxBatches: number,
): Promise<number> {
  let total = 0;
  const claimNext = async () => claim(leaseFrom(ctx, timing), timing.now(), await claimSize(ctx, timing.now(), limit));
  let next = claimNext();
  for (let batches = 0; ; batches += 1) {
    const batch = await next;
    if (batch.length === 0) return total;
    if (!open() || batches >= maxBatches) {
      await releaseRows(ctx.db, kind, ctx.owner, batch.map((b) => b.id), timing.now(), timing.now());
      return total;
    }
    total += batch.length;
    next = batches + 1 < maxBatches ? claimNext() : Promise.resolve([]);
    await deliverBatch(ctx, timing, batch, stats, new Date(timing.now().getTime() + (ctx.options.leaseSeconds * 1000) / 2));
  }
}

async function waitForNext(ctx: DeliveryContext, timing: Timing, deadline: Date | null): Promise<boolean> {
  if (!timing.sleep) return false;
  const now = timing.now();
  const next = await nextDueAt(ctx.db, now);
  if (!next) return false;
  const wait = next.getTime() - now.getTime();
  // Due already but not claimed (another instance has it): the next tick looks again; no spinning.
  if (wait <= 0 || wait > ctx.options.maxIdleWaitMs || (deadline && next >= deadline)) return false;
  await timing.sleep(wait);
  return true;
}

interface NextRow {
  next: Date | null;
}

/** When the next row comes due (pending sends, reminders, summaries, leases to expire or retry). */
export async function nextDueAt(db: Kysely<DatabaseSchema>, now: Date): Promise<Date | null> {
  const result = await sql<NextRow>`
    SELECT least(
      (SELECT min(due_at) FROM checkin WHERE status = 'pending' AND expires_at > ${now}),
      (SELECT min(reminder_due_at) FROM checkin WHERE reminder_status = 'pending' AND status = 'sent' AND expires_at > ${now}),
      (SELECT min(due_at) FROM summary_delivery WHERE status = 'pending' AND expires_at > ${now}),
      (SELECT min(lease_until) FROM checkin WHERE status IN ('sending', 'uncertain') OR reminder_status IN ('sending', 'uncertain')),
      (SELECT min(lease_until) FROM summary_delivery WHERE status IN ('sending', 'uncertain'))
    ) AS next
  `.execute(db);
  const next = result.rows[0]?.next;
  return next ? new Date(next) : null;
}
