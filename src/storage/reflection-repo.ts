import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from './clock.ts';
import { type DateRange, dateRangeSchema } from './date-range.ts';
import {
  type LocalDate,
  localDateAt,
  localDateSchema,
  type ReflectionStatus,
  reflectionStatusSchema,
  requirementIdSchema,
} from './domain.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import { REFLECTION_NOTE_MAX, REFLECTION_TEXT_MAX } from './limits.ts';
import type { DatabaseSchema, ReflectionRow } from './schema.ts';
import { parseInput } from './validate.ts';

/** The student's answer to one day's check-in. One per placement and local date. */
export interface Reflection {
  id: string;
  placementId: string;
  studentId: string;
  localDate: LocalDate;
  status: ReflectionStatus;
  text: string;
  requirementIds: string[];
  /** Self-assessed confidence 1–5. */
  confidence: number | null;
  hard: string | null;
  helpNeeded: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const reflectionInputSchema = z.object({
  placementId: z.string().min(1),
  /** Defaults to today in the student's time zone. */
  localDate: localDateSchema.optional(),
  status: reflectionStatusSchema,
  text: z.string().max(REFLECTION_TEXT_MAX).default(''),
  requirementIds: z.array(requirementIdSchema).default([]),
  confidence: z.number().int().min(1).max(5).nullish(),
  hard: z.string().max(REFLECTION_NOTE_MAX).nullish(),
  helpNeeded: z.string().max(REFLECTION_NOTE_MAX).nullish(),
});
export type ReflectionInput = z.input<typeof reflectionInputSchema>;

export interface UpsertReflectionResult {
  reflection: Reflection;
  /** False when the day's reflection existed and was replaced. */
  created: boolean;
}

export interface ReflectionRepo {
  /**
   * Writes the day's reflection, idempotent on (placement, local date). A late answer for a past day
   * with no reflection is accepted; changing an existing one is allowed only on its own local day
   * (`reflection_locked` afterwards), and a future day is refused (`reflection_in_future`).
   */
  upsertForDay(input: ReflectionInput): Promise<UpsertReflectionResult>;
  findForDay(placementId: string, localDate: LocalDate): Promise<Reflection | null>;
  listForPlacement(placementId: string, range: DateRange): Promise<Reflection[]>;
  listForStudent(studentId: string, range: DateRange): Promise<Reflection[]>;
}

export function createReflectionRepo(db: Kysely<DatabaseSchema>, clock: Clock): ReflectionRepo {
  return {
    async upsertForDay(input) {
      const data = parseInput(reflectionInputSchema, input);
      const placement = await db
        .selectFrom('placement')
        .innerJoin('person', 'person.id', 'placement.student_id')
        .select(['placement.id', 'placement.student_id', 'placement.start_date', 'placement.end_date', 'person.time_zone'])
        .where('placement.id', '=', data.placementId)
        .executeTakeFirst();
      if (!placement) throw new StorageError({ code: 'not_found', entity: 'placement', id: data.placementId });

      const now = clock.now();
      const today = localDateAt(now, placement.time_zone);
      const localDate = data.localDate ?? today;
      if (localDate > today) throw new StorageError({ code: 'reflection_in_future', localDate, today });
      if (localDate < placement.start_date || localDate > placement.end_date) {
        throw new StorageError({
          code: 'invalid_input',
          issues: [`${localDate} is outside the placement period ${placement.start_date} – ${placement.end_date}`],
        });
      }

      const values = {
        status: data.status,
        text: data.text,
        requirement_ids: [...new Set(data.requirementIds)],
        confidence: data.confidence ?? null,
        hard: data.hard ?? null,
        help_needed: data.helpNeeded ?? null,
        updated_at: now,
      };
      // One statement, so two concurrent answers cannot both insert; the WHERE on the update
      // is the same-day rule, checked against the row actually in the table.
      const row = await db
        .insertInto('reflection')
        .values({
          id: newId('r'),
          placement_id: placement.id,
          student_id: placement.student_id,
          local_date: localDate,
          created_at: now,
          ...values,
        })
        .onConflict((oc) =>
          oc
            .constraint('reflection_placement_day_key')
            .doUpdateSet(values)
            .where('reflection.local_date', '>=', today),
        )
        .returningAll()
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .executeTakeFirst();
      if (!row) throw new StorageError({ code: 'reflection_locked', localDate, today });
      return { reflection: toReflection(row), created: row.inserted };
    },

    async findForDay(placementId, localDate) {
      const row = await db
        .selectFrom('reflection')
        .selectAll()
        .where('placement_id', '=', placementId)
        .where('local_date', '=', parseInput(localDateSchema, localDate))
        .executeTakeFirst();
      return row ? toReflection(row) : null;
    },

    async listForPlacement(placementId, range) {
      const { from, to } = parseInput(dateRangeSchema, range);
      const rows = await db
        .selectFrom('reflection')
        .selectAll()
        .where('placement_id', '=', placementId)
        .where('local_date', '>=', from)
        .where('local_date', '<=', to)
        .orderBy('local_date')
        .execute();
      return rows.map(toReflection);
    },

    async listForStudent(studentId, range) {
      const { from, to } = parseInput(dateRangeSchema, range);
      const rows = await db
        .selectFrom('reflection')
        .selectAll()
        .where('student_id', '=', studentId)
        .where('local_date', '>=', from)
        .where('local_date', '<=', to)
        .orderBy('local_date')
        .orderBy('placement_id')
        .execute();
      return rows.map(toReflection);
    },
  };
}

export function toReflection(row: ReflectionRow): Reflection {
  return {
    id: row.id,
    placementId: row.placement_id,
    studentId: row.student_id,
    localDate: row.local_date,
    status: row.status,
    text: row.text,
    requirementIds: row.requirement_ids,
    confidence: row.confidence,
    hard: row.hard,
    helpNeeded: row.help_needed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
