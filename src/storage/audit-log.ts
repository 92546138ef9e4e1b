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

/** What an admin reads: the newest entries (about or by one person, or all), and how many there are in all. */
export interface AuditListing {
  entries: AuditEntry[];
  total: number;
}

/** Rows per INSERT of a batch: 6 parameters a row stays far below PostgreSQL's 65,535. */
const BATCH_ROWS = 1_000;

export interface AuditLog {
  record(entry: AuditInput): Promise<AuditEntry>;
  /** Many entries with one timestamp in as few statements as possible (a summary shown to staff: one per student). */
  recordMany(entries: readonly AuditInput[]): Promise<number>;
  listAbout(subjectPersonId: string): Promise<AuditEntry[]>;
  /** The newest `limit` entries, newest first; with `personId` only those about or by that person. */
  latest(options: { personId?: string; limit: number }): Promise<AuditListing>;
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

    async recordMany(entries) {
      if (entries.length === 0) return 0;
      const at = clock.now();
      const rows = entries.map((entry) => {
        const data = parseInput(auditInputSchema, entry);
        return {
          id: newId('a'),
          at,
          actor_id: data.actorId ?? null,
          action: data.action,
          subject_person_id: data.subjectPersonId ?? null,
          details: JSON.stringify(data.details),
        };
      });
      const insertAll = async (q: Kysely<DatabaseSchema>) => {
        for (let i = 0; i < rows.length; i += BATCH_ROWS) await q.insertInto('audit_log').values(rows.slice(i, i + BATCH_ROWS)).execute();
      };
      // Several statements go in one transaction: a batch is recorded whole or not at all.
      if (rows.length <= BATCH_ROWS || db.isTransaction) await insertAll(db);
      else await db.transaction().execute(insertAll);
      return rows.length;
    },

    async latest({ personId, limit }) {
      let entries = db.selectFrom('audit_log').selectAll();
      let count = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n'));
      if (personId) {
        entries = entries.where((eb) => eb.or([eb('subject_person_id', '=', personId), eb('actor_id', '=', personId)]));
        count = count.where((eb) => eb.or([eb('subject_person_id', '=', personId), eb('actor_id', '=', personId)]));
      }
      const [rows, total] = await Promise.all([
        entries.orderBy('at', 'desc').orderBy('id', 'desc').limit(Math.max(0, Math.trunc(limit))).execute(),
        count.executeTakeFirstOrThrow(),
      ]);
      return { entries: rows.map(toAuditEntry), total: Number(total.n) };
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
