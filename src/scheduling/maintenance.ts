// The embedded database has no autovacuum: without statistics the planner picks nested loops that
// turn a week's summary for 10,000 placements from a second into a minute, and updated rows are
// never reclaimed. The scheduler does for PGlite what autovacuum does for PostgreSQL: statistics
// at the first tick, and a vacuum each night (PGlite blocks the process while it works, so not in
// the daytime, when people are chatting).
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../storage/database.ts';

const HOUR_MS = 3_600_000;
/** Nightly maintenance runs between these UTC hours (02:00–05:00 in Helsinki in winter). */
const NIGHT_UTC = { from: 0, to: 3 };

export interface Maintenance {
  /** Runs what is due (on PGlite only); returns what ran. */
  runIfDue(now: Date): Promise<'analyze' | 'vacuum' | null>;
}

type Embedded = Pick<Database, 'kind' | 'db'>;

/** Statistics for every table: cheap (sampled), and what the query plans need. */
export async function analyzeEmbeddedDatabase(database: Embedded): Promise<void> {
  if (database.kind !== 'pglite') return;
  await sql`ANALYZE`.execute(database.db);
}

/** The scheduler's churning tables reclaimed, then statistics. */
export async function maintainEmbeddedDatabase(database: Embedded): Promise<void> {
  if (database.kind !== 'pglite') return;
  await sql`VACUUM (ANALYZE) checkin, summary_delivery, send_rate`.execute(database.db);
  await analyzeEmbeddedDatabase(database);
}

export function createMaintenance(database: Embedded | undefined, logger: Logger): Maintenance {
  let analyzed = false;
  let vacuumedAt: number | null = null;
  return {
    async runIfDue(now) {
      if (database?.kind !== 'pglite') return null;
      const started = performance.now();
      const hour = now.getUTCHours();
      if (hour >= NIGHT_UTC.from && hour < NIGHT_UTC.to && (vacuumedAt === null || now.getTime() - vacuumedAt > 20 * HOUR_MS)) {
        vacuumedAt = now.getTime();
        analyzed = true;
        await maintainEmbeddedDatabase(database);
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
