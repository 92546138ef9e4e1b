// The ports through which the scheduler gets what it sends: the check-in feature writes the daily
// card, the weekly-summaries feature the summaries. The scheduler only decides when and to whom.
import type { FormReply, Lang, MessageReply } from '../conversation/reply.ts';
import type { SummaryRole } from '../storage/schema.ts';

export type CheckinVariant = 'checkin' | 'reminder' | 'notice';

export interface CheckinRequest {
  unitIds: readonly string[];
  placementId: string;
  localDate: string;
  lang: Lang;
  variant: CheckinVariant;
}

/** One form (one platform message) per check-in, so that a send is all-or-nothing. */
export type CheckinComposer = (request: CheckinRequest) => FormReply;

export interface SummaryRequest {
  /** The delivery row's id; the answer is keyed by it. */
  id: string;
  recipientId: string;
  role: SummaryRole;
  weekStart: string;
  lang: Lang;
}

export interface SummaryComposer {
  /** One reply per request, or null when there is nothing to report to that recipient that week. */
  compose(requests: readonly SummaryRequest[], asOf: Date): Promise<Map<string, MessageReply | null>>;
}

export interface ScheduledMessages {
  checkins: CheckinComposer;
  summaries: SummaryComposer;
}

/** The key a messenger can attach to the message and later look for (`confirm`). */
export function deliveryKey(kind: 'checkin' | 'reminder' | 'summary', parts: readonly string[]): string {
  return [kind, ...parts].join(':');
}
