// Claiming due rows: one statement per batch, `WITH picked AS (SELECT … FOR UPDATE SKIP LOCKED)
// UPDATE … FROM picked`, which moves the rows to 'sending' under our lease. Two instances never get
// the same row: a row another transaction holds is skipped, and one it already moved no longer
// matches. Picking in due order without a tie-break lets the scan stop at the batch size.
import { type Kysely, sql } from 'kysely';
import type { Lang } from '../conversation/reply.ts';
import type { DatabaseSchema, SummaryRole } from '../storage/schema.ts';

export interface Lease {
  owner: string;
  until: Date;
}

/** A check-in or a reminder, both about one placement's day. */
export interface ClaimedCheckin {
  kind: 'checkin' | 'reminder';
  id: string;
  placementId: string;
  recipientId: string;
  localDate: string;
  attempts: number;
  unitIds: string[];
  lang: Lang;
  /** When the check-in went out (reminders: the time a confirm looks from). */
  sentAt: Date | null;
  /** The end of the local day: nothing about this day is sent after it. */
  expiresAt: Date;
  resolution: string | null;
}

export interface ClaimedSummary {
  kind: 'summary';
  id: string;
  recipientId: string;
  role: SummaryRole;
  weekStart: string;
  attempts: number;
  lang: Lang;
  sentAt: Date | null;
  resolution: string | null;
}

export type Claimed = ClaimedCheckin | ClaimedSummary;

interface CheckinClaimRow {
  id: string;
  placement_id: string;
  student_id: string;
  local_date: string;
  attempts: number;
  unit_ids: string[];
  lang: Lang;
  sent_at: Date | null;
  expires_at: Date;
  resolution: string | null;
}

interface SummaryClaimRow {
  id: string;
  recipient_id: string;
  role: SummaryRole;
  week_start: string;
  attempts: number;
  lang: Lang;
  sent_at: Date | null;
  resolution: string | null;
}

const toCheckin =
  (kind: 'checkin' | 'reminder') =>
  (row: CheckinClaimRow): ClaimedCheckin => ({
    kind,
    id: row.id,
    placementId: row.placement_id,
    recipientId: row.student_id,
    localDate: row.local_date,
    attempts: row.attempts,
    unitIds: row.unit_ids,
    lang: row.lang,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    resolution: row.resolution,
  });

const toSummary = (row: SummaryClaimRow): ClaimedSummary => ({
  kind: 'summary',
  id: row.id,
  recipientId: row.recipient_id,
  role: row.role,
  weekStart: row.week_start,
  attempts: row.attempts,
  lang: row.lang,
  sentAt: row.sent_at,
  resolution: row.resolution,
});

const RETURNING_CHECKIN = sql`RETURNING c.id, c.placement_id, c.student_id, c.local_date, c.attempts, c.sent_at, c.expires_at, c.resolution, p.unit_ids, s.lang`;

/** Due check-ins nobody has answered yet (an early answer or an absence settles the day instead). */
export async function claimCheckins(db: Kysely<DatabaseSchema>, lease: Lease, now: Date, limit: number): Promise<ClaimedCheckin[]> {
  const result = await sql<CheckinClaimRow>`
    WITH picked AS (
      SELECT x.id FROM checkin x
      WHERE x.status = 'pending' AND x.due_at <= ${now} AND x.expires_at > ${now}
        AND NOT EXISTS (SELECT 1 FROM reflection r WHERE r.placement_id = x.placement_id AND r.local_date = x.local_date)
      ORDER BY x.due_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE checkin c
    SET status = 'sending', lease_owner = ${lease.owner}, lease_until = ${lease.until}, attempts = c.attempts + 1, updated_at = ${now}
    FROM picked, placement p, person s
    WHERE c.id = picked.id AND p.id = c.placement_id AND s.id = c.student_id
    ${RETURNING_CHECKIN}
  `.execute(db);
  return result.rows.map(toCheckin('checkin'));
}

/** Due reminders of delivered, still unanswered check-ins. */
export async function claimReminders(db: Kysely<DatabaseSchema>, lease: Lease, now: Date, limit: number): Promise<ClaimedCheckin[]> {
  const result = await sql<CheckinClaimRow>`
    WITH picked AS (
      SELECT x.id FROM checkin x
      WHERE x.reminder_status = 'pending' AND x.reminder_due_at <= ${now} AND x.status = 'sent' AND x.expires_at > ${now}
        AND NOT EXISTS (SELECT 1 FROM reflection r WHERE r.placement_id = x.placement_id AND r.local_date = x.local_date)
      ORDER BY x.reminder_due_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE checkin c
    SET reminder_status = 'sending', lease_owner = ${lease.owner}, lease_until = ${lease.until}, updated_at = ${now}
    FROM picked, placement p, person s
    WHERE c.id = picked.id AND p.id = c.placement_id AND s.id = c.student_id
    ${RETURNING_CHECKIN}
  `.execute(db);
  return result.rows.map(toCheckin('reminder'));
}

export async function claimSummaries(db: Kysely<DatabaseSchema>, lease: Lease, now: Date, limit: number): Promise<ClaimedSummary[]> {
  const result = await sql<SummaryClaimRow>`
    WITH picked AS (
      SELECT x.id FROM summary_delivery x
      WHERE x.status = 'pending' AND x.due_at <= ${now} AND x.expires_at > ${now}
      ORDER BY x.due_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE summary_delivery d
    SET status = 'sending', lease_owner = ${lease.owner}, lease_until = ${lease.until}, attempts = d.attempts + 1, updated_at = ${now}
    FROM picked, person s
    WHERE d.id = picked.id AND s.id = d.recipient_id
    RETURNING d.id, d.recipient_id, d.role, d.week_start, d.attempts, d.sent_at, d.resolution, s.lang
  `.execute(db);
  return result.rows.map(toSummary);
}

/**
 * Uncertain rows to resolve, under our lease so that one resolver handles each. `resolution` is
 * `<kind>:<step>`; rows given up on (`<kind>:reported`) stay as they are.
 */
export async function claimUncertain(db: Kysely<DatabaseSchema>, lease: Lease, now: Date, limit: number): Promise<Claimed[]> {
  const set = sql`lease_owner = ${lease.owner}, lease_until = ${lease.until}, updated_at = ${now}`;
  const open = (status: string, kind: string) => sql`${sql.ref(status)} = 'uncertain'
    AND resolution IS DISTINCT FROM ${`${kind}:reported`} AND (lease_until IS NULL OR lease_until < ${now})`;
  const checkins = await sql<CheckinClaimRow>`
    UPDATE checkin c SET ${set}
    FROM placement p, person s
    WHERE c.id IN (SELECT id FROM checkin WHERE ${open('status', 'checkin')} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      AND p.id = c.placement_id AND s.id = c.student_id
    ${RETURNING_CHECKIN}
  `.execute(db);
  const reminders = await sql<CheckinClaimRow>`
    UPDATE checkin c SET ${set}
    FROM placement p, person s
    WHERE c.id IN (SELECT id FROM checkin WHERE ${open('reminder_status', 'reminder')} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      AND p.id = c.placement_id AND s.id = c.student_id
    ${RETURNING_CHECKIN}
  `.execute(db);
  const summaries = await sql<SummaryClaimRow>`
    UPDATE summary_delivery d SET ${set}
    FROM person s
    WHERE d.id IN (SELECT id FROM summary_delivery WHERE ${open('status', 'summary')} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      AND s.id = d.recipient_id
    RETURNING d.id, d.recipient_id, d.role, d.week_start, d.attempts, d.sent_at, d.resolution, s.lang
  `.execute(db);
  return [...checkins.rows.map(toCheckin('checkin')), ...reminders.rows.map(toCheckin('reminder')), ...summaries.rows.map(toSummary)];
}

/** Other instances holding rows in flight now: the ones the rate is shared with. */
export async function otherSenders(db: Kysely<DatabaseSchema>, owner: string, now: Date): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(DISTINCT lease_owner)::int AS n FROM (
      SELECT lease_owner FROM checkin
      WHERE (status IN ('sending', 'uncertain') OR reminder_status IN ('sending', 'uncertain')) AND lease_until > ${now} AND lease_owner <> ${owner}
      UNION ALL
      SELECT lease_owner FROM summary_delivery
      WHERE status IN ('sending', 'uncertain') AND lease_until > ${now} AND lease_owner <> ${owner}
    ) x
  `.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
