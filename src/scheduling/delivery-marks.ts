// Writing a delivery's outcome back. Every update checks our lease (owner and an in-flight
// status), so an instance that lost its lease cannot overwrite what another one decided.
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';
import { columnsOf, countsAttempts, type DeliveryKind } from './delivery-kinds.ts';

export interface SentMark {
  id: string;
  ref: string | null;
  at: Date;
}

const IN_FLIGHT = sql`('sending', 'uncertain')`;

/** Marks delivered rows in one statement; a check-in also gets its reminder planned. */
export async function markSent(
  db: Kysely<DatabaseSchema>,
  kind: DeliveryKind,
  owner: string,
  marks: readonly SentMark[],
  options: { reminderAfterMs: number; resolution?: string },
): Promise<number> {
  if (marks.length === 0) return 0;
  const ids = marks.map((m) => m.id);
  // `id = ANY (ids)` as well as the join: the primary key then drives the update, whatever the
  // (often stale, on PGlite) statistics say about the rows in flight.
  const byId = sql`AND c.id = ANY (${ids}::text[])`;
  const values = sql`(SELECT unnest(${ids}::text[]) AS id,
      unnest(${marks.map((m) => m.ref)}::text[]) AS ref,
      unnest(${marks.map((m) => m.at.toISOString())}::timestamptz[]) AS at) v`;
  const resolution = options.resolution ?? null;
  const after = sql`(v.at + ${options.reminderAfterMs}::float8 * interval '1 millisecond')`;
  // How late against the first due time (a rate-limit deferral moves the due time, not the promise).
  const late = (first: string, due: string) => sql`greatest(0, round(extract(epoch FROM (v.at - coalesce(${sql.ref(first)}, ${sql.ref(due)}))) * 1000))::int`;
  const query = (() => {
    switch (kind) {
      case 'checkin':
        return sql`UPDATE checkin c SET status = 'sent', sent_at = v.at, message_ref = v.ref, last_error = NULL, late_ms = ${late('c.first_due_at', 'c.due_at')},
            lease_owner = NULL, lease_until = NULL, updated_at = v.at, resolution = coalesce(${resolution}, c.resolution),
            reminder_due_at = ${after},
            reminder_status = CASE WHEN c.reminder_status <> 'none' THEN c.reminder_status
                                   WHEN ${after} < c.expires_at THEN 'pending' ELSE 'skipped' END
          FROM ${values}
          WHERE c.id = v.id ${byId} AND c.lease_owner = ${owner} AND c.status IN ${IN_FLIGHT}`;
      case 'reminder':
        return sql`UPDATE checkin c SET reminder_status = 'sent', reminder_sent_at = v.at, last_error = NULL,
            reminder_late_ms = ${late('c.reminder_first_due_at', 'c.reminder_due_at')},
            lease_owner = NULL, lease_until = NULL, updated_at = v.at, resolution = coalesce(${resolution}, c.resolution)
          FROM ${values}
          WHERE c.id = v.id ${byId} AND c.lease_owner = ${owner} AND c.reminder_status IN ${IN_FLIGHT}`;
      case 'summary':
        return sql`UPDATE summary_delivery d SET status = 'sent', sent_at = v.at, message_ref = v.ref, last_error = NULL, late_ms = ${late('d.first_due_at', 'd.due_at')},
            lease_owner = NULL, lease_until = NULL, updated_at = v.at, resolution = coalesce(${resolution}, d.resolution)
          FROM ${values}
          WHERE d.id = v.id AND d.id = ANY (${ids}::text[]) AND d.lease_owner = ${owner} AND d.status IN ${IN_FLIGHT}`;
    }
  })();
  const result = await query.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

type Change =
  /** Not sent; try again at `at` (a rate limit does not use up an attempt, and is counted). */
  | { to: 'pending'; at: Date; error: string | null; refundAttempt: boolean; rateLimited?: boolean }
  | { to: 'failed'; error: string }
  /** Sent or not, nobody knows: the resolver takes it from here. */
  | { to: 'uncertain'; error: string }
  /** Resolution gave up: stays uncertain, reported in the summaries. */
  | { to: 'reported'; error: string }
  /** Not needed any more (the day is over, the student answered meanwhile). */
  | { to: 'skipped'; reason: string };

/** One row's new state, if the row is still ours. Returns false when the lease was lost. */
export async function markRow(db: Kysely<DatabaseSchema>, kind: DeliveryKind, owner: string, id: string, now: Date, change: Change): Promise<boolean> {
  const c = columnsOf(kind);
  const refund = change.to === 'pending' && change.refundAttempt && countsAttempts(kind) ? sql`, attempts = greatest(attempts - 1, 0)` : sql``;
  const set = (() => {
    switch (change.to) {
      case 'pending':
        return sql`${c.status} = 'pending', ${c.firstDue} = coalesce(${c.firstDue}, ${c.due}), ${c.due} = ${change.at},
          last_error = ${change.error}${refund}${change.rateLimited ? sql`, rate_limited = rate_limited + 1` : sql``}`;
      case 'failed':
        return sql`${c.status} = 'failed', last_error = ${change.error}`;
      case 'uncertain':
        return sql`${c.status} = 'uncertain', last_error = ${change.error}`;
      case 'reported':
        return sql`${c.status} = 'uncertain', resolution = ${`${kind}:reported`}, last_error = ${change.error}`;
      case 'skipped':
        return kind === 'reminder'
          ? sql`${c.status} = 'skipped'`
          : sql`${c.status} = 'skipped', skip_reason = ${change.reason}`;
    }
  })();
  const result = await sql`
    UPDATE ${c.table} SET ${set}, lease_owner = NULL, lease_until = NULL, updated_at = ${now}
    WHERE id = ${id} AND lease_owner = ${owner} AND ${c.status} IN ${IN_FLIGHT}
  `.execute(db);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/** Claimed rows the rate limiter could not serve soon: back to pending at `at`, attempt refunded. */
export async function releaseRows(db: Kysely<DatabaseSchema>, kind: DeliveryKind, owner: string, ids: readonly string[], at: Date, now: Date): Promise<void> {
  if (ids.length === 0) return;
  const c = columnsOf(kind);
  const refund = countsAttempts(kind) ? sql`, attempts = greatest(attempts - 1, 0)` : sql``;
  await sql`
    UPDATE ${c.table} SET ${c.status} = 'pending', ${c.firstDue} = coalesce(${c.firstDue}, ${c.due}), ${c.due} = greatest(${c.due}, ${at}::timestamptz)${refund},
      lease_owner = NULL, lease_until = NULL, updated_at = ${now}
    WHERE id = ANY (${[...ids]}::text[]) AND lease_owner = ${owner} AND ${c.status} = 'sending'
  `.execute(db);
}

/** Records a resolution step before acting on it (e.g. before the one "ignore if received" notice). */
export async function setResolution(db: Kysely<DatabaseSchema>, kind: DeliveryKind, owner: string, id: string, step: string, now: Date): Promise<boolean> {
  const c = columnsOf(kind);
  const result = await sql`
    UPDATE ${c.table} SET resolution = ${`${kind}:${step}`}, updated_at = ${now}
    WHERE id = ${id} AND lease_owner = ${owner} AND ${c.status} = 'uncertain'
  `.execute(db);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/** Gives an uncertain row back untouched until `at` (the limiter had no token for its notice). */
export async function deferUncertain(db: Kysely<DatabaseSchema>, kind: DeliveryKind, owner: string, id: string, at: Date, now: Date): Promise<void> {
  const c = columnsOf(kind);
  await sql`
    UPDATE ${c.table} SET lease_owner = NULL, lease_until = ${at}, resolution = NULL, updated_at = ${now}
    WHERE id = ${id} AND lease_owner = ${owner} AND ${c.status} = 'uncertain'
  `.execute(db);
}
