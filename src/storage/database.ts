import { resolve } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { createPgliteDialect } from './pglite-dialect.ts';
import type { DatabaseSchema } from './schema.ts';

export interface DatabaseConfig {
  /** `postgres://…`; when set, PostgreSQL is used and `dataDir` is ignored. */
  url?: string;
  /** PGlite data directory (the caller passes e.g. `./data/pglite`); `memory://` keeps it in memory. */
  dataDir: string;
  logger: Logger;
  /** PostgreSQL only: the schema to work in (sets `search_path`); tests use a fresh schema per file. */
  schema?: string;
}

export type Database =
  | { kind: 'pglite'; db: Kysely<DatabaseSchema>; pglite: PGlite; close(): Promise<void> }
  | { kind: 'postgres'; db: Kysely<DatabaseSchema>; pglite?: undefined; close(): Promise<void> };

export const MEMORY_DATA_DIR = 'memory://';

const DATE_OID = 1082;

/** Opens PostgreSQL (with `url`) or PGlite (otherwise) and brings the schema up to date. */
export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  const database = config.url ? openPostgres(config.url, config) : await openPglite(config.dataDir, config.logger);
  try {
    const report = await migrate(database.db);
    if (report.applied.length > 0) config.logger.info({ migrations: report.applied }, 'Database migrated');
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

function openPostgres(url: string, config: DatabaseConfig): Database {
  if (config.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(config.schema)) {
    throw new Error(`Invalid schema name "${config.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    // DATE stays `YYYY-MM-DD`: a JS Date would shift it by the process' time zone.
    types: dateAsText(),
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (error) => config.logger.error({ err: error }, 'PostgreSQL pool error'));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, close: () => db.destroy() };
}

function dateAsText(): pg.TypeOverrides {
  const overrides = new pg.TypeOverrides();
  overrides.setTypeParser(DATE_OID, (value: string) => value);
  return overrides;
}

async function openPglite(dataDir: string, logger: Logger): Promise<Database> {
  const inMemory = dataDir === MEMORY_DATA_DIR;
  const lock: DataDirLock | null = inMemory ? null : await acquireDataDirLock(dataDir, logger);
  let pglite: PGlite;
  try {
    pglite = new PGlite({
      ...(inMemory ? {} : { dataDir: resolve(dataDir) }),
      parsers: { [pgliteTypes.DATE]: (value: string) => value },
      // A WAL segment no longer needed is deleted, not renamed for reuse with its old contents: after an
      // erasure a checkpoint then removes the segments that recorded the student's rows (maintenance-after-erase.ts).
      startParams: [...PGlite.defaultStartParams, '-c', 'wal_recycle=off'],
    });
    await pglite.waitReady;
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = new Kysely<DatabaseSchema>({ dialect: createPgliteDialect(pglite) });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.destroy(); // closes the PGlite instance too
      } finally {
        await lock?.release();
      }
    },
  };
}
