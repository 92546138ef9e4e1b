import { DateTime } from 'luxon';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { PlacementStatus } from './domain.ts';
import { dateRangeSchema } from './date-range.ts';
import type { DatabaseSchema } from './schema.ts';
import { parseInput } from './validate.ts';

/** One placement's week, for digests. Scheduled/answered ratios are the scheduler's to add. */
export interface WeeklyAggregate {
  placementId: string;
  studentId: string;
  instructorId: string | null;
  teacherId: string | null;
  status: PlacementStatus;
  reflections: { answered: number; skipped: number; absent: number };
  /** Distinct requirements touched by answered reflections and observations this week, sorted. */
  requirementsTouched: string[];
  confidenceAvg: number | null;
  /** The same average over the equally long period just before `weekStart`. */
  confidenceAvgPrevious: number | null;
  observations: number;
}

interface AggregateRow {
  placement_id: string;
  student_id: string;
  instructor_id: string | null;
  teacher_id: string | null;
  status: PlacementStatus;
  answered: number;
  skipped: number;
  absent: number;
  requirements_touched: string[];
  confidence_avg: number | null;
  confidence_avg_previous: number | null;
  observations: number;
}

/**
 * The placements' reflections from `from` to `to` as the week's figures count them (`rc`, with `rp`, per
 * placement of a `pl` CTE). One rule for every count and average: a day marked absent (an 'absent'
 * reflection, or an absence or sickness recorded for that day, even after the day was answered) is
 * absent, and a paused day is no check-in day at all; only what is left as 'answered' is answered,
 * and only those days' confidence makes the averages. So "answered 3/4" and the average describe the
 * same days. Evidence is another matter: what an answer says was done still covers its requirements,
 * and a help request is never dropped.
 */
export function countedReflectionsCte(from: string, to: string): RawBuilder<unknown> {
  // The pauses covering a reflection's day, found from the (few) pauses of the window through the
  // reflections' (placement_id, local_date) key: one join instead of a correlated EXISTS per
  // reflection and reason, which the planner evaluated again for every aggregate that reads the status.
  return sql`rp AS (
      SELECT r.id,
             bool_or(cp.reason IN ('absent', 'sick')) AS absent,
             bool_or(cp.reason = 'paused') AS paused
      FROM checkin_pause cp
      JOIN pl ON pl.id = cp.placement_id
      JOIN reflection r ON r.placement_id = cp.placement_id AND r.local_date BETWEEN cp.from_date AND cp.to_date
      WHERE cp.to_date >= ${from}::date AND cp.from_date <= ${to}::date
        AND r.local_date BETWEEN ${from}::date AND ${to}::date
      GROUP BY r.id
    ),
    rc AS (
      SELECT placement_id, local_date, help_needed, status,
             CASE WHEN status = 'answered' THEN confidence END AS confidence
      FROM (
        SELECT r.placement_id, r.local_date, r.help_needed, r.confidence,
               CASE WHEN r.status = 'absent' OR coalesce(rp.absent, false) THEN 'absent'
                    WHEN coalesce(rp.paused, false) THEN 'paused'
                    ELSE r.status END AS status
        FROM reflection r JOIN pl ON pl.id = r.placement_id
        LEFT JOIN rp ON rp.id = r.id
        WHERE r.local_date BETWEEN ${from}::date AND ${to}::date
      ) counted
    )`;
}

/**
 * The week's observations (`ob`), their count (`ob_count`) and the requirements touched by answered
 * reflections and observations (`touched`), per placement of a `pl` CTE (id, time_zone). Shared by
 * these aggregates and the weekly summaries' rows (weekly-summary-repo.ts).
 */
export function weekEvidenceCtes(range: { from: string; to: string; observedFrom: Date; observedTo: Date }): RawBuilder<unknown> {
  const { from, to, observedFrom, observedTo } = range;
  return sql`ob AS (
      SELECT o.placement_id, o.requirement_ids
      FROM observation o JOIN pl ON pl.id = o.placement_id
      WHERE o.observed_at >= ${observedFrom} AND o.observed_at < ${observedTo}
        AND (o.observed_at AT TIME ZONE pl.time_zone)::date BETWEEN ${from}::date AND ${to}::date
    ),
    ob_count AS (SELECT placement_id, count(*)::int AS n FROM ob GROUP BY placement_id),
    touched AS (
      -- Collected per placement by hash, then each placement's handful sorted: no sort of every row.
      SELECT placement_id, ARRAY(SELECT DISTINCT u FROM unnest(array_agg(req)) u ORDER BY u) AS requirement_ids
      FROM (
        SELECT r.placement_id, unnest(r.requirement_ids) AS req
        FROM reflection r JOIN pl ON pl.id = r.placement_id
        WHERE r.local_date BETWEEN ${from}::date AND ${to}::date AND r.status = 'answered'
        UNION ALL
        SELECT ob.placement_id, unnest(ob.requirement_ids) FROM ob
      ) t
      GROUP BY placement_id
    )`;
}

/** Per placement overlapping [weekStart, weekEnd] (inclusive local dates), in one query. */
export async function weeklyAggregates(
  db: Kysely<DatabaseSchema>,
  weekStart: string,
  weekEnd: string,
): Promise<WeeklyAggregate[]> {
  const { from, to } = parseInput(dateRangeSchema, { from: weekStart, to: weekEnd });
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const days = DateTime.fromISO(to, { zone: 'UTC' }).diff(start, 'days').days + 1;
  const previousStart = start.minus({ days }).toISODate() ?? from;
  // Coarse instant bounds (± a day covers every time zone) let the observed_at index work;
  // the exact local-date test follows.
  const observedFrom = start.minus({ days: 1 }).toJSDate();
  const observedTo = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 2 }).toJSDate();

  const result = await sql<AggregateRow>`
    WITH pl AS (
      SELECT placement.id, placement.student_id, placement.instructor_id, placement.teacher_id,
             placement.status, person.time_zone
      FROM placement JOIN person ON person.id = placement.student_id
      WHERE placement.start_date <= ${to}::date AND placement.end_date >= ${from}::date
    ),
    ${countedReflectionsCte(previousStart, to)},
    rf AS (
      SELECT rc.placement_id,
             count(*) FILTER (WHERE rc.local_date >= ${from}::date AND rc.status = 'answered')::int AS answered,
             count(*) FILTER (WHERE rc.local_date >= ${from}::date AND rc.status = 'skipped')::int AS skipped,
             count(*) FILTER (WHERE rc.local_date >= ${from}::date AND rc.status = 'absent')::int AS absent,
             avg(rc.confidence) FILTER (WHERE rc.local_date >= ${from}::date)::float8 AS confidence_avg,
             avg(rc.confidence) FILTER (WHERE rc.local_date < ${from}::date)::float8 AS confidence_avg_previous
      FROM rc
      GROUP BY rc.placement_id
    ),
    ${weekEvidenceCtes({ from, to, observedFrom, observedTo })}
    SELECT pl.id AS placement_id, pl.student_id, pl.instructor_id, pl.teacher_id, pl.status,
           coalesce(rf.answered, 0) AS answered,
           coalesce(rf.skipped, 0) AS skipped,
           coalesce(rf.absent, 0) AS absent,
           coalesce(touched.requirement_ids, '{}'::text[]) AS requirements_touched,
           rf.confidence_avg,
           rf.confidence_avg_previous,
           coalesce(ob_count.n, 0) AS observations
    FROM pl
    LEFT JOIN rf ON rf.placement_id = pl.id
    LEFT JOIN ob_count ON ob_count.placement_id = pl.id
    LEFT JOIN touched ON touched.placement_id = pl.id
    ORDER BY pl.id
  `.execute(db);

  return result.rows.map((row) => ({
    placementId: row.placement_id,
    studentId: row.student_id,
    instructorId: row.instructor_id,
    teacherId: row.teacher_id,
    status: row.status,
    reflections: { answered: row.answered, skipped: row.skipped, absent: row.absent },
    requirementsTouched: row.requirements_touched,
    confidenceAvg: row.confidence_avg,
    confidenceAvgPrevious: row.confidence_avg_previous,
    observations: row.observations,
  }));
}
