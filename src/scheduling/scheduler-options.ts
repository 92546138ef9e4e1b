// The scheduler's settings, parsed once with defaults. Everything here is configuration a school or
// an operator may change; nothing is read from the environment in this folder.
import { z } from 'zod';
import { checkinTimeSchema, localDateSchema } from '../storage/domain.ts';

/**
 * How fast one workspace (Slack) or tenant (Teams) is sent to. The rate adapts, shared by every
 * instance through the database and kept across restarts: it starts at `initialPerSecond`, rises
 * while sends wait for it and the platform accepts them (multiplying by `slowStartFactor` until the
 * first 429, then adding `increasePerSecond` each second, only `probePerSecond` once within 5 % of
 * the rate the last 429 came at), and on a 429 falls to `decreaseFactor` of itself while nobody
 * sends until the platform's Retry-After.
 */
export const adaptiveRateSchema = z.object({
  initialPerSecond: z.number().positive(),
  /** Never below this, whatever the platform answers. */
  minPerSecond: z.number().positive().default(0.5),
  /** A cap; none by default (the platform's 429s find the limit). */
  maxPerSecond: z.number().positive().optional(),
  /** A documented limit: probed slowly from the start rather than found by a 429. */
  knownLimitPerSecond: z.number().positive().optional(),
  increasePerSecond: z.number().positive(),
  probePerSecond: z.number().positive(),
  slowStartFactor: z.number().min(1).default(1.25),
  decreaseFactor: z.number().gt(0).lt(1).default(0.9),
  /** Tokens that may go at once after a quiet spell, in seconds of the current rate (`burst` fixes a count). */
  burstSeconds: z.number().positive().default(0.25),
  burst: z.number().int().min(1).optional(),
  /** One channel (a Slack DM, a Teams conversation): at most this many messages a second. */
  perChannelPerSecond: z.number().positive().optional(),
});
export type RateLimit = z.infer<typeof adaptiveRateSchema>;

/** A fixed rate (`perSecond`, `burst`): the adaptive rate pinned to one value (tests, a known quota). */
const fixedRateSchema = z
  .object({ perSecond: z.number().positive(), burst: z.number().int().min(1), perChannelPerSecond: z.number().positive().optional() })
  .transform(
    (fixed): RateLimit => ({
      initialPerSecond: fixed.perSecond,
      minPerSecond: fixed.perSecond,
      maxPerSecond: fixed.perSecond,
      increasePerSecond: fixed.perSecond,
      probePerSecond: fixed.perSecond,
      slowStartFactor: 1,
      decreaseFactor: 0.5,
      burstSeconds: 1,
      burst: fixed.burst,
      ...(fixed.perChannelPerSecond ? { perChannelPerSecond: fixed.perChannelPerSecond } : {}),
    }),
  );

export const rateLimitSchema = z.union([fixedRateSchema, adaptiveRateSchema]);
export type RateLimitInput = z.input<typeof rateLimitSchema>;

export const schedulerOptionsSchema = z.object({
  /** A reminder goes this long after the check-in if there is no answer yet. */
  reminderAfterMinutes: z.number().int().min(1).default(120),
  /** Summaries go on this ISO weekday (5 = Friday) at this local time of the recipient. */
  summaryWeekday: z.number().int().min(1).max(7).default(5),
  summaryTime: checkinTimeSchema.default('14:00'),
  /** A summary not planned within this long after its time is not sent for that week at all. */
  summaryGraceHours: z.number().positive().default(12),
  /** An unsent summary is dropped this long after its time. */
  summaryExpiryHours: z.number().positive().default(48),
  /** Days the school adds to the national days off (`YYYY-MM-DD`). */
  extraDaysOff: z.array(localDateSchema).default([]),
  /** How long a claimed row stays ours; longer than the slowest send (the Slack client's 15 s timeout). */
  leaseSeconds: z.number().int().min(5).default(120),
  /** Rows claimed at a time, and sends in flight at once per worker. */
  batchSize: z.number().int().min(1).max(1000).default(100),
  concurrency: z.number().int().min(1).max(256).default(16),
  /** Retryable failures back off exponentially from this, up to `maxBackoffSeconds`, `maxAttempts` times. */
  backoffSeconds: z.number().positive().default(30),
  maxBackoffSeconds: z.number().positive().default(1800),
  maxAttempts: z.number().int().min(1).default(5),
  /** Within a real-time pass, wait inline for the rate limiter up to this; longer waits go back to the table. */
  maxInlineWaitMs: z.number().int().min(0).default(2000),
  /** A real-time deliver job with nothing due waits this long for the next due row before ending. */
  maxIdleWaitMs: z.number().int().min(0).default(5000),
  /** Per platform; a platform without an entry is not limited (the local chat). */
  rateLimits: z
    .object({ slack: rateLimitSchema.optional(), teams: rateLimitSchema.optional(), local: rateLimitSchema.optional() })
    .prefault({
      // Slack: 1 message per second per channel (each student's DM is its own); the workspace-wide
      // limit is not published ("several hundred a minute"), so the rate starts there and finds it.
      slack: { initialPerSecond: 4, increasePerSecond: 1, probePerSecond: 0.05, perChannelPerSecond: 1 },
      // Teams: about 50 requests a second per bot and tenant; per conversation 7 a second and 60 in
      // 30 seconds (2 a second sustained).
      teams: { initialPerSecond: 30, knownLimitPerSecond: 50, increasePerSecond: 2.5, probePerSecond: 0.25, perChannelPerSecond: 2 },
    }),
  /**
   * Rows claimed at a time are what this instance's share of the current rate sends in this many
   * seconds (never more than `batchSize`): instances on one database split a fan-out by what each
   * can send now, and none holds rows it cannot send within its lease.
   */
  claimHorizonSeconds: z.number().positive().default(5),
  /** A check-in send keeps the workspace's rate for check-ins this long after its last take; reminders and summaries wait. */
  priorityHoldMs: z.number().int().min(0).default(2000),
  /** Which account a person with several gets their messages on. */
  platformPreference: z.array(z.enum(['slack', 'teams', 'local'])).default(['slack', 'teams', 'local']),
  /** The job engine: a tick every minute; deliver jobs per tick (instances share them). */
  tickCron: z.string().default('* * * * *'),
  deliverJobsPerTick: z.number().int().min(1).max(32).default(2),
  /** A deliver job stops taking new work after this, so the next tick's jobs take over. */
  deliverBudgetSeconds: z.number().positive().default(50),
  /** pg-boss's schema (PostgreSQL and PGlite). */
  bossSchema: z.string().regex(/^[a-z_][a-z0-9_]*$/).default('pgboss'),
});
export type SchedulerOptions = z.infer<typeof schedulerOptionsSchema>;
export type SchedulerOptionsInput = z.input<typeof schedulerOptionsSchema>;
