import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { requirementIdSchema } from './domain.ts';
import { StorageError } from './errors.ts';
import type { DatabaseSchema } from './schema.ts';
import { parseInput } from './validate.ts';

/**
 * Where a requirement's evidence stands, derived from what is recorded (never stored), following the
 * unit's checklist form: "Näytetään työpaikalla" → `workplace`, "Näytetään muuten" → `otherwise`.
 */
export type CoverageStatus = 'workplace' | 'otherwise' | 'uncovered';

export interface RequirementCoverage {
  requirementId: string;
  status: CoverageStatus;
  /** Answered reflections that mention the requirement. */
  reflections: number;
  /** Observations (by anyone) that mention it. */
  observations: number;
  /** Evidence notes of kind 'otherwise'. */
  otherwiseNotes: number;
  /** Local date of the latest of these, `YYYY-MM-DD`. */
  lastDate: string | null;
}

interface CoverageRow {
  requirement_id: string;
  reflections: number;
  observations: number;
  otherwise_notes: number;
  at_workplace: boolean;
  last_date: string | null;
}

const requirementIdsSchema = z.array(requirementIdSchema);

/**
 * Covered at the workplace: an observation by the placement's workplace instructor, or an answered
 * reflection on one of the placement's working days, mentions the requirement. Otherwise: only an
 * evidence note says it was shown another way. One query: the placement's evidence is read through
 * its (placement_id, …) indexes, unnested once and grouped once.
 */
export async function computeCoverage(
  db: Kysely<DatabaseSchema>,
  placementId: string,
  requirementIds: readonly string[],
): Promise<RequirementCoverage[]> {
  const ids = [...new Set(parseInput(requirementIdsSchema, requirementIds))];
  if (ids.length === 0) return [];
  const result = await sql<CoverageRow>`
    WITH p AS (
      SELECT placement.id, placement.instructor_id, placement.working_days, person.time_zone
      FROM placement JOIN person ON person.id = placement.student_id
      WHERE placement.id = ${placementId}
    ),
    evidence AS (
      SELECT 'reflection' AS source, unnest(r.requirement_ids) AS requirement_id, r.local_date AS day,
             extract(isodow FROM r.local_date)::int = ANY (p.working_days) AS at_workplace
      FROM reflection r JOIN p ON r.placement_id = p.id
      WHERE r.status = 'answered'
      UNION ALL
      SELECT 'observation', unnest(o.requirement_ids), (o.observed_at AT TIME ZONE p.time_zone)::date,
             o.author_id IS NOT DISTINCT FROM p.instructor_id
      FROM observation o JOIN p ON o.placement_id = p.id
      UNION ALL
      SELECT 'note', n.requirement_id, (n.created_at AT TIME ZONE p.time_zone)::date, false
      FROM evidence_note n JOIN p ON n.placement_id = p.id
      WHERE n.kind = 'otherwise'
    ),
    totals AS (
      SELECT requirement_id,
             count(*) FILTER (WHERE source = 'reflection')::int AS reflections,
             count(*) FILTER (WHERE source = 'observation')::int AS observations,
             count(*) FILTER (WHERE source = 'note')::int AS otherwise_notes,
             bool_or(at_workplace) AS at_workplace,
             max(day) AS last_date
      FROM evidence
      WHERE requirement_id = ANY (${ids}::text[])
      GROUP BY requirement_id
    )
    SELECT wanted.requirement_id,
           coalesce(totals.reflections, 0) AS reflections,
           coalesce(totals.observations, 0) AS observations,
           coalesce(totals.otherwise_notes, 0) AS otherwise_notes,
           coalesce(totals.at_workplace, false) AS at_workplace,
           totals.last_date
    FROM unnest(${ids}::text[]) AS wanted (requirement_id)
    LEFT JOIN totals USING (requirement_id)
    WHERE EXISTS (SELECT 1 FROM p)
  `.execute(db);
  if (result.rows.length === 0) throw new StorageError({ code: 'not_found', entity: 'placement', id: placementId });

  const byId = new Map(result.rows.map((row) => [row.requirement_id, row]));
  return ids.map((requirementId) => {
    const row = byId.get(requirementId);
    if (!row) throw new Error(`coverage row missing for ${requirementId}`);
    return toCoverage(row);
  });
}

function toCoverage(row: CoverageRow): RequirementCoverage {
  return {
    requirementId: row.requirement_id,
    status: statusOf(row),
    reflections: row.reflections,
    observations: row.observations,
    otherwiseNotes: row.otherwise_notes,
    lastDate: row.last_date,
  };
}

function statusOf(row: CoverageRow): CoverageStatus {
  if (row.at_workplace) return 'workplace';
  if (row.otherwise_notes > 0) return 'otherwise';
  return 'uncovered';
}

export interface CoverageRepo {
  /** Where each of the requirements stands for the placement (computeCoverage), in the order asked. */
  forPlacement(placementId: string, requirementIds: readonly string[]): Promise<RequirementCoverage[]>;
}

export function createCoverageRepo(db: Kysely<DatabaseSchema>): CoverageRepo {
  return { forPlacement: (placementId, requirementIds) => computeCoverage(db, placementId, requirementIds) };
}
