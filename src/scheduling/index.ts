// Public API of the check-in scheduler.
export { isAnswerWindowOpen } from './answer-window.ts';
export { addPause, listPauses, type PauseReason, resumePauses, setCheckinTime } from './checkin-pauses.ts';
export { analyzeEmbeddedDatabase, maintainEmbeddedDatabase } from './maintenance.ts';
export { createRateLimiter, type RateGrant, type RateLimiter } from './rate-limiter.ts';
export { createScheduler, DELIVER_QUEUE, type Scheduler, type SchedulerDeps, TICK_QUEUE } from './scheduler.ts';
export { type RateLimit, type SchedulerOptions, type SchedulerOptionsInput, schedulerOptionsSchema } from './scheduler-options.ts';
export type { PassReport } from './pass.ts';
export { type CheckinComposer, type CheckinRequest, type CheckinVariant, deliveryKey, type ScheduledMessages, type SummaryComposer, type SummaryRequest } from './scheduled-messages.ts';
