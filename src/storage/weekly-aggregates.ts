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

/** Per placement overlapping [weekStart, weekEnd] (inclusive local dates), in one query. */
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
      SELECT placement_id, array_agg(DISTINCT req ORDER BY req) AS requirement_ids
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

export async function weeklyAggregates(
  db: Kysely<DatabaseSchema>,
  weekStart: string,
  weekEnd: string,
): Promise<WeeklyAggregate[]> {
  const { from, to } = parseInput(dateRangeSchema, { from: weekStart, to: weekEnd });
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const days = DateTime.fromISO(to, { zone: 'UTC' }).diff(start, 'days').days + 1;
  const previousStart = start.minus({ days }).toISODate();
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
    rf AS (
      SELECT r.placement_id,
             count(*) FILTER (WHERE r.local_date >= ${from}::date AND r.status = 'answered')::int AS answered,
             count(*) FILTER (WHERE r.local_date >= ${from}::date AND r.status = 'skipped')::int AS skipped,
             count(*) FILTER (WHERE r.local_date >= ${from}::date AND r.status = 'absent')::int AS absent,
             avg(r.confidence) FILTER (WHERE r.local_date >= ${from}::date)::float8 AS confidence_avg,
             avg(r.confidence) FILTER (WHERE r.local_date < ${from}::date)::float8 AS confidence_avg_previous
      FROM reflection r JOIN pl ON pl.id = r.placement_id
      WHERE r.local_date BETWEEN ${previousStart}::date AND ${to}::date
      GROUP BY r.placement_id
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
