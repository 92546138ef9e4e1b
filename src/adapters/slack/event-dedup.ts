// Each Slack event is acted on once. Slack delivers events at least once: it retries over HTTP
// (X-Slack-Retry-Num / X-Slack-Retry-Reason: http_timeout, http_error, …) and in Socket Mode
// (retry_attempt / retry_reason), and several Osaava processes may serve one app. Before any listener
// runs, the event's `event_id` is claimed in a ledger (the database, shared by every process); a
// redelivery of an event that was handled, or is being handled, is dropped (Bolt has acknowledged it
// already). A claim that never finished and is older than a minute (its process died) is taken over by
// the next retry, so an event is not lost either. Slash commands and interactions have no event id and
// are never redelivered by Slack; they pass through.
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../../storage/clock.ts';
import { STALE_CLAIM_MS, type SlackEventClaim, type SlackEventLedger } from '../../storage/slack-event-repo.ts';

export type { SlackEventLedger } from '../../storage/slack-event-repo.ts';

/** Slack stops retrying an event after about five minutes (three retries); a day is plenty. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY = 500;

const eventEnvelopeSchema = z.object({ type: z.literal('event_callback'), event_id: z.string().min(1) });

export function eventIdOf(body: unknown): string | undefined {
  const parsed = eventEnvelopeSchema.safeParse(body);
  return parsed.success ? parsed.data.event_id : undefined;
}

/** Without a database: one process only, forgotten on restart. */
export function createInMemoryEventLedger(clock: Clock, staleMs = STALE_CLAIM_MS): SlackEventLedger {
  const events = new Map<string, { status: 'claimed' | 'done'; claimedAt: number }>();
  return {
    async claim(eventId) {
      const now = clock.now().getTime();
      const row = events.get(eventId);
      if (!row) {
        events.set(eventId, { status: 'claimed', claimedAt: now });
        return 'first';
      }
      if (row.status === 'done') return 'done';
      if (row.claimedAt < now - staleMs) {
        row.claimedAt = now;
        return 'taken-over';
      }
      return 'in-progress';
    },
    async finish(eventId) {
      const row = events.get(eventId);
      if (row) row.status = 'done';
    },
    async prune(before) {
      let removed = 0;
      for (const [id, row] of events) {
        if (row.claimedAt < before.getTime()) {
          events.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
  };
}

/** Global Bolt middleware: claims the event before the listeners run and marks it done after them. */
export function dedupEvents(deps: { ledger: SlackEventLedger; clock: Clock; log: Logger }): Middleware<AnyMiddlewareArgs> {
  let claims = 0;
  return async ({ body, context, next }) => {
    const eventId = eventIdOf(body);
    if (!eventId) {
      await next();
      return;
    }
    const retry = { eventId, retryNum: context.retryNum, retryReason: context.retryReason };
    let claim: SlackEventClaim;
    try {
      claim = await deps.ledger.claim(eventId);
    } catch (err) {
      // Answering twice is better than never answering: without the ledger the event is acted on.
      deps.log.error({ err, ...retry }, 'could not claim a Slack event; handling it unchecked');
      await next();
      return;
    }
    if (claim === 'done' || claim === 'in-progress') {
      deps.log.info({ ...retry, claim }, 'Slack event delivered again; already handled, dropped');
      return;
    }
    if (claim === 'taken-over') deps.log.warn(retry, 'Slack event retried after an attempt that never finished; handling it');
    try {
      await next();
    } finally {
      await deps.ledger.finish(eventId).catch((err: unknown) => deps.log.warn({ err, eventId }, 'could not mark a Slack event done'));
      claims += 1;
      if (claims % PRUNE_EVERY === 0) {
        await deps.ledger.prune(new Date(deps.clock.now().getTime() - KEEP_MS)).catch((err: unknown) => deps.log.warn({ err }, 'could not prune old Slack events'));
      }
    }
  };
}
