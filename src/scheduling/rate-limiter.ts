// One send-rate limiter per workspace/tenant key (`slack:T123`), shared by every instance through
// the database: the adaptive rate's state (adaptive-rate.ts) is one `send_rate` row, read under a
// row lock, changed and written back in one short transaction. Concurrent takers queue on the lock;
// the platform's Retry-After blocks the key for everyone, and the rate it learnt outlives a restart.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';
import { burstOf, initialState, type RateState, rateLimited, take } from './adaptive-rate.ts';
import type { RateLimit } from './scheduler-options.ts';

export interface RateGrant {
  /** Tokens taken now (0 … wanted). */
  granted: number;
  /** When the next token frees (≥ now). */
  nextAt: Date;
  /** The key's rate now (messages a second), and how many tokens it lets go at once. */
  perSecond: number;
  burst: number;
  /** None were given because a more urgent kind (check-ins) holds the rate: better to give the rows back than to wait. */
  yielded?: boolean;
}

export interface TakeOptions {
  /** 0 check-ins (and their notices), 1 reminders, 2 summaries: a lower kind waits while a more urgent one sends. */
  priority?: number;
  priorityHoldMs?: number;
}

export interface RateLimiter {
  take(key: string, limit: RateLimit, wanted: number, now: Date, options?: TakeOptions): Promise<RateGrant>;
  /** The platform answered 429 with Retry-After: nobody sends on `key` before `until`, and the rate falls. */
  block(key: string, until: Date, now: Date, limit?: RateLimit): Promise<void>;
  /** The current rates of a platform's keys (messages a second), summed; null when none was used yet. */
  platformRate(platform: string): Promise<number | null>;
}

interface StateRow {
  next_free_at: Date;
  blocked_until: Date | null;
  rate_per_second: number | null;
  ceiling_per_second: number | null;
  rate_changed_at: Date | null;
  decreased_at: Date | null;
  priority: number | null;
  priority_until: Date | null;
  rate_limited_count: number;
}

const ms = (at: Date | null): number | null => (at === null ? null : new Date(at).getTime());
const at = (value: number | null): Date | null => (value === null ? null : new Date(value));

function stateOf(row: StateRow, limit: RateLimit, nowMs: number): RateState {
  const fresh = initialState(limit, nowMs);
  return {
    tatMs: new Date(row.next_free_at).getTime(),
    // A fixed limit (min = max) wins over what an adaptive one learnt before.
    perSecond: Math.min(limit.maxPerSecond ?? Number.POSITIVE_INFINITY, Math.max(limit.minPerSecond, row.rate_per_second ?? fresh.perSecond)),
    ceilingPerSecond: row.ceiling_per_second ?? fresh.ceilingPerSecond,
    changedAtMs: ms(row.rate_changed_at),
    decreasedAtMs: ms(row.decreased_at),
    blockedUntilMs: ms(row.blocked_until),
    priority: row.priority,
    priorityUntilMs: ms(row.priority_until),
    rateLimitedCount: row.rate_limited_count,
  };
}

/** Without a limit (a bare `block`), the row's learnt rate is kept as it is. */
const KEEP: RateLimit = { initialPerSecond: 1, minPerSecond: Number.MIN_VALUE, increasePerSecond: 1, probePerSecond: 1, slowStartFactor: 1, decreaseFactor: 0.999999, burstSeconds: 1 };

export function createRateLimiter(db: Kysely<DatabaseSchema>): RateLimiter {
  const known = new Set<string>();

  async function ensure(key: string, now: Date): Promise<void> {
    if (known.has(key)) return;
    await db.insertInto('send_rate').values({ key, next_free_at: now, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).execute();
    known.add(key);
  }

  async function change<T>(key: string, now: Date, apply: (state: StateRow) => { state: RateState; result: T }): Promise<T> {
    await ensure(key, now);
    return db.transaction().execute(async (trx: Transaction<DatabaseSchema>) => {
      const found = await sql<StateRow>`
        SELECT next_free_at, blocked_until, rate_per_second, ceiling_per_second, rate_changed_at, decreased_at, priority, priority_until, rate_limited_count
        FROM send_rate WHERE key = ${key} FOR UPDATE
      `.execute(trx);
      const row = found.rows[0];
      if (!row) throw new Error(`send_rate row ${key} vanished`);
      const { state, result } = apply(row);
      await trx
        .updateTable('send_rate')
        .set({
          next_free_at: new Date(state.tatMs),
          blocked_until: at(state.blockedUntilMs),
          rate_per_second: state.perSecond,
          ceiling_per_second: state.ceilingPerSecond,
          rate_changed_at: at(state.changedAtMs),
          decreased_at: at(state.decreasedAtMs),
          priority: state.priority,
          priority_until: at(state.priorityUntilMs),
          rate_limited_count: state.rateLimitedCount,
          updated_at: now,
        })
        .where('key', '=', key)
        .execute();
      return result;
    });
  }

  return {
    async take(key, limit, wanted, now, options = {}) {
      if (wanted <= 0) return { granted: 0, nextAt: now, perSecond: limit.initialPerSecond, burst: burstOf(limit, limit.initialPerSecond) };
      const nowMs = now.getTime();
      return change(key, now, (row) => {
        const taken = take(limit, stateOf(row, limit, nowMs), { wanted, nowMs, priority: options.priority ?? 0, priorityHoldMs: options.priorityHoldMs ?? 0 });
        return { state: taken.state, result: { granted: taken.granted, nextAt: new Date(taken.nextAtMs), perSecond: taken.state.perSecond, burst: burstOf(limit, taken.state.perSecond), ...(taken.yielded ? { yielded: true } : {}) } };
      });
    },

    async block(key, until, now, limit) {
      const nowMs = now.getTime();
      await change(key, now, (row) => {
        const rules = limit ?? KEEP;
        const state = rateLimited(rules, stateOf(row, rules, nowMs), until.getTime(), nowMs);
        // A bare block never changes the rate it does not know the rules of.
        return { state: limit ? state : { ...state, perSecond: row.rate_per_second ?? state.perSecond, ceilingPerSecond: row.ceiling_per_second, changedAtMs: ms(row.rate_changed_at), decreasedAtMs: ms(row.decreased_at) }, result: undefined };
      });
    },

    async platformRate(platform) {
      const row = await db
        .selectFrom('send_rate')
        .select((eb) => eb.fn.sum<number | null>('rate_per_second').as('total'))
        .where('key', 'like', `${platform}:%`)
        .executeTakeFirst();
      return row?.total === null || row?.total === undefined ? null : Number(row.total);
    },
  };
}
