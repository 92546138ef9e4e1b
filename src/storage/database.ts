import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { createPgliteDialect } from './pglite-dialect.ts';
import { readPgliteTemplate, unpackPgliteTemplate } from './pglite-template.ts';
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
  | { kind: 'pglite'; db: Kysely<DatabaseSchema>; pglite: PGlite; close(): Promise<void>; ping(): Promise<boolean> }
  | { kind: 'postgres'; db: Kysely<DatabaseSchema>; pglite?: undefined; close(): Promise<void>; ping(): Promise<boolean> };

/** How long a readiness ping waits for the database, and how long its answer is reused. */
export const PING_TIMEOUT_MS = 1_000;
export const PING_CACHE_MS = 1_000;

export const MEMORY_DATA_DIR = 'memory://';

const DATE_OID = 1082;

/**
 * PGlite sized for a chat bot. PostgreSQL's default 128 MB of shared buffers sit inside PGlite's
 * WebAssembly memory and stay resident once touched; 16 MB took idle RSS down by 90–120 MB, with no
 * query time lost that could be told from noise when measured side by side (100,000 rows inserted in
 * transactions of 2,000, point and aggregate queries): evicted pages are still in the operating
 * system's cache. The WebAssembly memory itself starts at 128 MiB, PGlite's default and its floor.
 */
export const PGLITE_SETTINGS: readonly string[] = ['-c', 'shared_buffers=16MB'];

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
  const connection = {
    connectionString: url,
    // DATE stays `YYYY-MM-DD`: a JS Date would shift it by the process' time zone.
    types: dateAsText(),
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    // A server that is away fails a query within seconds instead of leaving it waiting for a connection.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  };
  const pool = new pg.Pool(connection);
  survivePoolErrors(pool, config.logger, 'PostgreSQL connection lost');
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  // Readiness gets a pool of its own: a busy main pool must not read as a database that is away.
  const probe = new pg.Pool({ ...connection, max: 1, idleTimeoutMillis: 30_000, connectionTimeoutMillis: PING_TIMEOUT_MS, query_timeout: PING_TIMEOUT_MS });
  survivePoolErrors(probe, config.logger, 'PostgreSQL readiness connection lost');
  const ping = cachedPing(async () => {
    await probe.query('SELECT 1');
  });
  return {
    kind: 'postgres',
    db,
    ping,
    async close() {
      await Promise.allSettled([probe.end()]);
      await db.destroy();
    },
  };
}

/**
 * A PostgreSQL restart (or a connection ended by an operator) emits 'error' on every client it cuts
 * off: on the pool for an idle client, and on the client itself for one checked out (Kysely adds no
 * listener of its own there, and an unheard 'error' ends the process). Each is logged once at warn,
 * through the log serializer (type, message, codes; no values); the query in flight fails with the same error, and the pool
 * opens a new connection for the next one.
 */
function survivePoolErrors(pool: pg.Pool, logger: Logger, message: string): void {
  pool.on('error', (error) => logger.warn({ err: error }, message));
  pool.on('connect', (client) => {
    client.on('error', (error) => logger.debug({ err: error }, `${message} (in use)`));
  });
}

/** `SELECT 1` with a short timeout, its answer shared by concurrent callers and reused for a second. */
function cachedPing(check: () => Promise<void>): () => Promise<boolean> {
  let last: { at: number; ok: boolean } | null = null;
  let running: Promise<boolean> | null = null;
  return () => {
    if (last && performance.now() - last.at < PING_CACHE_MS) return Promise.resolve(last.ok);
    running ??= withTimeout(check(), PING_TIMEOUT_MS).then(
      () => true,
      () => false,
    ).then((ok) => {
      last = { at: performance.now(), ok };
      running = null;
      return ok;
    });
    return running;
  };
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function dateAsText(): pg.TypeOverrides {
  const overrides = new pg.TypeOverrides();
  overrides.setTypeParser(DATE_OID, (value: string) => value);
  return overrides;
}

function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

async function openPglite(dataDir: string, logger: Logger): Promise<Database> {
  const inMemory = dataDir === MEMORY_DATA_DIR;
  const lock: DataDirLock | null = inMemory ? null : await acquireDataDirLock(dataDir, logger);
  let pglite: PGlite;
  try {
    // Imported here: a server on PostgreSQL does not load PGlite at all.
    const embedded = await import('@electric-sql/pglite');
    // A new database starts from the shipped initdb output instead of running initdb (pglite-template.ts).
    const template = inMemory ? readPgliteTemplate() : undefined;
    if (!inMemory && isEmptyOrMissing(resolve(dataDir))) unpackPgliteTemplate(resolve(dataDir));
    pglite = new embedded.PGlite({
      ...(inMemory ? {} : { dataDir: resolve(dataDir) }),
      ...(template ? { loadDataDir: template } : {}),
      parsers: { [embedded.types.DATE]: (value: string) => value },
      // A WAL segment no longer needed is deleted, not renamed for reuse with its old contents: after an
      // erasure a checkpoint then removes the segments that recorded the student's rows (maintenance-after-erase.ts).
      startParams: [...embedded.PGlite.defaultStartParams, '-c', 'wal_recycle=off', ...PGLITE_SETTINGS],
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
    // In-process: it is there as long as the process is; a long statement (a vacuum) blocks everything anyway.
    ping: cachedPing(async () => {
      await pglite.query('SELECT 1');
    }),
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
