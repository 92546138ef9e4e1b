// The scheduler's check-in rows as the chat side reads and moves them: whether a day's late answer
// is still accepted, the check-in a student's plain message would answer, and the student's own
// check-in time (planned rows move with it). The scheduler plans and sends the rows itself.
import { type Kysely, sql } from 'kysely';
import { instantAt } from '../calendar/index.ts';
import type { DatabaseSchema } from './schema.ts';

/**
 * A late answer is accepted until the next check-in: a day's reflection stays writable until a
 * check-in of a later day has gone out (or is due). The reflection repo itself accepts any past day;
 * this is the rule the chat core can check before writing a late answer.
 */
export async function isAnswerWindowOpen(db: Kysely<DatabaseSchema>, placementId: string, localDate: string, now: Date): Promise<boolean> {
  const later = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM checkin
    WHERE placement_id = ${placementId} AND local_date > ${localDate}::date
      AND status IN ('sending', 'sent', 'uncertain', 'answered', 'failed') AND due_at <= ${now}
  `.execute(db);
  return (later.rows[0]?.n ?? 0) === 0;
}

/** The student's latest check-in sent (or maybe sent) and due, with no answered reflection for its day. */
function latestUnanswered(studentId: string, now: Date) {
  return sql<{ placement_id: string; local_date: string }>`
    SELECT c.placement_id, to_char(c.local_date, 'YYYY-MM-DD') AS local_date
    FROM checkin c
    WHERE c.student_id = ${studentId} AND c.status IN ('sent', 'uncertain') AND c.due_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM reflection r WHERE r.placement_id = c.placement_id AND r.local_date = c.local_date AND r.status = 'answered')
    ORDER BY c.local_date DESC
    LIMIT 1
  `;
}

export interface OpenCheckin {
  placementId: string;
  /** `YYYY-MM-DD`. */
  localDate: string;
}

export interface CheckinRepo {
  /** The latest check-in sent to the student and not answered, while a late answer is still accepted. */
  findOpenForStudent(studentId: string, now: Date): Promise<OpenCheckin | null>;
  isAnswerWindowOpen(placementId: string, localDate: string, now: Date): Promise<boolean>;
  /** Whether the day's check-in went out (or may have): only such a past day can still be answered. */
  wasSent(placementId: string, localDate: string): Promise<boolean>;
  /** The student's own check-in time for their current and coming placements; returns how many placements changed. */
  setCheckinTime(studentId: string, time: string, today: string, now: Date): Promise<number>;
}

export function createCheckinRepo(db: Kysely<DatabaseSchema>): CheckinRepo {
  return {
    async findOpenForStudent(studentId, now) {
      const row = await latestUnanswered(studentId, now).execute(db);
      const open = row.rows[0];
      if (!open) return null;
      return (await isAnswerWindowOpen(db, open.placement_id, open.local_date, now)) ? { placementId: open.placement_id, localDate: open.local_date } : null;
    },

    isAnswerWindowOpen: (placementId, localDate, now) => isAnswerWindowOpen(db, placementId, localDate, now),

    async wasSent(placementId, localDate) {
      const row = await db
        .selectFrom('checkin')
        .select('id')
        .where('placement_id', '=', placementId)
        .where('local_date', '=', localDate)
        .where('status', 'in', ['sending', 'sent', 'uncertain', 'answered'])
        .executeTakeFirst();
      return row !== undefined;
    },

    async setCheckinTime(studentId, time, today, now) {
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
    },
  };
}
