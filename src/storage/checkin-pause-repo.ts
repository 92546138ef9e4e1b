// What the student's own commands change in the schedule: an absence (today or tomorrow), a pause
// for given dates, and resuming. Rows already planned follow at once; rows not planned yet are kept
// from being planned by the pause table (the scheduler's planning reads it).
import { type Kysely, sql } from 'kysely';
import { newId } from './ids.ts';
import type { DatabaseSchema } from './schema.ts';

export type PauseReason = 'absent' | 'sick' | 'paused';

export interface PauseInput {
  placementId: string;
  from: string;
  to: string;
  reason: PauseReason;
  createdBy: string | null;
  now: Date;
}

export interface PauseRow {
  from: string;
  to: string;
  reason: PauseReason;
}

export interface CheckinPauseRepo {
  /**
   * Records the pause and settles the planned rows it covers: nothing more is sent for those days. A
   * check-in already sent stays 'sent' (only its reminder is dropped), so that resuming can never
   * send it again.
   */
  add(input: PauseInput): Promise<void>;
  /**
   * Ends the student's pauses ('paused' only; an absence stays) from today on, and puts back the
   * check-ins they had skipped that can still be sent. Returns how many pauses changed.
   */
  resume(placementIds: readonly string[], today: string, now: Date): Promise<number>;
  /** The placement's pauses ending on or after `fromDate`, by start. */
  list(placementId: string, fromDate: string): Promise<PauseRow[]>;
}

export function createCheckinPauseRepo(db: Kysely<DatabaseSchema>): CheckinPauseRepo {
  return {
    async add(input) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('checkin_pause')
          .values({ id: newId('cp'), placement_id: input.placementId, from_date: input.from, to_date: input.to, reason: input.reason, created_by: input.createdBy, created_at: input.now })
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
    },

    async resume(placementIds, today, now) {
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
    },

    async list(placementId, fromDate) {
      const rows = await db
        .selectFrom('checkin_pause')
        .select(['from_date', 'to_date', 'reason'])
        .where('placement_id', '=', placementId)
        .where('to_date', '>=', fromDate)
        .orderBy('from_date')
        .execute();
      return rows.map((r) => ({ from: r.from_date, to: r.to_date, reason: r.reason }));
    },
  };
}
