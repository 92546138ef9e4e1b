import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from './clock.ts';
import { requirementIdSchema } from './domain.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import { EVIDENCE_NOTE_TEXT_MAX } from './limits.ts';
import type { DatabaseSchema, EvidenceNoteRow } from './schema.ts';
import { parseInput } from './validate.ts';

/**
 * Evidence of a requirement recorded another way than at the workplace: the "Näytetään muuten"
 * column of the unit's checklist form (a course, a simulation, an earlier qualification).
 */
export interface EvidenceNote {
  id: string;
  placementId: string;
  requirementId: string;
  kind: 'otherwise';
  text: string;
  authorId: string | null;
  createdAt: Date;
}

export const evidenceNoteInputSchema = z.object({
  placementId: z.string().min(1),
  requirementId: requirementIdSchema,
  kind: z.literal('otherwise').default('otherwise'),
  text: z.string().trim().min(1).max(EVIDENCE_NOTE_TEXT_MAX),
  authorId: z.string().min(1).nullish(),
});
export type EvidenceNoteInput = z.input<typeof evidenceNoteInputSchema>;

export interface EvidenceNoteRepo {
  create(input: EvidenceNoteInput): Promise<EvidenceNote>;
  listForPlacement(placementId: string): Promise<EvidenceNote[]>;
  delete(id: string): Promise<void>;
}

export function createEvidenceNoteRepo(db: Kysely<DatabaseSchema>, clock: Clock): EvidenceNoteRepo {
  return {
    async create(input) {
      const data = parseInput(evidenceNoteInputSchema, input);
      const row = await db
        .insertInto('evidence_note')
        .values({
          id: newId('en'),
          placement_id: data.placementId,
          requirement_id: data.requirementId,
          kind: data.kind,
          text: data.text,
          author_id: data.authorId ?? null,
          created_at: clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEvidenceNote(row);
    },

    async listForPlacement(placementId) {
      const rows = await db
        .selectFrom('evidence_note')
        .selectAll()
        .where('placement_id', '=', placementId)
        .orderBy('requirement_id')
        .orderBy('created_at')
        .execute();
      return rows.map(toEvidenceNote);
    },

    async delete(id) {
      const result = await db.deleteFrom('evidence_note').where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw new StorageError({ code: 'not_found', entity: 'evidence note', id });
    },
  };
}

export function toEvidenceNote(row: EvidenceNoteRow): EvidenceNote {
  return {
    id: row.id,
    placementId: row.placement_id,
    requirementId: row.requirement_id,
    kind: row.kind,
    text: row.text,
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}
