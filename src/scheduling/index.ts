// Public API of the check-in scheduler.
// The late-answer rule and the student's pauses are storage's (checkin-repo.ts, checkin-pause-repo.ts), shared with the chat side.
export { isAnswerWindowOpen } from '../storage/checkin-repo.ts';
export { analyzeEmbeddedDatabase, maintainEmbeddedDatabase } from './maintenance.ts';
export { createRateLimiter, type RateGrant, type RateLimiter } from './rate-limiter.ts';
export { burstOf, initialState, type RateState, rateLimited, take } from './adaptive-rate.ts';
export { createScheduler, DELIVER_QUEUE, type Scheduler, type SchedulerDeps, TICK_QUEUE } from './scheduler.ts';
export { type RateLimit, type RateLimitInput, rateLimitSchema, type SchedulerOptions, type SchedulerOptionsInput, schedulerOptionsSchema } from './scheduler-options.ts';
export type { PassReport } from './pass.ts';
export { type CheckinComposer, type CheckinRequest, type CheckinVariant, deliveryKey, type ScheduledMessages, type SummaryComposer, type SummaryRequest } from './scheduled-messages.ts';
