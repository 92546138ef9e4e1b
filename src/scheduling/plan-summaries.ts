// Planning the weekly summaries: one row per recipient, week and role (the student's recap, the
// instructor's and the teacher's summary), due on the summary weekday at the summary time in the
// recipient's own time zone. Idempotent on the unique key, like the check-ins.
import { type Kysely, sql } from 'kysely';
import { addDays, instantAt, localDateAt, weekStart } from '../calendar/index.ts';
import type { DatabaseSchema, SummaryRole } from '../storage/schema.ts';
import { newRowId } from './row-ids.ts';

export interface SummaryPlanOptions {
  summaryWeekday: number;
  summaryTime: string;
  summaryGraceHours: number;
  summaryExpiryHours: number;
}

export interface SummarySlot {
  weekStart: string;
  /** The last day whose placements count: Monday … the summary weekday. */
  coveredUntil: string;
  dueAt: Date;
}

const HOUR_MS = 3_600_000;

/** The week a recipient in `zone` is in at `now`, and when its summary is due. */
export function summarySlot(options: SummaryPlanOptions, zone: string, now: Date): SummarySlot {
  const start = weekStart(localDateAt(now, zone));
  const day = addDays(start, options.summaryWeekday - 1);
  return { weekStart: start, coveredUntil: day, dueAt: instantAt(day, options.summaryTime, zone) };
}

interface RecipientRow {
  recipient_id: string;
  role: SummaryRole;
}

/** Inserts the week's missing summary rows; returns how many were new. */
export async function planSummaries(db: Kysely<DatabaseSchema>, options: SummaryPlanOptions, now: Date): Promise<number> {
  const zones = await db.selectFrom('person').select('time_zone').distinct().execute();
  let planned = 0;
  for (const { time_zone: zone } of zones) {
    const slot = summarySlot(options, zone, now);
    // Started after the moment had passed (a new install on a Saturday): that week is skipped.
    if (now.getTime() >= slot.dueAt.getTime() + options.summaryGraceHours * HOUR_MS) continue;
    const recipients = await sql<RecipientRow>`
      WITH pl AS (
        SELECT student_id, instructor_id, teacher_id FROM placement
        WHERE status IN ('planned', 'active')
          AND start_date <= ${slot.coveredUntil}::date AND end_date >= ${slot.weekStart}::date
      ),
      r AS (
        SELECT student_id AS recipient_id, 'student' AS role FROM pl
        UNION SELECT instructor_id, 'instructor' FROM pl WHERE instructor_id IS NOT NULL
        UNION SELECT teacher_id, 'teacher' FROM pl WHERE teacher_id IS NOT NULL
      )
      SELECT r.recipient_id, r.role FROM r JOIN person ON person.id = r.recipient_id
      WHERE person.time_zone = ${zone}
        AND NOT EXISTS (
          SELECT 1 FROM summary_delivery d
          WHERE d.recipient_id = r.recipient_id AND d.week_start = ${slot.weekStart}::date AND d.role = r.role)
    `.execute(db);
    if (recipients.rows.length === 0) continue;
    const expiresAt = new Date(slot.dueAt.getTime() + options.summaryExpiryHours * HOUR_MS);
    const rows = recipients.rows.map((r) => ({
      id: newRowId('sd'),
      recipient_id: r.recipient_id,
      week_start: slot.weekStart,
      role: r.role,
      due_at: slot.dueAt,
      expires_at: expiresAt,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      const result = await db
        .insertInto('summary_delivery')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.constraint('summary_delivery_recipient_week_key').doNothing())
        .executeTakeFirst();
      planned += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
  }
  return planned;
}
