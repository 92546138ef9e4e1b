// The port through which the scheduler gets a weekly summary's text; src/summaries implements it.
import type { Lang, MessageReply } from '../chat/reply.ts';
import type { SummaryRole } from '../storage/schema.ts';

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
