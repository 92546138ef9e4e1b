// The embedded database has no autovacuum: without statistics the planner picks nested loops that
// turn a week's summary for 10,000 placements from a second into a minute, and updated rows are
// never reclaimed. The scheduler does for PGlite what autovacuum does for PostgreSQL, once a day.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../storage/database.ts';

const DAY_MS = 86_400_000;

export interface Maintenance {
  /** Runs when due (on PGlite only); returns whether it ran. */
  runIfDue(now: Date): Promise<boolean>;
}

export async function maintainEmbeddedDatabase(database: Pick<Database, 'kind' | 'db'>): Promise<void> {
  if (database.kind !== 'pglite') return;
  // The scheduler's own tables churn (three updates per check-in); the rest only need statistics.
  await sql`VACUUM (ANALYZE) checkin, summary_delivery, send_rate`.execute(database.db);
  await sql`ANALYZE`.execute(database.db);
}

export function createMaintenance(database: Pick<Database, 'kind' | 'db'> | undefined, logger: Logger): Maintenance {
  let last: number | null = null;
  return {
    async runIfDue(now) {
      if (!database || database.kind !== 'pglite') return false;
      if (last !== null && now.getTime() - last < DAY_MS) return false;
      last = now.getTime();
      const started = performance.now();
      await maintainEmbeddedDatabase(database);
      logger.info({ ms: Math.round(performance.now() - started) }, 'embedded database vacuumed and analysed');
      return true;
    },
  };
}
