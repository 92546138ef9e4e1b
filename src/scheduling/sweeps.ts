// Set-based housekeeping run at the start of every pass: answers and absences settle their day,
// days that ended drop what was not sent, and a lease that ran out mid-send makes the row uncertain
// (the process died after the platform may have accepted the message).
import { type Kysely, sql } from 'kysely';
import { addDays } from '../calendar/index.ts';
import type { DatabaseSchema } from '../storage/schema.ts';

export interface SweepReport {
  answered: number;
  expired: number;
  leasesLost: number;
}

/** Late answers count within this many days; older rows are not looked at again. */
const ANSWER_LOOKBACK_DAYS = 14;

const affected = (result: { numAffectedRows?: bigint }): number => Number(result.numAffectedRows ?? 0n);

/**
 * A check-in is answered when the day's reflection exists (however it was written: the card, the
 * "reflect" command, a free-text reply). An absence or a skipped day settles it as skipped.
 */
export async function syncAnswers(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const since = addDays(now.toISOString().slice(0, 10), -ANSWER_LOOKBACK_DAYS);
  const result = await sql`
    UPDATE checkin c
    SET status = CASE WHEN r.status = 'answered' THEN 'answered' ELSE 'skipped' END,
        skip_reason = CASE WHEN r.status = 'answered' THEN c.skip_reason ELSE r.status END,
        reminder_status = CASE WHEN c.reminder_status = 'pending' THEN 'skipped' ELSE c.reminder_status END,
        updated_at = ${now}
    FROM reflection r
    WHERE r.placement_id = c.placement_id AND r.local_date = c.local_date
      AND c.local_date >= ${since}::date
      AND c.status IN ('pending', 'sent', 'uncertain')
      AND (c.status <> 'uncertain' OR c.lease_until IS NULL OR c.lease_until < ${now})
  `.execute(db);
  return affected(result);
}

/** What was not sent by the end of its day (check-ins, reminders) or its expiry (summaries) is dropped. */
export async function expireStale(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const checkins = await sql`
    UPDATE checkin SET status = 'skipped', skip_reason = 'expired', updated_at = ${now}
    WHERE status = 'pending' AND expires_at <= ${now}
  `.execute(db);
  const reminders = await sql`
    UPDATE checkin SET reminder_status = 'skipped', updated_at = ${now}
    WHERE reminder_status = 'pending' AND expires_at <= ${now}
  `.execute(db);
  const summaries = await sql`
    UPDATE summary_delivery SET status = 'skipped', skip_reason = 'expired', updated_at = ${now}
    WHERE status = 'pending' AND expires_at <= ${now}
  `.execute(db);
  return affected(checkins) + affected(reminders) + affected(summaries);
}

/** Planned days a placement no longer has (interrupted, completed, shortened) are not sent. */
export async function dropEndedPlacements(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const result = await sql`
    UPDATE checkin c SET status = 'skipped', skip_reason = 'placement-ended', updated_at = ${now}
    FROM placement p
    WHERE c.status = 'pending' AND p.id = c.placement_id
      AND (p.status NOT IN ('planned', 'active') OR c.local_date > p.end_date OR c.local_date < p.start_date)
  `.execute(db);
  return affected(result);
}

/** 'sending' past its lease: the sender is gone, and whether the platform got it is unknown. */
export async function expireLeases(db: Kysely<DatabaseSchema>, now: Date): Promise<number> {
  const error = 'lease expired during send';
  const checkins = await sql`
    UPDATE checkin SET status = 'uncertain', last_error = ${error}, updated_at = ${now}
    WHERE status = 'sending' AND lease_until < ${now}
  `.execute(db);
  const reminders = await sql`
    UPDATE checkin SET reminder_status = 'uncertain', last_error = ${error}, updated_at = ${now}
    WHERE reminder_status = 'sending' AND lease_until < ${now}
  `.execute(db);
  const summaries = await sql`
    UPDATE summary_delivery SET status = 'uncertain', last_error = ${error}, updated_at = ${now}
    WHERE status = 'sending' AND lease_until < ${now}
  `.execute(db);
  return affected(checkins) + affected(reminders) + affected(summaries);
}

export async function sweep(db: Kysely<DatabaseSchema>, now: Date): Promise<SweepReport> {
  const leasesLost = await expireLeases(db, now);
  const answered = await syncAnswers(db, now);
  const expired = (await expireStale(db, now)) + (await dropEndedPlacements(db, now));
  return { answered, expired, leasesLost };
}
