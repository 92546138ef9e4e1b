import { randomBytes } from 'node:crypto';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Clock, createDatabase, type Database, type DatabaseSchema, MEMORY_DATA_DIR, migrate } from '../../src/storage/index.ts';
import { createPgliteDialect } from '../../src/storage/pglite-dialect.ts';

// Every storage test runs on in-memory PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set
// (each test file in its own fresh schema, dropped afterwards). Without it the PostgreSQL suites are
// still declared, and reported as skipped with the reason in their titles.
export type BackendName = 'pglite' | 'postgres';

export const silentLogger = pino({ level: 'silent' });

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

/** Appended to the title of a PostgreSQL suite that is skipped, so that the skip is visible in the report. */
export const POSTGRES_SKIP_NOTE = '(skipped: set TEST_DATABASE_URL)';

/** `describe.skipIf` for a PostgreSQL-only suite: reported as skipped, with the reason in its title, when TEST_DATABASE_URL is not set. */
export function describePostgres(title: string, body: (url: string) => void): void {
  describe.skipIf(!postgresUrl)(postgresUrl ? title : `${title} ${POSTGRES_SKIP_NOTE}`, () => body(postgresUrl ?? ''));
}

/**
 * One describe block per backend (`%s` in the title is the backend's name). The PostgreSQL block is
 * always declared: without TEST_DATABASE_URL its tests are reported as skipped (not left out), with
 * the reason in the block's title.
 */
export function describeEachBackend(title: string, body: (backend: BackendName) => void): void {
  describe(title.replaceAll('%s', 'pglite'), () => body('pglite'));
  describePostgres(title.replaceAll('%s', 'postgres'), () => body('postgres'));
}

export const OPEN_TIMEOUT = 60_000;

export interface TestDatabase extends Pick<Database, 'db' | 'kind'> {
  close(): Promise<void>;
}

export async function openTestDatabase(backend: BackendName): Promise<TestDatabase> {
  switch (backend) {
    case 'pglite':
      return openPgliteCopy();
    case 'postgres': {
      if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
      const url = postgresUrl;
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await adminQuery(url, `CREATE SCHEMA ${schema}`);
      const open = () => createDatabase({ url, dataDir: '', logger: silentLogger, schema });
      // Seen once in 4 CI runs with two workers: the fresh schema not yet visible to the pool's first
      // connection ("schema … does not exist" in Kysely's migration-table check). Make sure it exists
      // and open once more; any other failure, or a second one, fails the test.
      const database = await open().catch(async (error: unknown) => {
        if (!String((error as { cause?: unknown })?.cause ?? error).includes('does not exist')) throw error;
        await adminQuery(url, `CREATE SCHEMA IF NOT EXISTS ${schema}`);
        return open();
      });
      return {
        db: database.db,
        kind: database.kind,
        async close() {
          await database.close();
          await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
        },
      };
    }
  }
}

/**
 * A fresh in-memory PGlite costs about a second of CPU in initdb. The first test database of a worker
 * is opened as the app opens one (createDatabase: initdb, migrations) and its data directory dumped;
 * the others start from a copy of that dump. A copy is opened with the options of openPglite in
 * src/storage/database.ts (keep them in step: the DATE parser) and migrated, a no-op check that the
 * copy is current.
 */
let pgliteTemplate: Promise<Blob> | undefined;

function pgliteTemplateDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const database = await createDatabase({ dataDir: MEMORY_DATA_DIR, logger: silentLogger });
    try {
      if (database.kind !== 'pglite') throw new Error('expected PGlite');
      return await database.pglite.dumpDataDir('none');
    } finally {
      await database.close();
    }
  })();
  pgliteTemplate.catch(() => {
    pgliteTemplate = undefined;
  });
  return pgliteTemplate;
}

async function openPgliteCopy(): Promise<TestDatabase> {
  const pglite = new PGlite({ loadDataDir: await pgliteTemplateDump(), parsers: { [pgliteTypes.DATE]: (value: string) => value } });
  await pglite.waitReady;
  const db = new Kysely<DatabaseSchema>({ dialect: createPgliteDialect(pglite) });
  const report = await migrate(db);
  if (report.applied.length > 0) throw new Error(`the PGlite template was not current: ${report.applied.join(', ')}`);
  let closed = false;
  return {
    db,
    kind: 'pglite',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // closes the PGlite instance too
    },
  };
}

export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A clock the test moves by hand. */
export function createTestClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set(next: string) {
      current = new Date(next);
    },
  };
}

/** What the case modules get: the open database of the backend under test. */
export interface StorageContext {
  readonly backend: BackendName;
  readonly db: TestDatabase['db'];
}

/** Opens the backend once for the enclosing describe block (PGlite start-up is the slow part). */
export function useTestDatabase(backend: BackendName): StorageContext {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  }, OPEN_TIMEOUT);
  afterAll(async () => {
    await database?.close();
  });
  return {
    backend,
    get db() {
      if (!database) throw new Error('database not open yet');
      return database.db;
    },
  };
}
