// The scheduler's settings, parsed once with defaults. Everything here is configuration a school or
// an operator may change; nothing is read from the environment in this folder.
import { z } from 'zod';
import { checkinTimeSchema, localDateSchema } from '../storage/domain.ts';

export const rateLimitSchema = z.object({
  /** Sustained messages per second for one workspace/tenant. */
  perSecond: z.number().positive(),
  /** How many may go at once after a quiet spell. */
  burst: z.number().int().min(1),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

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
    .default({
      // Slack: ~1 message per second per channel, workspace bursts; the workspace-wide figure is not
      // published, so the documented 1/s is the safe sustained rate and Retry-After corrects the rest.
      slack: { perSecond: 1, burst: 30 },
      // Teams: about 50 requests per second per bot and tenant.
      teams: { perSecond: 50, burst: 50 },
    }),
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
