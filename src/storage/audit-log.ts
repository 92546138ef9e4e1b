import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Clock, systemClock } from './clock.ts';
import { newId } from './ids.ts';
import type { AuditLogRow, DatabaseSchema } from './schema.ts';
import { parseInput } from './validate.ts';

/** Who did what to whose data. Details must not repeat the personal content itself. */
export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  subjectPersonId: string | null;
  details: unknown;
}

export const auditInputSchema = z.object({
  actorId: z.string().min(1).nullish(),
  /** Dotted verb, e.g. `observation.create`, `student.export`. */
  action: z.string().min(1).max(100),
  subjectPersonId: z.string().min(1).nullish(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditInput = z.input<typeof auditInputSchema>;

export interface AuditLog {
  record(entry: AuditInput): Promise<AuditEntry>;
  listAbout(subjectPersonId: string): Promise<AuditEntry[]>;
}

export function createAuditLog(db: Kysely<DatabaseSchema>, clock: Clock = systemClock): AuditLog {
  return {
    async record(entry) {
      const data = parseInput(auditInputSchema, entry);
      const row = await db
        .insertInto('audit_log')
        .values({
          id: newId('a'),
          at: clock.now(),
          actor_id: data.actorId ?? null,
          action: data.action,
          subject_person_id: data.subjectPersonId ?? null,
          details: JSON.stringify(data.details),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditEntry(row);
    },

    async listAbout(subjectPersonId) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_person_id', '=', subjectPersonId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}

export function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    subjectPersonId: row.subject_person_id,
    details: row.details,
  };
}
