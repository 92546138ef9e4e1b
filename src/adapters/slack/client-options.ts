// Web API client settings. By default the client retries a rate-limited call for about half an hour;
// here a 429 is handed straight back, so the scheduler's own rate limiter decides when to send again.
import type { Logger as BoltLogger, webApi } from '@slack/bolt';

export type ClientPurpose = 'interactive' | 'outbound';

const retryConfigs: Record<ClientPurpose, webApi.RetryOptions> = {
  // Replies to a user who is waiting: one quick retry of a network error or a 5xx.
  interactive: { retries: 1, factor: 1, minTimeout: 250, maxTimeout: 1000, randomize: true },
  // Scheduled sends: a repeat after a lost response could post twice, so the caller decides.
  outbound: { retries: 0 },
};

export function webClientOptions(opts: { apiUrl?: string; logger: BoltLogger; purpose: ClientPurpose }): webApi.WebClientOptions {
  return {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    // No `logLevel`: the client follows the logger's (bolt-logger.ts), so its debug lines, whole requests
    // and responses with e-mails and message text, exist only with LOG_LEVEL=debug.
    logger: opts.logger,
    rejectRateLimitedCalls: true,
    retryConfig: retryConfigs[opts.purpose],
    timeout: opts.purpose === 'interactive' ? 10_000 : 15_000,
  };
}
