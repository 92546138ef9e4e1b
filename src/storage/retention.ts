// Retention: what Osaava no longer needs is deleted, so the tables stay the size of the retention
// periods instead of growing by two million rows a year. The school (the controller) chooses the
// periods; the defaults and why are in the README ("Data"). Three rules:
//  - a placement and everything recorded in it (reflections, observations, evidence notes, pauses,
//    check-ins) go `placementDays` after the placement's end date; nothing of a placement that has
//    not ended that long ago is touched by this rule;
//  - the scheduler's delivery records (a check-in row per working day, a summary row per recipient
//    and week) go `deliveryDays` after their day, also while a long placement goes on: after the
//    answer window and the week's summary nothing reads them (the reflections are the content);
//  - audit entries go `auditDays` after they were written.
// Deletion is in batches of `batchRows` rows, each its own short statement (no long lock, no huge
// transaction), within a time budget: what is left is deleted the next time. Idempotent.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema } from './schema.ts';

export const retentionPolicySchema = z.object({
  /** Days after a placement's end date until it and its data are deleted. */
  placementDays: z.number().int().min(30).max(36_500).default(365),
  /** Days after its day (a summary: its week's start) until a check-in or summary delivery row is deleted. */
  deliveryDays: z.number().int().min(35).max(36_500).default(90),
  /** Days after it was written until an audit entry is deleted. */
  auditDays: z.number().int().min(30).max(36_500).default(730),
  /** Rows per DELETE statement. */
  batchRows: z.number().int().min(1).max(50_000).default(5_000),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;
export type RetentionPolicyInput = z.input<typeof retentionPolicySchema>;

/** The tables retention deletes from, in the order it does. */
export const RETENTION_TABLES = ['audit_log', 'summary_delivery', 'checkin', 'checkin_pause', 'evidence_note', 'observation', 'reflection', 'placement'] as const;
export type RetentionTable = (typeof RETENTION_TABLES)[number];

export interface RetentionReport {
  /** Rows deleted per table (counts only: nothing about whom). */
  deleted: Record<RetentionTable, number>;
  /** Whether everything past retention is gone; false when the time budget ran out first. */
  complete: boolean;
  batches: number;
  ms: number;
}

export interface RetentionRunOptions {
  /** Stop starting new batches after this long; the rest is deleted next time. */
  budgetMs?: number;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the UTC day `days` before `now`: a day's difference in a time zone does not matter at these periods. */
export function cutoffDate(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

interface Step {
  table: RetentionTable;
  /** One batch: a DELETE of at most `limit` rows. */
  batch(limit: number): RawBuilder<unknown>;
}

function steps(policy: RetentionPolicy, now: Date): Step[] {
  const auditBefore = new Date(now.getTime() - policy.auditDays * DAY_MS);
  const deliveryBefore = cutoffDate(now, policy.deliveryDays);
  const endedBefore = cutoffDate(now, policy.placementDays);
  // Rows of the placements past retention, found through placement_end_date_idx and each table's
  // placement index (the non-cascading children first, so the placement itself can go).
  const ofExpired = (table: RetentionTable) => ({
    table,
    batch: (limit: number) => sql`
      DELETE FROM ${sql.table(table)} WHERE id IN (
        SELECT x.id FROM placement p JOIN ${sql.table(table)} x ON x.placement_id = p.id
        WHERE p.end_date < ${endedBefore}::date LIMIT ${limit})`,
  });
  return [
    {
      table: 'audit_log',
      batch: (limit) => sql`DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ${auditBefore} ORDER BY at LIMIT ${limit})`,
    },
    {
      table: 'summary_delivery',
      batch: (limit) => sql`
        DELETE FROM summary_delivery WHERE id IN (
          SELECT id FROM summary_delivery WHERE week_start < ${deliveryBefore}::date LIMIT ${limit})`,
    },
    // Old check-ins through their placement's (placement_id, local_date) key: no index of its own on
    // the table the fan-out updates most.
    {
      table: 'checkin',
      batch: (limit) => sql`
        DELETE FROM checkin WHERE id IN (
          SELECT c.id FROM placement p JOIN checkin c ON c.placement_id = p.id AND c.local_date < ${deliveryBefore}::date
          WHERE p.start_date < ${deliveryBefore}::date LIMIT ${limit})`,
    },
    ofExpired('checkin'),
    ofExpired('checkin_pause'),
    ofExpired('evidence_note'),
    ofExpired('observation'),
    ofExpired('reflection'),
    {
      table: 'placement',
      // A row written meanwhile (it should not be, a year on) keeps its placement until next time.
      batch: (limit) => sql`
        DELETE FROM placement WHERE id IN (
          SELECT p.id FROM placement p
          WHERE p.end_date < ${endedBefore}::date
            AND NOT EXISTS (SELECT 1 FROM reflection r WHERE r.placement_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.placement_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM evidence_note n WHERE n.placement_id = p.id)
          LIMIT ${limit})`,
    },
  ];
}

/**
 * Deletes what is past retention at `now`, batch by batch, until nothing is left or the budget is
 * spent. Safe to run again at any time and from several processes (each batch stands alone).
 */
export async function applyRetention(db: Kysely<DatabaseSchema>, input: RetentionPolicyInput, now: Date, options: RetentionRunOptions = {}): Promise<RetentionReport> {
  const policy = retentionPolicySchema.parse(input);
  const started = performance.now();
  const deadline = started + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const deleted: Record<RetentionTable, number> = { audit_log: 0, summary_delivery: 0, checkin: 0, checkin_pause: 0, evidence_note: 0, observation: 0, reflection: 0, placement: 0 };
  let batches = 0;
  let complete = true;
  outer: for (const step of steps(policy, now)) {
    for (;;) {
      if (performance.now() >= deadline) {
        complete = false;
        break outer;
      }
      const result = await step.batch(policy.batchRows).execute(db);
      const n = Number(result.numAffectedRows ?? 0n);
      batches += 1;
      deleted[step.table] += n;
      if (n < policy.batchRows) break;
    }
  }
  return { deleted, complete, batches, ms: Math.round(performance.now() - started) };
}

/** The tables a run deleted from (for the embedded database's vacuum afterwards). */
export function tablesTouched(report: RetentionReport): RetentionTable[] {
  return RETENTION_TABLES.filter((t) => report.deleted[t] > 0);
}
