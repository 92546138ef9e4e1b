// PostgreSQL cutting the app's connections off (a restart, an operator's pg_terminate_backend):
// the 'error' events of idle and checked-out clients are handled (one warn line, no values), the
// statement in flight fails, the process goes on, and the next queries get new connections.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/storage/index.ts';
import { adminQuery, describePostgres, OPEN_TIMEOUT } from './backends.ts';

describePostgres('connections terminated by PostgreSQL', (baseUrl) => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const applicationName = `osaava_conn_loss_${randomBytes(4).toString('hex')}`;
  const url = (() => {
    const u = new URL(baseUrl);
    u.searchParams.set('application_name', applicationName);
    return u.toString();
  })();
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  let database: Database;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => void uncaught.push(error);

  beforeAll(async () => {
    await adminQuery(baseUrl, `CREATE SCHEMA ${schema}`);
    database = await createDatabase({ url, dataDir: '', logger, schema });
    process.on('uncaughtException', onUncaught);
  }, OPEN_TIMEOUT);

  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await database?.close();
    await adminQuery(baseUrl, `DROP SCHEMA ${schema} CASCADE`);
  });

  /** Terminates every backend of this test's pools, from a connection of its own. */
  async function terminateOurs(): Promise<number> {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      const result = await admin.query<{ ok: boolean }>('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [applicationName]);
      return result.rows.filter((r) => r.ok).length;
    } finally {
      await admin.end();
    }
  }

  it('survives idle and checked-out clients being terminated, and works again', async () => {
    const { db } = database;
    // Several idle connections in the pool, one for readiness.
    await Promise.all(Array.from({ length: 4 }, () => sql`SELECT pg_sleep(0.05)`.execute(db)));
    expect(await database.ping()).toBe(true);
    // And one checked out, inside a transaction, when the connections are cut.
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let cut!: () => void;
    const afterCut = new Promise<void>((resolve) => (cut = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      inside();
      await afterCut;
      await sql`SELECT 2`.execute(trx);
    });
    const settled = transaction.then(
      () => 'committed',
      (error: unknown) => (error as Error).message,
    );
    await entered;
    const terminated = await terminateOurs();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the 'error' events arrive
    cut();
    expect(terminated).toBeGreaterThanOrEqual(5); // three idle, one in a transaction, one for readiness
    expect(await settled).not.toBe('committed');

    // The process is still here, and the next statements open new connections.
    expect(uncaught).toEqual([]);
    const again = await sql<{ n: number }>`SELECT 41 + 1 AS n`.execute(db);
    expect(again.rows[0]?.n).toBe(42);
    await Promise.all(Array.from({ length: 4 }, () => sql`SELECT 1`.execute(db)));
    await db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the cached readiness answer
    expect(await database.ping()).toBe(true);

    // Logged at warn, once per idle connection, with the error's type and message and no values.
    const warned = lines.filter((l) => l.level === 40);
    expect(warned.length).toBeGreaterThan(0);
    for (const line of warned) {
      expect(line.msg).toMatch(/PostgreSQL (readiness )?connection lost/);
      expect(JSON.stringify(line.err)).toMatch(/terminating connection|Connection terminated/);
    }
    expect(lines.filter((l) => typeof l.level === 'number' && l.level >= 50)).toEqual([]);
  }, 30_000);
});
