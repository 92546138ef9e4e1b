// What the student's own commands change in the schedule: an absence (today or tomorrow), a pause
// for given dates, resuming, and their own check-in time. Rows already planned follow at once;
// rows not planned yet are kept from being planned by the pause table.
import { type Kysely, sql } from 'kysely';
import { instantAt } from '../calendar/index.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import { newRowId } from './row-ids.ts';

export type PauseReason = 'absent' | 'sick' | 'paused';

interface PauseInput {
  placementId: string;
  from: string;
  to: string;
  reason: PauseReason;
  createdBy: string | null;
  now: Date;
}

/**
 * Records the pause and settles the planned rows it covers: nothing more is sent for those days. A
 * check-in already sent stays 'sent' (only its reminder is dropped), so that resuming can never
 * send it again.
 */
export async function addPause(db: Kysely<DatabaseSchema>, input: PauseInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('checkin_pause')
      .values({ id: newRowId('cp'), placement_id: input.placementId, from_date: input.from, to_date: input.to, reason: input.reason, created_by: input.createdBy, created_at: input.now })
      .execute();
    await sql`
      UPDATE checkin
      SET status = CASE WHEN status = 'pending' THEN 'skipped' ELSE status END,
          skip_reason = CASE WHEN status = 'pending' THEN ${input.reason} ELSE skip_reason END,
          reminder_status = CASE WHEN reminder_status = 'pending' THEN 'skipped' ELSE reminder_status END,
          updated_at = ${input.now}
      WHERE placement_id = ${input.placementId} AND local_date BETWEEN ${input.from}::date AND ${input.to}::date
    `.execute(trx);
  });
}

/**
 * Ends the student's pauses ('paused' only; an absence stays) from today on, and puts back the
 * check-ins they had skipped that can still be sent. Returns how many pauses changed.
 */
export async function resumePauses(db: Kysely<DatabaseSchema>, placementIds: readonly string[], today: string, now: Date): Promise<number> {
  if (placementIds.length === 0) return 0;
  const ids = [...placementIds];
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('checkin_pause')
      .where('placement_id', 'in', ids)
      .where('reason', '=', 'paused')
      .where('from_date', '>=', today)
      .executeTakeFirst();
    const shortened = await sql`
      UPDATE checkin_pause SET to_date = (${today}::date - 1)
      WHERE placement_id = ANY (${ids}::text[]) AND reason = 'paused' AND from_date < ${today}::date AND to_date >= ${today}::date
    `.execute(trx);
    await sql`
      UPDATE checkin SET status = 'pending', skip_reason = NULL, updated_at = ${now}
      WHERE placement_id = ANY (${ids}::text[]) AND status = 'skipped' AND skip_reason = 'paused'
        AND local_date >= ${today}::date AND expires_at > ${now}
    `.execute(trx);
    return Number(removed.numDeletedRows) + Number(shortened.numAffectedRows ?? 0n);
  });
}

export interface PauseRow {
  from: string;
  to: string;
  reason: PauseReason;
}

export async function listPauses(db: Kysely<DatabaseSchema>, placementId: string, fromDate: string): Promise<PauseRow[]> {
  const rows = await db
    .selectFrom('checkin_pause')
    .select(['from_date', 'to_date', 'reason'])
    .where('placement_id', '=', placementId)
    .where('to_date', '>=', fromDate)
    .orderBy('from_date')
    .execute();
  return rows.map((r) => ({ from: r.from_date, to: r.to_date, reason: r.reason }));
}

/** The student's own check-in time for their current and coming placements; planned rows move with it. */
export async function setCheckinTime(db: Kysely<DatabaseSchema>, studentId: string, time: string, today: string, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('placement')
      .set({ checkin_time: time })
      .where('student_id', '=', studentId)
      .where('end_date', '>=', today)
      .executeTakeFirst();
    const pending = await trx
      .selectFrom('placement')
      .innerJoin('checkin', 'checkin.placement_id', 'placement.id')
      .innerJoin('person', 'person.id', 'placement.student_id')
      .select(['checkin.id', 'checkin.local_date', 'person.time_zone'])
      .where('placement.student_id', '=', studentId)
      .where('placement.end_date', '>=', today)
      .where('checkin.status', '=', 'pending')
      .where('checkin.local_date', '>=', today)
      .execute();
    for (const row of pending) {
      await trx.updateTable('checkin').set({ due_at: instantAt(row.local_date, time, row.time_zone), updated_at: now }).where('id', '=', row.id).where('status', '=', 'pending').execute();
    }
    return Number(changed.numUpdatedRows);
  });
}
