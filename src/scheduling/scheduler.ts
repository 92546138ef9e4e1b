// The scheduler: pg-boss runs a tick every minute (plan ahead, sweep, enqueue deliver jobs) and
// deliver jobs (claim and send until nothing is due). pg-boss only says *when* to look; what is
// sent exactly once is decided by the app's own tables (unique keys, SKIP LOCKED claims, leases),
// so two instances, a crash or a repeated tick can never double-send.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { PgBoss } from 'pg-boss';
import type { WorkCalendar } from '../calendar/index.ts';
import type { Platform } from '../conversation/incoming.ts';
import type { Messenger } from '../messaging/messenger.ts';
import type { Clock } from '../storage/clock.ts';
import type { Database } from '../storage/database.ts';
import type { Store } from '../storage/store.ts';
import type { RetentionPolicyInput } from '../storage/retention.ts';
import type { DeliveryContext, Timing } from './delivery-context.ts';
import { createJobEngine } from './job-engine.ts';
import { createMaintenance } from './maintenance.ts';
import { type DrainReport, drain, nextDueAt, type PassReport, planAndSweep } from './pass.ts';
import { createChannelSpacing } from './channel-spacing.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { type SchedulerOptionsInput, schedulerOptionsSchema } from './scheduler-options.ts';
import type { ScheduledMessages } from './scheduled-messages.ts';

export interface SchedulerDeps extends ScheduledMessages {
  store: Store;
  /** Needed by `start()` (the job engine runs on it); `runOnce` works without. */
  database?: Database;
  /** PostgreSQL only: the same DATABASE_URL, for pg-boss's own pool. */
  databaseUrl?: string;
  messengers: readonly Messenger[];
  calendar: WorkCalendar;
  clock: Clock;
  logger: Logger;
  options?: SchedulerOptionsInput;
  /** The retention periods of the nightly deletion (maintenance.ts); absent or null = none. */
  retention?: RetentionPolicyInput | null;
  /** Lease owner id; unique per process by default. */
  instanceId?: string;
  sleep?: (ms: number) => Promise<void>;
}

export interface Scheduler {
  /** Starts pg-boss, the minute tick and the deliver workers. */
  start(): Promise<void>;
  /** Lets the running batch finish (its rows stay leased to nobody else), then stops pg-boss. */
  stop(): Promise<void>;
  /** One deterministic pass at `now`: plan, sweep, resolve, deliver what is due. Never waits. */
  runOnce(now: Date): Promise<PassReport>;
  /**
   * Delivers what is due on the clock until nothing is, waiting for the rate limiter: the body of a
   * deliver job (planning is the tick's). The benchmark and a one-off CLI use it.
   */
  deliverDue(): Promise<DrainReport>;
}

export const TICK_QUEUE = 'osaava-scheduler-tick';
export const DELIVER_QUEUE = 'osaava-scheduler-deliver';

/** Sleeps that `stop()` cuts short, so a graceful stop never waits out a rate-limit pause. */
function createStoppableSleep(): { sleep(ms: number): Promise<void>; wake(): void } {
  const sleeping = new Set<() => void>();
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          sleeping.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        sleeping.add(done);
      }),
    wake: () => {
      for (const done of [...sleeping]) done();
    },
  };
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const options = schedulerOptionsSchema.parse(deps.options ?? {});
  const log = deps.logger.child({ component: 'scheduler' });
  const db = deps.store.db;
  const messengers = new Map<Platform, Messenger>(deps.messengers.map((m) => [m.platform, m]));
  const ctx: DeliveryContext = {
    db,
    checkins: deps.checkins,
    options,
    messengers,
    limiter: createRateLimiter(db),
    channels: createChannelSpacing(),
    summaries: deps.summaries,
    logger: log,
    owner: deps.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  };
  let boss: PgBoss | null = null;
  let stopping = false;
  const sleeper = createStoppableSleep();
  const realTime: Timing = { now: () => deps.clock.now(), sleep: deps.sleep ?? sleeper.sleep, stopping: () => stopping };

  const maintenance = createMaintenance(deps.database, log, { retention: deps.retention ?? null });

  async function tick(): Promise<void> {
    await maintenance.runIfDue(deps.clock.now());
    const report = await planAndSweep(ctx, deps.calendar, deps.clock.now());
    if (report.checkins + report.summaries + report.sweep.leasesLost > 0) log.info(report, 'scheduler tick');
    // Stately queue with one key per slot: at most one queued job per slot, so ticks never pile up.
    for (let slot = 0; slot < options.deliverJobsPerTick; slot += 1) await boss?.send(DELIVER_QUEUE, {}, { singletonKey: `slot-${slot}` });
  }

  async function deliver(): Promise<void> {
    const deadline = new Date(deps.clock.now().getTime() + options.deliverBudgetSeconds * 1000);
    const report = await drain(ctx, realTime, deadline);
    const { sent } = report.delivery;
    if (sent.checkin + sent.reminder + sent.summary + report.delivery.failed + report.delivery.uncertain > 0) log.info(report, 'scheduler delivered');
  }

  /** A failed job is only a row in pg-boss's table; the log is where an operator looks. */
  async function logged(job: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      log[isConnectionLoss(error) ? 'warn' : 'error']({ err: error, job }, 'scheduler job failed; the next tick tries again');
      throw error;
    }
  }

  return {
    async start() {
      if (boss) return;
      if (!deps.database) throw new Error('createScheduler: start() needs `database`');
      stopping = false;
      const engine = createJobEngine({ database: deps.database, schema: options.bossSchema, ...(deps.databaseUrl ? { databaseUrl: deps.databaseUrl } : {}) });
      // While the database is away (a restart), every poll fails: that is a warning, not an error each second.
      engine.on('error', (err) => log[isConnectionLoss(err) ? 'warn' : 'error']({ err }, 'job engine error'));
      await engine.start();
      boss = engine;
      const queue = { policy: 'stately' as const, retryLimit: 0, expireInSeconds: Math.ceil(options.deliverBudgetSeconds + options.leaseSeconds) };
      await engine.createQueue(TICK_QUEUE, queue);
      await engine.createQueue(DELIVER_QUEUE, queue);
      await engine.schedule(TICK_QUEUE, options.tickCron, {}, { tz: 'UTC', singletonKey: 'tick' });
      await engine.work(TICK_QUEUE, { pollingIntervalSeconds: 1 }, async () => logged('tick', tick));
      await engine.work(DELIVER_QUEUE, { pollingIntervalSeconds: 1, localConcurrency: options.deliverJobsPerTick }, async () => logged('deliver', deliver));
      await engine.send(TICK_QUEUE, {}, { singletonKey: 'tick' });
      log.info({ owner: ctx.owner, cron: options.tickCron }, 'scheduler started');
    },

    async stop() {
      if (!boss) return;
      stopping = true;
      sleeper.wake();
      const engine = boss;
      boss = null;
      await engine.stop({ graceful: true, timeout: (options.deliverBudgetSeconds + 10) * 1000 });
      log.info('scheduler stopped');
    },

    deliverDue: () => drain(ctx, realTime),

    async runOnce(now) {
      const fixed: Timing = { now: () => now, stopping: () => false };
      const plan = await planAndSweep(ctx, deps.calendar, now);
      const drained = await drain(ctx, fixed);
      return { ...plan, ...drained, nextDueAt: await nextDueAt(db, now) };
    },
  };
}

/** A lost or refused database connection (the server restarting or away), as pg and pg-boss report it. */
function isConnectionLoss(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : '';
  return ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08003', '08001'].includes(code) || /Connection terminated|connection to server|terminating connection/i.test(message);
}
