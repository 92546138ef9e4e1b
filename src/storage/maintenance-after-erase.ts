// After an erasure the deleted rows are gone from every query, but not yet from the disk: PostgreSQL
// (and PGlite, which is PostgreSQL) only marks them dead. Measured on both backends (README, "Data";
// test/storage/erasure-copies.test.ts):
//  - a plain VACUUM frees the dead rows' space but does not rewrite the page, so their bytes stay
//    until something happens to overwrite them. `VACUUM FULL` writes each table (with its indexes and
//    TOAST) to new files and deletes the old ones: no copy in the table files.
//  - the planner's statistics (pg_statistic, seen through pg_stats) keep an e-mail or a text as a most
//    common value or histogram bound until the table is analysed again. `ANALYZE` (here with the
//    rewrite) replaces them, but the replaced rows of pg_statistic are themselves dead rows on disk, so
//    pg_statistic is rewritten too (superuser only: skipped, and reported, elsewhere).
//  - the WAL recorded the rows when they were written. PGlite is started with `wal_recycle=off` (see
//    database.ts), so a segment no longer needed is deleted rather than renamed for reuse with its
//    contents; `pg_switch_wal()` closes the current segment and a `CHECKPOINT` deletes the closed ones.
//    On a PostgreSQL server this runs only where it has that effect (wal_recycle off, and the rights to
//    checkpoint); otherwise the server's WAL, archive, replicas and backups keep their copies for as
//    long as the server's own retention says.
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** The tables that can hold a row of a student's (what `eraseStudent` deletes or rewrites). */
export const STUDENT_TABLES = [
  'person',
  'identity',
  'placement',
  'reflection',
  'observation',
  'evidence_note',
  'checkin',
  'checkin_pause',
  'summary_delivery',
  'slack_dm_channel',
  'teams_conversation_reference',
  'audit_log',
] as const satisfies readonly (keyof DatabaseSchema)[];

export type StudentTable = (typeof STUDENT_TABLES)[number];

export interface PurgeReport {
  /** Tables written anew without the deleted rows (`VACUUM FULL`) and analysed again. */
  rewritten: StudentTable[];
  /** pg_statistic rewritten, so the replaced statistics are gone from its file too. */
  statistics: 'rewritten' | 'skipped';
  /** The WAL segments that recorded the deleted rows deleted (a switch to a new segment and a checkpoint). */
  wal: 'removed' | 'skipped';
  /** What could not run, and why (an SQLSTATE or a reason); the erasure itself stands. */
  skipped: { step: string; reason: string }[];
  ms: number;
}

/** How long a rewrite waits for a table that someone else holds, before it gives up on that table. */
const LOCK_TIMEOUT = '10s';
/** How long the purge waits for transactions older than it to end (see `olderSnapshotsEnded`). */
const OLDER_SNAPSHOTS_WAIT_MS = 10_000;
const POLL_MS = 50;

/**
 * Removes the copies a committed erasure left: rewrites `tables` and their statistics, then the
 * statistics catalogue, then (where it deletes them) the WAL segments. Never throws for a step that
 * cannot run here (rights, a lock held too long); it reports it.
 */
export async function purgeErasedCopies(db: Kysely<DatabaseSchema>, tables: readonly StudentTable[] = STUDENT_TABLES): Promise<PurgeReport> {
  const started = performance.now();
  const report: PurgeReport = { rewritten: [], statistics: 'skipped', wal: 'skipped', skipped: [], ms: 0 };
  try {
    // One connection: the lock timeout holds for every step, and VACUUM runs outside any transaction.
    await db.connection().execute((conn) => purge(conn, tables, report));
  } catch (error) {
    // The erasure has committed whatever happens here: a failure is reported, not thrown.
    report.skipped.push({ step: 'purge', reason: sqlState(error) });
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

async function purge(conn: Kysely<DatabaseSchema>, tables: readonly StudentTable[], report: PurgeReport): Promise<void> {
  const attempt = async (step: string, work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (error) {
      report.skipped.push({ step, reason: sqlState(error) });
      return false;
    }
  };
  await sql`SELECT set_config('lock_timeout', ${LOCK_TIMEOUT}, false)`.execute(conn);
  try {
    if (!(await olderSnapshotsEnded(conn))) report.skipped.push({ step: 'wait for older transactions', reason: 'a transaction older than the erasure is still open: the row versions it may see are copied by the rewrite' });
    for (const table of new Set(tables)) {
      const step = `VACUUM (FULL, ANALYZE) ${table}`;
      // VACUUM skips a table it may not maintain with only a warning: ask first.
      if (!(await maintains(conn, table))) report.skipped.push({ step, reason: 'needs ownership of the table' });
      else if (await attempt(step, () => sql`VACUUM (FULL, ANALYZE) ${sql.table(table)}`.execute(conn))) report.rewritten.push(table);
    }
    const rights = await privileges(conn);
    if (!rights.maintainStatistics) report.skipped.push({ step: 'VACUUM FULL pg_statistic', reason: 'needs superuser or MAINTAIN on pg_statistic' });
    else if (await attempt('VACUUM FULL pg_statistic', () => sql`VACUUM FULL pg_catalog.pg_statistic`.execute(conn))) report.statistics = 'rewritten';

    if (rights.walRecycle !== 'off') report.skipped.push({ step: 'CHECKPOINT', reason: 'wal_recycle=on: old WAL segments are reused, not deleted, by this server' });
    else if (!rights.superuser) report.skipped.push({ step: 'CHECKPOINT', reason: 'needs superuser' });
    else if ((await attempt('pg_switch_wal()', () => sql`SELECT pg_switch_wal()`.execute(conn))) && (await attempt('CHECKPOINT', () => sql`CHECKPOINT`.execute(conn)))) {
      report.wal = 'removed';
    }
  } finally {
    await sql`RESET lock_timeout`.execute(conn);
  }
}

/**
 * `VACUUM FULL` copies every row version that a transaction still open in this database might see,
 * deleted ones included: a snapshot taken before the erasure committed keeps the erased rows in the new
 * files. So the rewrite waits, a bounded while, until each transaction that holds a snapshot now has
 * ended. (On PGlite, one connection, there are none.)
 */
async function olderSnapshotsEnded(conn: Kysely<DatabaseSchema>): Promise<boolean> {
  const holding = () =>
    sql<{ pid: number; started: string }>`
      SELECT pid, xact_start::text AS started FROM pg_catalog.pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL`.execute(conn);
  const key = (row: { pid: number; started: string }) => `${row.pid} ${row.started}`;
  const before = new Set((await holding()).rows.map(key));
  const deadline = performance.now() + OLDER_SNAPSHOTS_WAIT_MS;
  while (before.size > 0) {
    const still = (await holding()).rows.map(key).filter((k) => before.has(k));
    if (still.length === 0) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

async function privileges(conn: Kysely<DatabaseSchema>): Promise<{ superuser: boolean; maintainStatistics: boolean; walRecycle: string }> {
  const row = (
    await sql<{ superuser: boolean; wal_recycle: string }>`
      SELECT coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), false) AS superuser,
             current_setting('wal_recycle') AS wal_recycle`.execute(conn)
  ).rows[0];
  const superuser = row?.superuser === true;
  let maintainStatistics = superuser;
  if (!superuser) {
    try {
      // PostgreSQL 17's MAINTAIN privilege (the pg_maintain role); older servers reject the word.
      const maintain = await sql<{ ok: boolean }>`SELECT has_table_privilege('pg_catalog.pg_statistic', 'MAINTAIN') AS ok`.execute(conn);
      maintainStatistics = maintain.rows[0]?.ok === true;
    } catch {
      maintainStatistics = false;
    }
  }
  return { superuser, maintainStatistics, walRecycle: row?.wal_recycle ?? 'on' };
}

/** Whether this role owns the table (as the role that ran the migrations does), or is a superuser. */
async function maintains(conn: Kysely<DatabaseSchema>, table: string): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`SELECT pg_has_role(relowner, 'USAGE') AS ok FROM pg_catalog.pg_class WHERE oid = to_regclass(${table})`.execute(conn);
  return result.rows[0]?.ok === true;
}

function sqlState(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code === '55P03' ? '55P03 lock_timeout' : code === '42501' ? '42501 insufficient_privilege' : code;
  return error instanceof Error ? error.name : 'unknown';
}
