// What a failed Bot Connector call means for a proactive send: "Teams said no" (status codes, some of
// which make the reference stale) kept apart from "the network failed" (which may or may not have
// delivered the message). Pure: the HTTP error is described by plain data.
import { z } from 'zod';
import type { SendResult } from '../../messaging/messenger.ts';

/** A connector answer that was not 2xx. */
export interface ConnectorRefusal {
  status: number;
  /** The `Retry-After` header, if any. */
  retryAfter?: string | null;
  /** The response body, usually `{ error: { code, message } }`. */
  body?: unknown;
}

export type SendFailure = { result: Exclude<SendResult, { ok: true }>; stale?: string };

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

/**
 * 403 codes that mean the user cannot be reached in this conversation until they act. Teams'
 * "Status codes from bot conversational APIs" (msteams-docs bots/build-conversational-capability.md):
 * `ForbiddenOperationException` is "Bot is not installed in user's personal scope", not to be retried.
 */
const UNREACHABLE_403 = new Set(['BotNotInConversationRoster', 'MessageWritesBlocked', 'ConversationBlockedByUser', 'BotDisabledByAdmin', 'ForbiddenOperationException']);

const DEFAULT_RETRY_AFTER_MS = 1_000;

export function classifyRefusal(refusal: ConnectorRefusal, now: Date): SendFailure {
  const code = errorBodySchema.safeParse(refusal.body).data?.error.code;
  const detail = `HTTP ${refusal.status}${code ? ` ${code}` : ''}`;
  const { status } = refusal;
  if (status === 429) return { result: { ok: false, reason: 'rate-limited', retryAfterMs: retryAfterMs(refusal.retryAfter, now) } };
  if (status === 403) {
    if (code && UNREACHABLE_403.has(code)) return { result: { ok: false, reason: 'unreachable', detail }, stale: code };
    // Another 403 (e.g. the bot's own credentials) is a configuration problem, not the user's state.
    return { result: { ok: false, reason: 'failed', retryable: false, detail } };
  }
  if (status === 404) return { result: { ok: false, reason: 'unreachable', detail }, stale: code ?? 'ConversationNotFound' };
  // 412 PreconditionFailed: "a potential concurrency issue", to be retried with backoff (same table).
  if (status === 408 || status === 412 || status >= 500) return { result: { ok: false, reason: 'failed', retryable: true, detail } };
  return { result: { ok: false, reason: 'failed', retryable: false, detail } };
}

/** `Retry-After` in seconds or as an HTTP date; never negative, 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now.getTime());
}

// Errors raised before a byte of the request left: safe to retry, nothing was delivered.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const causeSchema = z.object({ code: z.string() });
const errorWithCauseSchema = z.object({ cause: z.unknown() });

/** A failure without an HTTP answer. Only a refused connection is known not to have delivered anything. */
export function classifyNetworkError(err: unknown): SendFailure {
  const code = networkCode(err);
  const detail = code ?? (err instanceof Error ? `${err.name}: ${err.message}` : 'unknown network error');
  if (code && NOT_SENT_CODES.has(code)) return { result: { ok: false, reason: 'failed', retryable: true, detail } };
  return { result: { ok: false, reason: 'uncertain', detail } };
}

function networkCode(err: unknown): string | undefined {
  // fetch wraps the socket error: TypeError('fetch failed', { cause: { code } }).
  const direct = causeSchema.safeParse(err);
  if (direct.success) return direct.data.code;
  const cause = errorWithCauseSchema.safeParse(err);
  if (!cause.success) return undefined;
  const inner = causeSchema.safeParse(cause.data.cause);
  if (inner.success) return inner.data.code;
  const deeper = errorWithCauseSchema.safeParse(cause.data.cause);
  return deeper.success ? causeSchema.safeParse(deeper.data.cause).data?.code : undefined;
}
