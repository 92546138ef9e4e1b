import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from './clock.ts';
import { type DateRange, dateRangeSchema } from './date-range.ts';
import { instantsOfLocalDates, requirementIdSchema } from './domain.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import { OBSERVATION_TEXT_MAX } from './limits.ts';
import type { DatabaseSchema, ObservationRow } from './schema.ts';
import { parseInput } from './validate.ts';

/** What an instructor or teacher saw the student do, optionally tied to requirements and a level 1–5. */
export interface Observation {
  id: string;
  placementId: string;
  studentId: string;
  authorId: string;
  observedAt: Date;
  text: string;
  requirementIds: string[];
  /** An indication of level 1–5, not a grade. */
  level: number | null;
  visibleToStudent: boolean;
  createdAt: Date;
}

export const observationInputSchema = z.object({
  placementId: z.string().min(1),
  authorId: z.string().min(1),
  text: z.string().trim().min(1).max(OBSERVATION_TEXT_MAX),
  requirementIds: z.array(requirementIdSchema).default([]),
  level: z.number().int().min(1).max(5).nullish(),
  visibleToStudent: z.boolean().default(true),
  /** Defaults to now. */
  observedAt: z.date().optional(),
});
export type ObservationInput = z.input<typeof observationInputSchema>;

export interface ObservationListOptions {
  /** Only observations the student may see (for the student's own views). */
  visibleToStudentOnly?: boolean;
}

export interface ObservationRepo {
  /** Records an observation; the student is the placement's. Who may observe is the caller's check. */
  create(input: ObservationInput): Promise<Observation>;
  findById(id: string): Promise<Observation | null>;
  /** Observations whose local date (in the student's time zone) falls in the range, oldest first. */
  listForPlacement(placementId: string, range: DateRange, options?: ObservationListOptions): Promise<Observation[]>;
}

export function createObservationRepo(db: Kysely<DatabaseSchema>, clock: Clock): ObservationRepo {
  async function placementWithZone(placementId: string) {
    const placement = await db
      .selectFrom('placement')
      .innerJoin('person', 'person.id', 'placement.student_id')
      .select(['placement.id', 'placement.student_id', 'person.time_zone'])
      .where('placement.id', '=', placementId)
      .executeTakeFirst();
    if (!placement) throw new StorageError({ code: 'not_found', entity: 'placement', id: placementId });
    return placement;
  }

  return {
    async create(input) {
      const data = parseInput(observationInputSchema, input);
      const placement = await placementWithZone(data.placementId);
      const now = clock.now();
      const row = await db
        .insertInto('observation')
        .values({
          id: newId('o'),
          placement_id: placement.id,
          student_id: placement.student_id,
          author_id: data.authorId,
          observed_at: data.observedAt ?? now,
          text: data.text,
          requirement_ids: [...new Set(data.requirementIds)],
          level: data.level ?? null,
          visible_to_student: data.visibleToStudent,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toObservation(row);
    },

    async findById(id) {
      const row = await db.selectFrom('observation').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toObservation(row) : null;
    },

    async listForPlacement(placementId, range, options = {}) {
      const { from, to } = parseInput(dateRangeSchema, range);
      const placement = await placementWithZone(placementId);
      const { start, end } = instantsOfLocalDates(from, to, placement.time_zone);
      let query = db
        .selectFrom('observation')
        .selectAll()
        .where('placement_id', '=', placementId)
        .where('observed_at', '>=', start)
        .where('observed_at', '<', end);
      if (options.visibleToStudentOnly) query = query.where('visible_to_student', '=', true);
      const rows = await query.orderBy('observed_at').orderBy('id').execute();
      return rows.map(toObservation);
    },
  };
}

export function toObservation(row: ObservationRow): Observation {
  return {
    id: row.id,
    placementId: row.placement_id,
    studentId: row.student_id,
    authorId: row.author_id,
    observedAt: row.observed_at,
    text: row.text,
    requirementIds: row.requirement_ids,
    level: row.level,
    visibleToStudent: row.visible_to_student,
    createdAt: row.created_at,
  };
}
