// Who a Slack user is, for the core: their e-mail (to match a person) and language, from
// `users.info`. Cached, because every message would otherwise cost a Web API call.
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Lang } from '../../conversation/reply.ts';
import { LANGS } from '../../i18n/lang.ts';
import type { Clock } from '../../storage/clock.ts';

export interface SlackUserProfile {
  email?: string;
  localeHint?: Lang;
  /** The person's full name as Slack has it: what an @-mention of them reads as. */
  name?: string;
}

export interface UserDirectory {
  lookup(userId: string): Promise<SlackUserProfile>;
  clear(): void;
}

const usersInfoSchema = z.object({
  user: z.object({
    locale: z.string().optional(),
    real_name: z.string().optional(),
    profile: z.object({ email: z.string().optional(), real_name: z.string().optional(), display_name: z.string().optional() }).optional(),
  }),
});

/** Slack locales look like `fi-FI`, `en-US`, `sv-SE`; Osaava speaks Finnish, English and Swedish. */
export function localeToLang(locale: string | undefined): Lang | undefined {
  const language = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === language);
}

export function createUserDirectory(deps: {
  client: webApi.WebClient;
  clock: Clock;
  logger: Logger;
  ttlMs?: number;
  /** A failed lookup is remembered briefly so a rate limit is not hammered. */
  failureTtlMs?: number;
  maxEntries?: number;
  /** The longest a rate-limited lookup waits before its one retry. */
  maxRetryWaitMs?: number;
}): UserDirectory {
  const ttlMs = deps.ttlMs ?? 60 * 60 * 1000;
  const failureTtlMs = deps.failureTtlMs ?? 60 * 1000;
  const maxEntries = deps.maxEntries ?? 10_000;
  const maxRetryWaitMs = deps.maxRetryWaitMs ?? 3000;
  const cache = new Map<string, { profile: SlackUserProfile; expiresAt: number }>();
  const pending = new Map<string, Promise<SlackUserProfile>>();

  function remember(userId: string, profile: SlackUserProfile, forMs: number): void {
    cache.delete(userId);
    // Map keeps insertion order: the first key is the oldest entry.
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(userId, { profile, expiresAt: deps.clock.now().getTime() + forMs });
  }

  /** users.info, tried twice: a rate limit (waiting as Slack asks, up to a few seconds) or a timeout is often gone at once. */
  async function usersInfo(userId: string): Promise<unknown> {
    try {
      return await deps.client.users.info({ user: userId, include_locale: true });
    } catch (err) {
      if (err instanceof webApi.WebAPIPlatformError) throw err; // Slack answered: asking again changes nothing.
      const waitMs = err instanceof webApi.WebAPIRateLimitedError ? Math.min(err.retryAfter * 1000, maxRetryWaitMs) : 250;
      deps.logger.info({ userId, waitMs, err }, 'users.info failed; trying once more');
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      return deps.client.users.info({ user: userId, include_locale: true });
    }
  }

  async function fetchProfile(userId: string): Promise<SlackUserProfile> {
    try {
      const result = usersInfoSchema.parse(await usersInfo(userId));
      const email = result.user.profile?.email || undefined;
      const localeHint = localeToLang(result.user.locale);
      const name = result.user.profile?.real_name || result.user.real_name || result.user.profile?.display_name || undefined;
      const profile: SlackUserProfile = { ...(email ? { email } : {}), ...(localeHint ? { localeHint } : {}), ...(name ? { name } : {}) };
      remember(userId, profile, ttlMs);
      return profile;
    } catch (err) {
      // The core still knows a linked person by their Slack id; only a first match by e-mail waits.
      deps.logger.warn({ err, userId }, 'users.info failed; going on without e-mail and locale');
      remember(userId, {}, failureTtlMs);
      return {};
    }
  }

  return {
    lookup(userId) {
      const hit = cache.get(userId);
      if (hit && hit.expiresAt > deps.clock.now().getTime()) return Promise.resolve(hit.profile);
      const inFlight = pending.get(userId);
      if (inFlight) return inFlight;
      const request = fetchProfile(userId).finally(() => pending.delete(userId));
      pending.set(userId, request);
      return request;
    },
    clear() {
      cache.clear();
    },
  };
}
