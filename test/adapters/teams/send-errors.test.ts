import { describe, expect, it } from 'vitest';
import { classifyNetworkError, classifyRefusal, retryAfterMs } from '../../../src/adapters/teams/send-errors.ts';

const now = new Date('2025-03-12T10:00:00Z');
// Error bodies and codes as Teams lists them in "Status codes from bot conversational APIs"
// (msteams-docs msteams-platform/bots/build-conversational-capability.md): `{ error: { code, message } }`.
const teamsError = (code: string) => ({ error: { code, message: 'from Teams' } });

describe('classifyRefusal', () => {
  it.each(['BotNotInConversationRoster', 'MessageWritesBlocked', 'ForbiddenOperationException'])('403 %s: unreachable, reference stale', (code) => {
    expect(classifyRefusal({ status: 403, body: teamsError(code) }, now)).toEqual({ result: { ok: false, reason: 'unreachable', detail: `HTTP 403 ${code}` }, stale: code });
  });

  it('403 with another code: a non-retryable failure that leaves the reference alone', () => {
    expect(classifyRefusal({ status: 403, body: teamsError('Forbidden') }, now)).toEqual({ result: { ok: false, reason: 'failed', retryable: false, detail: 'HTTP 403 Forbidden' } });
  });

  it('404: unreachable and stale, also without a body', () => {
    expect(classifyRefusal({ status: 404, body: teamsError('ConversationNotFound') }, now).stale).toBe('ConversationNotFound');
    expect(classifyRefusal({ status: 404, body: 'Not Found' }, now)).toEqual({ result: { ok: false, reason: 'unreachable', detail: 'HTTP 404' }, stale: 'ConversationNotFound' });
  });

  it('429: rate-limited with Retry-After', () => {
    expect(classifyRefusal({ status: 429, retryAfter: '12' }, now)).toEqual({ result: { ok: false, reason: 'rate-limited', retryAfterMs: 12_000 } });
  });

  it('5xx and 408: retryable; other 4xx: not', () => {
    expect(classifyRefusal({ status: 500 }, now).result).toMatchObject({ reason: 'failed', retryable: true });
    expect(classifyRefusal({ status: 503 }, now).result).toMatchObject({ reason: 'failed', retryable: true });
    expect(classifyRefusal({ status: 408 }, now).result).toMatchObject({ reason: 'failed', retryable: true });
    // 412 PreconditionFailed: "a potential concurrency issue", retried with backoff as documented.
    expect(classifyRefusal({ status: 412, body: teamsError('PreconditionFailed') }, now)).toEqual({ result: { ok: false, reason: 'failed', retryable: true, detail: 'HTTP 412 PreconditionFailed' } });
    expect(classifyRefusal({ status: 400, body: teamsError('BadArgument') }, now).result).toMatchObject({ reason: 'failed', retryable: false });
    expect(classifyRefusal({ status: 401 }, now).result).toMatchObject({ reason: 'failed', retryable: false });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, defaulting to one second', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Wed, 12 Mar 2025 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 12 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(1000);
    expect(retryAfterMs('soon', now)).toBe(1000);
  });
});

describe('classifyNetworkError', () => {
  const fetchFailed = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

  it('a refused or unresolvable connection sent nothing: retryable', () => {
    expect(classifyNetworkError(fetchFailed('ECONNREFUSED')).result).toEqual({ ok: false, reason: 'failed', retryable: true, detail: 'ECONNREFUSED' });
    expect(classifyNetworkError(fetchFailed('ENOTFOUND')).result).toMatchObject({ reason: 'failed', retryable: true });
  });

  it('a connection lost mid-request may have delivered: uncertain', () => {
    expect(classifyNetworkError(fetchFailed('ECONNRESET')).result).toMatchObject({ reason: 'uncertain' });
    expect(classifyNetworkError(fetchFailed('UND_ERR_SOCKET')).result).toMatchObject({ reason: 'uncertain' });
    expect(classifyNetworkError(new DOMException('timed out', 'TimeoutError')).result).toMatchObject({ reason: 'uncertain' });
    expect(classifyNetworkError('weird').result).toMatchObject({ reason: 'uncertain' });
  });
});
