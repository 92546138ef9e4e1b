// The weekly summaries' reads: the raw week of a set of placements in two set-based queries (the
// week's reflections, observations, pauses and delivery problems, aggregated as weeklyAggregates
// does, and the cumulative coverage, as computeCoverage decides "covered"), and which placements a
// set of recipients reads about. Dates come back as text so that neither driver turns them into
// instants. The figures are derived in src/features/summaries/.
import { type Kysely, sql } from 'kysely';
import { addDays } from '../calendar/index.ts';
import type { Lang } from './domain.ts';
import type { DatabaseSchema } from './schema.ts';
import { countedReflectionsCte, weekEvidenceCtes } from './weekly-aggregates.ts';

export interface WeekRow {
  placement_id: string;
  student_id: string;
  student_name: string;
  student_lang: Lang;
  time_zone: string;
  instructor_id: string | null;
  teacher_id: string | null;
  workplace_name: string;
  unit_ids: string[];
  start_date: string;
  end_date: string;
  working_days: number[];
  checkin_time: string;
  /**
   * Answered / absent / skipped reflection dates from `lookbackFrom` to the week's end, as counted
   * (countedReflectionsCte): a day marked absent after it was answered is absent, a paused day is
   * none of them, and the confidence averages are over the answered days only.
   */
  answered_dates: string[];
  absent_dates: string[];
  skipped_dates: string[];
  confidence_avg: number | null;
  confidence_avg_previous: number | null;
  help_texts: string[];
  observations: number;
  requirements_touched: string[];
  pause_from: string[];
  pause_to: string[];
  unreachable: string[];
  uncertain_reported: number;
}

export interface WeekWindow {
  weekStart: string;
  weekEnd: string;
  /** How far back the "missed in a row" streak looks. */
  lookbackFrom: string;
}

export function weekWindow(weekStart: string, lookbackDays = 28): WeekWindow {
  return { weekStart, weekEnd: addDays(weekStart, 6), lookbackFrom: addDays(weekStart, -lookbackDays) };
}

/** `null` = every placement overlapping the week. */
export type PlacementFilter = readonly string[] | null;

function placementsOf(window: WeekWindow, filter: PlacementFilter) {
  const ids = filter === null ? sql`true` : sql`p.id = ANY (${[...filter]}::text[])`;
  return sql`
    SELECT p.id, p.student_id, p.instructor_id, p.teacher_id, p.workplace_name, p.unit_ids,
           p.start_date::text AS start_date, p.end_date::text AS end_date, p.working_days, p.checkin_time,
           s.name AS student_name, s.lang AS student_lang, s.time_zone
    FROM placement p JOIN person s ON s.id = p.student_id
    WHERE p.start_date <= ${window.weekEnd}::date AND p.end_date >= ${window.weekStart}::date AND ${ids}`;
}

async function loadWeekRows(db: Kysely<DatabaseSchema>, window: WeekWindow, filter: PlacementFilter): Promise<WeekRow[]> {
  if (filter !== null && filter.length === 0) return [];
  const { weekStart: from, weekEnd: to, lookbackFrom } = window;
  const previousFrom = addDays(from, -7);
  // ± a day of instants covers every time zone and lets the observed_at index work; the exact
  // local-date test follows (in weekEvidenceCtes).
  const observedFrom = new Date(`${addDays(from, -1)}T00:00:00Z`);
  const observedTo = new Date(`${addDays(to, 2)}T00:00:00Z`);
  const result = await sql<WeekRow>`
    WITH pl AS (${placementsOf(window, filter)}),
    ${countedReflectionsCte([lookbackFrom, previousFrom].sort()[0] ?? lookbackFrom, to)},
    rf AS (
      SELECT rc.placement_id,
             coalesce(array_agg(rc.local_date::text ORDER BY rc.local_date) FILTER (WHERE rc.status = 'answered'), '{}') AS answered_dates,
             coalesce(array_agg(rc.local_date::text ORDER BY rc.local_date) FILTER (WHERE rc.status = 'absent'), '{}') AS absent_dates,
             coalesce(array_agg(rc.local_date::text ORDER BY rc.local_date) FILTER (WHERE rc.status = 'skipped'), '{}') AS skipped_dates,
             avg(rc.confidence) FILTER (WHERE rc.local_date >= ${from}::date)::float8 AS confidence_avg,
             avg(rc.confidence) FILTER (WHERE rc.local_date >= ${previousFrom}::date AND rc.local_date < ${from}::date)::float8 AS confidence_avg_previous,
             coalesce(array_agg(rc.help_needed ORDER BY rc.local_date)
               FILTER (WHERE rc.local_date >= ${from}::date AND coalesce(btrim(rc.help_needed), '') <> ''), '{}') AS help_texts
      FROM rc
      GROUP BY rc.placement_id
    ),
    ${weekEvidenceCtes({ from, to, observedFrom, observedTo })},
    pauses AS (
      SELECT cp.placement_id, array_agg(cp.from_date::text ORDER BY cp.from_date) AS pause_from,
             array_agg(cp.to_date::text ORDER BY cp.from_date) AS pause_to
      FROM checkin_pause cp JOIN pl ON pl.id = cp.placement_id
      WHERE cp.to_date >= ${lookbackFrom}::date AND cp.from_date <= ${to}::date
      GROUP BY cp.placement_id
    ),
    problems AS (
      SELECT c.placement_id,
             coalesce(array_agg(DISTINCT c.last_error) FILTER (WHERE c.status = 'failed' AND c.last_error LIKE 'unreachable%'), '{}') AS unreachable,
             count(*) FILTER (WHERE c.status = 'uncertain' AND c.resolution = 'checkin:reported')::int AS uncertain_reported
      FROM checkin c JOIN pl ON pl.id = c.placement_id
      WHERE c.local_date BETWEEN ${from}::date AND ${to}::date AND c.status IN ('failed', 'uncertain')
      GROUP BY c.placement_id
    )
    SELECT pl.id AS placement_id, pl.student_id, pl.student_name, pl.student_lang, pl.time_zone,
           pl.instructor_id, pl.teacher_id, pl.workplace_name, pl.unit_ids, pl.start_date, pl.end_date,
           pl.working_days, pl.checkin_time,
           coalesce(rf.answered_dates, '{}') AS answered_dates,
           coalesce(rf.absent_dates, '{}') AS absent_dates,
           coalesce(rf.skipped_dates, '{}') AS skipped_dates,
           rf.confidence_avg, rf.confidence_avg_previous,
           coalesce(rf.help_texts, '{}') AS help_texts,
           coalesce(ob_count.n, 0) AS observations,
           coalesce(touched.requirement_ids, '{}') AS requirements_touched,
           coalesce(pauses.pause_from, '{}') AS pause_from,
           coalesce(pauses.pause_to, '{}') AS pause_to,
           coalesce(problems.unreachable, '{}') AS unreachable,
           coalesce(problems.uncertain_reported, 0) AS uncertain_reported
    FROM pl
    LEFT JOIN rf ON rf.placement_id = pl.id
    LEFT JOIN ob_count ON ob_count.placement_id = pl.id
    LEFT JOIN touched ON touched.placement_id = pl.id
    LEFT JOIN pauses ON pauses.placement_id = pl.id
    LEFT JOIN problems ON problems.placement_id = pl.id
    ORDER BY pl.id
  `.execute(db);
  return result.rows;
}

interface CoveredRow {
  placement_id: string;
  covered: string[];
}

/**
 * Requirements with evidence so far, per placement, by computeCoverage's rule: an answered
 * reflection on one of the placement's working days, an observation by its workplace instructor,
 * or an "otherwise" evidence note.
 */
async function loadCoverage(db: Kysely<DatabaseSchema>, window: WeekWindow, filter: PlacementFilter): Promise<Map<string, string[]>> {
  if (filter !== null && filter.length === 0) return new Map();
  const result = await sql<CoveredRow>`
    WITH pl AS (${placementsOf(window, filter)}),
    evidence AS (
      SELECT r.placement_id, unnest(r.requirement_ids) AS req,
             extract(isodow FROM r.local_date)::int = ANY (pl.working_days) AS counts
      FROM reflection r JOIN pl ON pl.id = r.placement_id
      WHERE r.status = 'answered'
      UNION ALL
      SELECT o.placement_id, unnest(o.requirement_ids), o.author_id IS NOT DISTINCT FROM pl.instructor_id
      FROM observation o JOIN pl ON pl.id = o.placement_id
      UNION ALL
      SELECT n.placement_id, n.requirement_id, true
      FROM evidence_note n JOIN pl ON pl.id = n.placement_id
      WHERE n.kind = 'otherwise'
    )
    -- A requirement is covered when any of its evidence counts; collected per placement by hash and
    -- each placement's handful sorted, rather than sorting every evidence row.
    SELECT placement_id, ARRAY(SELECT DISTINCT u FROM unnest(array_agg(req) FILTER (WHERE counts)) u ORDER BY u) AS covered
    FROM evidence
    GROUP BY placement_id
    HAVING bool_or(counts)
  `.execute(db);
  return new Map(result.rows.map((r) => [r.placement_id, r.covered]));
}

/** Whose summaries: the recipients' ids by role (a student's own recap, an instructor's, a teacher's). */
export interface SummaryRecipients {
  students: readonly string[];
  instructors: readonly string[];
  teachers: readonly string[];
}

export interface WeeklySummaryRepo {
  /** One row per placement overlapping the week (all of them when `filter` is null), by id. */
  weekRows(window: WeekWindow, filter: PlacementFilter): Promise<WeekRow[]>;
  /** The requirements covered so far, by placement id. */
  coverage(window: WeekWindow, filter: PlacementFilter): Promise<Map<string, string[]>>;
  /** The placements overlapping the week that the recipients read about. */
  placementIdsFor(window: WeekWindow, recipients: SummaryRecipients): Promise<string[]>;
}

export function createWeeklySummaryRepo(db: Kysely<DatabaseSchema>): WeeklySummaryRepo {
  return {
    weekRows: (window, filter) => loadWeekRows(db, window, filter),
    coverage: (window, filter) => loadCoverage(db, window, filter),

    async placementIdsFor(window, { students, instructors, teachers }) {
      const rows = await db
        .selectFrom('placement')
        .select('id')
        .where('start_date', '<=', window.weekEnd)
        .where('end_date', '>=', window.weekStart)
        .where((eb) =>
          eb.or([
            ...(students.length ? [eb('student_id', 'in', students)] : []),
            ...(instructors.length ? [eb('instructor_id', 'in', instructors)] : []),
            ...(teachers.length ? [eb('teacher_id', 'in', teachers)] : []),
          ]),
        )
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
