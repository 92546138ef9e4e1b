// What the scheduler sends, composed by the features that own it: the check-in card and the weekly
// summaries. Kept beside the composition root because it joins two features for one port.
import type { Logger } from 'pino';
import type { WorkCalendar } from './calendar/index.ts';
import { createCheckinComposer } from './features/checkins/checkin-messages.ts';
import { createSummaryService, type Narrate } from './features/summaries/summary-service.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import type { ScheduledMessages } from './scheduling/index.ts';
import type { Store } from './storage/store.ts';

export interface ScheduledMessagesDeps {
  store: Store;
  kb: KnowledgeBase;
  calendar: WorkCalendar;
  logger: Logger;
  extraDaysOff?: readonly string[];
  narrate?: Narrate;
}

export function createScheduledMessages(deps: ScheduledMessagesDeps): ScheduledMessages {
  return {
    checkins: createCheckinComposer(deps.kb),
    summaries: createSummaryService({
      repo: deps.store.weeklySummaries,
      audit: deps.store.audit,
      kb: deps.kb,
      calendar: deps.calendar,
      options: { extraDaysOff: [...(deps.extraDaysOff ?? [])] },
      logger: deps.logger,
      ...(deps.narrate ? { narrate: deps.narrate } : {}),
    }),
  };
}
