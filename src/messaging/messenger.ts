// The outbound port: check-ins, reminders and summaries leave through one platform-neutral
// messenger. Each platform adapter implements it; the scheduler never sees a platform SDK.
import type { Platform } from '../chat/incoming.ts';
import type { Reply } from '../chat/reply.ts';

export interface OutboundAddress {
  platform: Platform;
  tenantId: string;
  userId: string;
}

/**
 * "The remote said no" is kept apart from "the network failed": only what can succeed on retry is
 * retried, and a send that may have been accepted is `uncertain`, never blindly repeated.
 */
export type SendResult =
  | { ok: true; messageId?: string }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number }
  | { ok: false; reason: 'unreachable'; detail: string }
  | { ok: false; reason: 'uncertain'; detail: string }
  | { ok: false; reason: 'failed'; retryable: boolean; detail: string };

export interface Messenger {
  readonly platform: Platform;
  send(to: OutboundAddress, replies: Reply[]): Promise<SendResult>;
}
