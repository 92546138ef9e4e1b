// What a messenger's answer means for the row. Pure: only what can succeed on retry is retried,
// a rate limit waits for the platform's Retry-After without using up an attempt, and a send that
// may have been accepted is never repeated from here.
import type { SendResult } from '../messaging/messenger.ts';

export type Outcome =
  | { kind: 'sent'; ref: string | null }
  | { kind: 'retry'; at: Date; error: string; refundAttempt: boolean; blockUntil: Date | null }
  | { kind: 'failed'; error: string }
  | { kind: 'uncertain'; error: string };

export interface RetryPolicy {
  backoffSeconds: number;
  maxBackoffSeconds: number;
  maxAttempts: number;
}

export function decideOutcome(result: SendResult, attempts: number, now: Date, policy: RetryPolicy): Outcome {
  if (result.ok) return { kind: 'sent', ref: result.messageId ?? null };
  switch (result.reason) {
    case 'rate-limited': {
      const at = new Date(now.getTime() + Math.max(0, result.retryAfterMs));
      return { kind: 'retry', at, error: `rate-limited, retry after ${result.retryAfterMs} ms`, refundAttempt: true, blockUntil: at };
    }
    case 'unreachable':
      return { kind: 'failed', error: `unreachable: ${result.detail}` };
    case 'uncertain':
      return { kind: 'uncertain', error: `uncertain: ${result.detail}` };
    case 'failed': {
      if (!result.retryable) return { kind: 'failed', error: `failed: ${result.detail}` };
      if (attempts >= policy.maxAttempts) return { kind: 'failed', error: `failed after ${attempts} attempts: ${result.detail}` };
      return { kind: 'retry', at: new Date(now.getTime() + backoffMs(attempts, policy)), error: `failed: ${result.detail}`, refundAttempt: false, blockUntil: null };
    }
  }
}

export function backoffMs(attempts: number, policy: RetryPolicy): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.backoffSeconds * 2 ** exponent, policy.maxBackoffSeconds) * 1000;
}
