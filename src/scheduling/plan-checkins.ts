// Planning: the day's check-in row for every live placement on each of its working days, today and
// tomorrow in the student's time zone, inserted idempotently. The unique key (placement, local
// date) is the guarantee of one check-in per day; planning twice, or on two instances, is harmless.
import { type Kysely, sql } from 'kysely';
import { addDays, instantAt, localDateAt, type WorkCalendar } from '../calendar/index.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import { newRowId } from './row-ids.ts';

export interface PlanningDeps {
  db: Kysely<DatabaseSchema>;
  calendar: WorkCalendar;
  /** School days off on top of the calendar's own. */
  extraDaysOff: readonly string[];
}

const ALL_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const INSERT_CHUNK = 500;

/** Days ahead (0 = today) planned on every pass. */
const PLAN_DAYS = [0, 1];

/** True when nobody has a check-in on `localDate` (a holiday, an eve, a school day off). */
export function isCommonDayOff(calendar: WorkCalendar, extraDaysOff: readonly string[], localDate: string): boolean {
  return extraDaysOff.includes(localDate) || calendar.isDayOff(localDate, ALL_WEEKDAYS).off;
}

/** The time zones of students with a live placement; planning runs per zone, where "today" is one date. */
export async function liveStudentZones(db: Kysely<DatabaseSchema>, now: Date): Promise<string[]> {
  const since = addDays(now.toISOString().slice(0, 10), -1);
  const rows = await db
    .selectFrom('placement')
    .innerJoin('person', 'person.id', 'placement.student_id')
    .select('person.time_zone')
    .distinct()
    .where('placement.status', 'in', ['planned', 'active'])
    .where('placement.end_date', '>=', since)
    .execute();
  return rows.map((r) => r.time_zone);
}

interface Candidate {
  id: string;
  student_id: string;
  checkin_time: string;
}

/** Inserts the missing check-in rows for today and tomorrow; returns how many were new. */
export async function planCheckins(deps: PlanningDeps, now: Date): Promise<number> {
  let planned = 0;
  for (const zone of await liveStudentZones(deps.db, now)) {
    const today = localDateAt(now, zone);
    for (const offset of PLAN_DAYS) {
      const day = addDays(today, offset);
      if (isCommonDayOff(deps.calendar, deps.extraDaysOff, day)) continue;
      planned += await planDay(deps.db, zone, day);
    }
  }
  return planned;
}

async function planDay(db: Kysely<DatabaseSchema>, zone: string, day: string): Promise<number> {
  // Only placements still without a row come back, so a steady-state pass reads nothing.
  const candidates = await sql<Candidate>`
    SELECT p.id, p.student_id, p.checkin_time
    FROM placement p JOIN person s ON s.id = p.student_id
    WHERE s.time_zone = ${zone}
      AND p.status IN ('planned', 'active')
      AND p.start_date <= ${day}::date AND p.end_date >= ${day}::date
      AND extract(isodow FROM ${day}::date)::int = ANY (p.working_days)
      AND NOT EXISTS (SELECT 1 FROM checkin c WHERE c.placement_id = p.id AND c.local_date = ${day}::date)
      AND NOT EXISTS (
        SELECT 1 FROM checkin_pause cp
        WHERE cp.placement_id = p.id AND ${day}::date BETWEEN cp.from_date AND cp.to_date)
  `.execute(db);
  if (candidates.rows.length === 0) return 0;
  const expiresAt = instantAt(addDays(day, 1), '00:00', zone);
  // Most students share a few check-in times; the zone arithmetic is the costly part.
  const dueAt = new Map<string, Date>();
  const due = (time: string): Date => {
    let at = dueAt.get(time);
    if (!at) {
      at = instantAt(day, time, zone);
      dueAt.set(time, at);
    }
    return at;
  };
  const rows = candidates.rows.map((c) => ({
    id: newRowId('ci'),
    placement_id: c.id,
    student_id: c.student_id,
    local_date: day,
    due_at: due(c.checkin_time),
    expires_at: expiresAt,
  }));
  // One transaction: on the embedded database every commit is a write to disk.
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const result = await trx
        .insertInto('checkin')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) => oc.constraint('checkin_placement_day_key').doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return inserted;
  });
}
