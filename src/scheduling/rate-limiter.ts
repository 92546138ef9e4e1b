// One send-rate limiter per workspace/tenant key (`slack:T123`), shared by every instance through
// the database: a GCRA token bucket whose state is one timestamp, taken in one atomic statement.
// The platform's Retry-After blocks the key for everyone.
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { RateLimit } from './scheduler-options.ts';

export interface RateGrant {
  /** Tokens taken now (0 … wanted). */
  granted: number;
  /** When the next token frees (≥ now). */
  nextAt: Date;
}

export interface RateLimiter {
  take(key: string, limit: RateLimit, wanted: number, now: Date): Promise<RateGrant>;
  /** The platform answered 429 with Retry-After: nobody sends on `key` before `until`. */
  block(key: string, until: Date, now: Date): Promise<void>;
}

interface TakeRow {
  granted: number;
  tat_ms: number;
  blocked_ms: number | null;
}

export function createRateLimiter(db: Kysely<DatabaseSchema>): RateLimiter {
  const known = new Set<string>();

  async function ensure(key: string, now: Date): Promise<void> {
    if (known.has(key)) return;
    await db.insertInto('send_rate').values({ key, next_free_at: now, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).execute();
    known.add(key);
  }

  return {
    async take(key, limit, wanted, now) {
      if (wanted <= 0) return { granted: 0, nextAt: now };
      await ensure(key, now);
      const nowMs = now.getTime();
      const interval = 1000 / limit.perSecond;
      const tolerance = (limit.burst - 1) * interval;
      // base = max(tat, now); k tokens fit while base + (k-1)·T − τ ≤ now. One UPDATE: every SET
      // expression reads the row as it was, and concurrent takers queue on the row lock.
      const tat = sql`(extract(epoch FROM next_free_at)::float8 * 1000)`;
      const base = sql`GREATEST(${tat}, ${nowMs}::float8)`;
      const granted = sql`(CASE WHEN blocked_until IS NOT NULL AND blocked_until > to_timestamp(${nowMs}::float8 / 1000) THEN 0
        ELSE LEAST(${wanted}::int, GREATEST(0, floor((${nowMs}::float8 + ${tolerance}::float8 - ${base}) / ${interval}::float8)::int + 1)) END)`;
      const result = await sql<TakeRow>`
        UPDATE send_rate
        SET last_granted = ${granted},
            next_free_at = CASE WHEN ${granted} > 0 THEN to_timestamp((${base} + ${granted} * ${interval}::float8) / 1000.0) ELSE next_free_at END,
            updated_at = ${now}
        WHERE key = ${key}
        RETURNING last_granted AS granted, extract(epoch FROM next_free_at)::float8 * 1000 AS tat_ms,
                  extract(epoch FROM blocked_until)::float8 * 1000 AS blocked_ms
      `.execute(db);
      const row = result.rows[0];
      if (!row) throw new Error(`send_rate row ${key} vanished`);
      const freeAt = Math.max(nowMs, row.tat_ms - tolerance, row.blocked_ms ?? 0);
      return { granted: row.granted, nextAt: new Date(Math.ceil(freeAt)) };
    },

    async block(key, until, now) {
      await ensure(key, now);
      await db
        .updateTable('send_rate')
        .set({ blocked_until: sql<Date>`GREATEST(coalesce(blocked_until, ${until}::timestamptz), ${until}::timestamptz)`, updated_at: now })
        .where('key', '=', key)
        .execute();
    },
  };
}
