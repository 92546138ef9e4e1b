/** The current time, injected so that "today" in a student's time zone is testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
