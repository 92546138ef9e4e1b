// A failed Web API call as the scheduler needs to see it. "Slack said no" (unreachable, failed) is
// kept apart from "the network failed", and a request that may have reached Slack is `uncertain`:
// Slack has no idempotency key, so repeating it could post twice.
import { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { SendResult } from '../../messaging/messenger.ts';

export type SendFailure = Exclude<SendResult, { ok: true }>;

/** Slack's answers meaning "this person cannot get a DM from the bot" (gone, deactivated, wrong id). */
const UNREACHABLE = new Set(['user_not_found', 'channel_not_found', 'not_in_channel', 'cannot_dm_bot', 'is_archived', 'user_disabled']);
/**
 * Slack's answers about Osaava's own bot token, never about the recipient (chat.postMessage's docs:
 * `account_inactive` is "authentication token is for a deleted user or workspace"). Every send fails
 * the same way until an admin fixes the app, so they pause sending instead of failing each check-in.
 */
const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'missing_scope', 'not_allowed_token_type', 'ekm_access_denied', 'team_access_not_granted']);
/** The Web API client's error for a 429 whose Retry-After is missing or unreadable. */
const RETRY_HEADER_MISSING = /Retry header did not contain a valid timeout/;

export interface TokenProblem {
  code: string;
  /** For `missing_scope`: the scope Slack asked for. */
  needed?: string;
}

/** Slack refused the bot token itself (revoked, wrong, missing a scope); undefined for anything else. */
export function tokenProblemOf(error: unknown): TokenProblem | undefined {
  if (!(error instanceof webApi.WebAPIPlatformError) || !TOKEN_REFUSED.has(error.data.error)) return undefined;
  const needed = z.object({ needed: z.string() }).safeParse(error.data).data?.needed;
  return { code: error.data.error, ...(typeof needed === 'string' ? { needed } : {}) };
}
/** Slack's own transient failures. */
const RETRYABLE = new Set(['internal_error', 'fatal_error', 'service_unavailable']);
const RATE_LIMITED = new Set(['ratelimited', 'rate_limited']);
/** Connection errors that happen before a byte of the request was sent: Slack cannot have seen it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
/** Without a Retry-After, wait long enough to get out of Slack's per-minute windows. */
export const DEFAULT_RETRY_AFTER_MS = 30_000;

function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const own = 'code' in error && typeof error.code === 'string' ? [error.code] : [];
  const cause = 'cause' in error ? codesOf(error.cause, depth + 1) : [];
  const inner = 'errors' in error && Array.isArray(error.errors) ? error.errors.flatMap((e: unknown) => codesOf(e, depth + 1)) : [];
  return [...own, ...cause, ...inner];
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function classifySendError(error: unknown): SendFailure {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { ok: false, reason: 'rate-limited', retryAfterMs: Math.max(1, error.retryAfter) * 1000 };
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (RATE_LIMITED.has(code)) {
      const seconds = error.data.response_metadata?.retryAfter;
      return { ok: false, reason: 'rate-limited', retryAfterMs: seconds ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS };
    }
    if (UNREACHABLE.has(code)) return { ok: false, reason: 'unreachable', detail: code };
    return { ok: false, reason: 'failed', retryable: RETRYABLE.has(code), detail: code };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    return { ok: false, reason: 'failed', retryable: error.statusCode >= 500, detail: `HTTP ${error.statusCode}` };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    const codes = codesOf(error.original);
    if (codes.some((c) => NOT_SENT.has(c))) return { ok: false, reason: 'failed', retryable: true, detail: `not sent: ${codes.join(', ')}` };
    return { ok: false, reason: 'uncertain', detail: `${message(error.original)}${codes.length ? ` (${codes.join(', ')})` : ''}` };
  }
  // A 429 is Slack refusing the call: nothing was posted, whether or not it said how long to wait.
  if (error instanceof Error && RETRY_HEADER_MISSING.test(error.message)) {
    return { ok: false, reason: 'rate-limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS };
  }
  // Anything else (a bug) leaves us not knowing whether Slack posted it.
  return { ok: false, reason: 'uncertain', detail: message(error) };
}
