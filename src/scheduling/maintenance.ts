// Nightly upkeep of the database, run from the scheduler's tick.
// Retention (both databases): what is past the school's retention periods is deleted each night, in
// short slices, one per tick, so that no tick runs long and a large backlog (the first night after
// an upgrade) spreads over several nights.
// The embedded database has no autovacuum: without statistics the planner picks nested loops that
// turn a week's summary for 10,000 placements from a second into a minute, and updated or deleted
// rows are never reclaimed. The scheduler does for PGlite what autovacuum does for PostgreSQL:
// statistics at the first tick, and a vacuum each night after retention (PGlite blocks the process
// while it works, so not in the daytime, when people are chatting).
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../storage/database.ts';
import { applyRetention, type RetentionPolicyInput, type RetentionTable, tablesTouched } from '../storage/retention.ts';

const HOUR_MS = 3_600_000;
/** Nightly maintenance runs between these UTC hours (02:00–05:00 in Helsinki in winter). */
const NIGHT_UTC = { from: 0, to: 3 };
/** One tick's slice of retention work: well inside the tick job's expiry. */
const RETENTION_SLICE_MS = 20_000;
/** Slices a night at most (one a minute): the rest of a backlog waits for the next night. */
const RETENTION_SLICES_PER_NIGHT = 15;

/** The tables the scheduler churns every day. */
const CHURNING_TABLES = ['checkin', 'summary_delivery', 'send_rate'] as const;

export interface MaintenanceOptions {
  /** The retention periods; null or absent = nothing is ever deleted (RETENTION=off). */
  retention?: RetentionPolicyInput | null;
}

export interface Maintenance {
  /** Runs what is due; returns what ran: a retention slice, the vacuum (after the night's retention), the first analyse. */
  runIfDue(now: Date): Promise<'analyze' | 'vacuum' | 'retention' | null>;
}

type Embedded = Pick<Database, 'kind' | 'db'>;

/** Statistics for every table: cheap (sampled), and what the query plans need. */
export async function analyzeEmbeddedDatabase(database: Embedded): Promise<void> {
  if (database.kind !== 'pglite') return;
  await sql`ANALYZE`.execute(database.db);
}

/** The scheduler's churning tables (and those retention deleted from) reclaimed, then statistics. */
export async function maintainEmbeddedDatabase(database: Embedded, alsoTables: readonly RetentionTable[] = []): Promise<void> {
  if (database.kind !== 'pglite') return;
  const tables = [...new Set<string>([...CHURNING_TABLES, ...alsoTables])];
  await sql`VACUUM (ANALYZE) ${sql.join(tables.map((t) => sql.table(t)))}`.execute(database.db);
  await analyzeEmbeddedDatabase(database);
}

const isNight = (now: Date): boolean => now.getUTCHours() >= NIGHT_UTC.from && now.getUTCHours() < NIGHT_UTC.to;

export function createMaintenance(database: Embedded | undefined, logger: Logger, options: MaintenanceOptions = {}): Maintenance {
  let analyzed = false;
  let vacuumedAt: number | null = null;
  // Retention's progress tonight: the night (its UTC date), slices run, tables deleted from.
  let retentionNight: string | null = null;
  let retentionDone = false;
  let slices = 0;
  const touched = new Set<RetentionTable>();

  const retentionOver = (now: Date): boolean => !options.retention || (retentionNight === now.toISOString().slice(0, 10) && retentionDone);

  /** One slice of tonight's retention (the first of a night starts afresh). */
  async function retentionSlice(db: Embedded['db'], policy: RetentionPolicyInput, now: Date): Promise<void> {
    const night = now.toISOString().slice(0, 10);
    if (retentionNight !== night) {
      retentionNight = night;
      retentionDone = false;
      slices = 0;
    }
    slices += 1;
    const report = await applyRetention(db, policy, now, { budgetMs: RETENTION_SLICE_MS });
    for (const table of tablesTouched(report)) touched.add(table);
    retentionDone = report.complete || slices >= RETENTION_SLICES_PER_NIGHT;
    logger.info({ deleted: report.deleted, complete: report.complete, batches: report.batches, slice: slices, ms: report.ms }, 'retention: data past its retention period deleted');
  }

  return {
    async runIfDue(now) {
      if (!database) return null;
      if (isNight(now) && options.retention && !retentionOver(now)) {
        await retentionSlice(database.db, options.retention, now);
        // On PGlite the vacuum follows once tonight's retention is over, in the same tick.
        if (!retentionOver(now) || database.kind !== 'pglite') return 'retention';
      }
      if (database.kind !== 'pglite') return null;
      const started = performance.now();
      if (isNight(now) && (vacuumedAt === null || now.getTime() - vacuumedAt > 20 * HOUR_MS)) {
        vacuumedAt = now.getTime();
        analyzed = true;
        await maintainEmbeddedDatabase(database, [...touched]);
        touched.clear();
        logger.info({ ms: Math.round(performance.now() - started) }, 'embedded database vacuumed and analysed');
        return 'vacuum';
      }
      if (analyzed) return null;
      analyzed = true;
      await analyzeEmbeddedDatabase(database);
      logger.info({ ms: Math.round(performance.now() - started) }, 'embedded database analysed');
      return 'analyze';
    },
  };
}
