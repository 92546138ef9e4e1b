// Slack request signing, v0: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the app's
// signing secret. A pure check with the clock passed in; failure throws, so a caller cannot drop it.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's own rule: a request more than five minutes away from our clock may be a replay. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

export type SignatureFailure = 'missing-headers' | 'bad-timestamp' | 'stale' | 'malformed-signature' | 'mismatch';

export class SlackSignatureError extends Error {
  override name = 'SlackSignatureError';
  constructor(readonly reason: SignatureFailure) {
    super(`Slack request signature rejected: ${reason}`);
  }
}

export interface SignedRequest {
  rawBody: Buffer;
  /** The `X-Slack-Signature` header. */
  signature: string | undefined;
  /** The `X-Slack-Request-Timestamp` header (Unix seconds). */
  timestamp: string | undefined;
}

export function computeSlackSignature(signingSecret: string, timestamp: string, rawBody: Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** Throws `SlackSignatureError` unless the request was signed with `signingSecret` within five minutes of `now`. */
export function verifySlackSignature(signingSecret: string, request: SignedRequest, now: Date): void {
  if (!signingSecret) throw new Error('verifySlackSignature needs a signing secret');
  const { signature, timestamp, rawBody } = request;
  if (!signature || !timestamp) throw new SlackSignatureError('missing-headers');
  if (!/^\d{1,12}$/.test(timestamp)) throw new SlackSignatureError('bad-timestamp');
  // Both directions: Bolt only refuses old timestamps, but a far-future one is as suspicious.
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS) throw new SlackSignatureError('stale');
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) throw new SlackSignatureError('malformed-signature');
  const expected = Buffer.from(computeSlackSignature(signingSecret, timestamp, rawBody));
  const given = Buffer.from(signature);
  if (!timingSafeEqual(expected, given)) throw new SlackSignatureError('mismatch');
}
