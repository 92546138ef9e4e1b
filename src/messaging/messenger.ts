// The outbound port: check-ins, reminders and summaries leave through one platform-neutral
// messenger. Each platform adapter implements it; the scheduler never sees a platform SDK.
import type { Platform } from '../conversation/incoming.ts';
import type { Reply } from '../conversation/reply.ts';

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

export interface SendOptions {
  /**
   * Stable id of this delivery (e.g. `checkin:pl_1:2026-12-01`). A messenger that can attach it to the
   * message (Slack message metadata, say) can later answer `confirm` for it.
   */
  deliveryKey?: string;
}

/** Whether a delivery whose outcome was lost reached the user, as far as the platform can tell. */
export type ConfirmResult = 'delivered' | 'not-delivered' | 'unknown';

export interface Messenger {
  readonly platform: Platform;
  send(to: OutboundAddress, replies: Reply[], options?: SendOptions): Promise<SendResult>;
  /**
   * Optional: looks for the delivery with this key sent to `to` since `since`. The scheduler asks this
   * before resolving an uncertain send; without it, it sends a short "ignore this if you already got
   * it" variant once instead.
   */
  confirm?(to: OutboundAddress, deliveryKey: string, since: Date): Promise<ConfirmResult>;
}
