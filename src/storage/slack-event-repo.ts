// Slack events claimed in the database before they are acted on, so that each event id is handled
// once across retries and across processes (the adapter's SlackEventLedger).
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/**
 * - `first`: nobody had it; act on it.
 * - `taken-over`: an earlier claim never finished and is older than the stale limit (the process
 *   died, or hangs); act on it.
 * - `done`: handled already; drop it.
 * - `in-progress`: another attempt is acting on it right now; drop it.
 */
export type SlackEventClaim = 'first' | 'taken-over' | 'done' | 'in-progress';

export interface SlackEventLedger {
  claim(eventId: string): Promise<SlackEventClaim>;
  finish(eventId: string): Promise<void>;
  /** Forgets events claimed before `before` (Slack stops retrying after about five minutes). */
  prune(before: Date): Promise<number>;
}

/** How long an unfinished claim holds before a retry may take it over. */
export const STALE_CLAIM_MS = 60_000;

export function createSlackEventRepo(db: Kysely<DatabaseSchema>, now: () => Date = () => new Date(), staleMs = STALE_CLAIM_MS): SlackEventLedger {
  return {
    async claim(eventId) {
      const at = now();
      const inserted = await db
        .insertInto('slack_event')
        .values({ event_id: eventId, status: 'claimed', claimed_at: at })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .executeTakeFirst();
      if (inserted) return 'first';
      // One statement, so that of two retries racing for a stale claim only one wins.
      const takenOver = await db
        .updateTable('slack_event')
        .set({ claimed_at: at, attempts: sql`attempts + 1` })
        .where('event_id', '=', eventId)
        .where('status', '=', 'claimed')
        .where('claimed_at', '<', new Date(at.getTime() - staleMs))
        .returning('event_id')
        .executeTakeFirst();
      if (takenOver) return 'taken-over';
      const row = await db.selectFrom('slack_event').select('status').where('event_id', '=', eventId).executeTakeFirst();
      return row?.status === 'done' ? 'done' : 'in-progress';
    },
    async finish(eventId) {
      await db.updateTable('slack_event').set({ status: 'done', finished_at: now() }).where('event_id', '=', eventId).execute();
    },
    async prune(before) {
      const result = await db.deleteFrom('slack_event').where('claimed_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
