// pg-boss on whichever database Osaava runs on: the embedded PGlite (through `fromPglite`, sharing
// the one instance) or PostgreSQL (its own small pool on the same database). Same queues, same code.
import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../storage/database.ts';

export interface JobEngineConfig {
  database: Database;
  /** PostgreSQL only: pg-boss opens its own pool with it. */
  databaseUrl?: string;
  schema: string;
}

export function createJobEngine(config: JobEngineConfig): PgBoss {
  const common = { schema: config.schema, application_name: 'osaava-scheduler' };
  switch (config.database.kind) {
    case 'pglite':
      return new PgBoss({ ...common, db: fromPglite(config.database.pglite), backend: 'pglite' });
    case 'postgres':
      if (!config.databaseUrl) throw new Error('the scheduler on PostgreSQL needs databaseUrl for its job engine');
      return new PgBoss({ ...common, connectionString: config.databaseUrl, max: 4 });
  }
}
