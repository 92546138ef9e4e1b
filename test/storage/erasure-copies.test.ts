import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditLog,
  createDatabase,
  createEvidenceNoteRepo,
  createObservationRepo,
  createPeopleRepo,
  createPlacementRepo,
  createReflectionRepo,
  type Database,
  type DatabaseSchema,
  eraseStudent,
} from '../../src/storage/index.ts';
import { removeStudentExports } from '../../src/storage/maintenance-exports.ts';
import { createSlackDmChannelRepo } from '../../src/storage/slack-dm-channel-repo.ts';
import pg from 'pg';
import { adminQuery, createTestClock, describePostgres, OPEN_TIMEOUT, openTestDatabase, postgresUrl, silentLogger, type TestDatabase } from './backends.ts';

// After `erase … confirm` no copy of the student remains (issue 14): not in the planner statistics
// (pg_stats), not in the table files, not in PGlite's WAL. Each suite seeds a student whose e-mail,
// name and texts carry a canary, analyses so the statistics hold them, checks that the canary is
// really there (in pg_stats and in the files), erases, and looks again.

const MARK = 'canary-7f3a';
const CANARIES = [`erasure-${MARK}-91c2@example.fi`, `olen raskaana ${MARK}`, `Erasure Kanarialintu-${MARK}`];
const [EMAIL, TEXT, NAME] = CANARIES as [string, string, string];

async function seed(db: Kysely<DatabaseSchema>): Promise<{ studentId: string; bystanders: number }> {
  const clock = createTestClock('2026-03-12T12:00:00Z');
  const people = createPeopleRepo(db);
  const instructor = await people.create({ name: 'Mikko Ohjaaja', roles: ['instructor'] });
  const teacher = await people.create({ name: 'Liisa Opettaja', roles: ['teacher'] });
  const placements = createPlacementRepo(db);
  const enrol = async (name: string, email: string) => {
    const student = await people.create({ name, email, roles: ['student'] });
    const placement = await placements.create({ studentId: student.id, instructorId: instructor.id, teacherId: teacher.id, workplaceName: 'Kodin Tekniikka Oy', unitIds: ['asiakkuuksien-hoitaminen'], startDate: '2026-03-02', endDate: '2026-05-08', status: 'active' });
    return { student, placement };
  };
  // Bystanders, so that the statistics are about many rows (and stay after the erasure).
  const bystanders = 40;
  for (let i = 0; i < bystanders; i++) {
    const { placement } = await enrol(`Opiskelija ${i}`, `opiskelija-${i}@example.fi`);
    await createReflectionRepo(db, clock).upsertForDay({ placementId: placement.id, status: 'answered', text: `Päivä ${i}: asiakaspalvelua kassalla.` });
  }
  // The student's rows come last, the newest of their pages: a plain VACUUM moves nothing over them
  // (it compacts a page by moving the rows after a dead one), so their bytes would stay in the files.
  const { student, placement } = await enrol(NAME, EMAIL);
  await createReflectionRepo(db, clock).upsertForDay({ placementId: placement.id, status: 'answered', text: TEXT, hard: `${TEXT} (vaikeaa)` });
  await createObservationRepo(db, clock).create({ placementId: placement.id, authorId: instructor.id, text: `Havainto: ${TEXT}` });
  await createEvidenceNoteRepo(db, clock).create({ placementId: placement.id, requirementId: 'AH-T3', text: `Muualla osoitettu: ${TEXT}`, authorId: teacher.id });
  await people.linkIdentity({ platform: 'slack', tenantId: 'T0CANARY', externalId: 'UCANARY7F3A', personId: student.id });
  await createSlackDmChannelRepo(db, clock.now).remember('T0CANARY', 'UCANARY7F3A', 'DCANARY7F3A');
  await db.insertInto('checkin').values({ id: `ck_${placement.id}`, placement_id: placement.id, student_id: student.id, local_date: '2026-03-12', due_at: new Date('2026-03-12T13:00:00Z'), expires_at: new Date('2026-03-13T13:00:00Z') }).execute();
  await createAuditLog(db, clock).record({ actorId: instructor.id, action: 'observation.create', subjectPersonId: student.id, details: { student: NAME, email: EMAIL } });
  await sql`ANALYZE`.execute(db);
  return { studentId: student.id, bystanders };
}

/** The columns (and expression indexes) whose statistics mention the canary. */
async function statisticsWithCanary(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const result = await sql<{ at: string }>`
    SELECT tablename || '.' || attname AS at FROM pg_stats
    WHERE schemaname = current_schema()
      AND (coalesce(most_common_vals::text, '') || coalesce(histogram_bounds::text, '') || coalesce(most_common_elems::text, '')) LIKE ${`%${MARK}%`}
    ORDER BY 1`.execute(db);
  return result.rows.map((row) => row.at);
}

async function counts(db: Kysely<DatabaseSchema>): Promise<{ people: number; reflections: number }> {
  const result = await sql<{ people: number; reflections: number }>`SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM reflection) AS reflections`.execute(db);
  return result.rows[0] ?? { people: 0, reflections: 0 };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every file under the folder (table files, WAL, everything) that holds one of the canaries, with which. */
function filesWithCanary(dir: string): string[] {
  const needles = CANARIES.map((canary) => Buffer.from(canary));
  return filesUnder(dir).flatMap((file) => {
    const bytes = readFileSync(file);
    return needles.filter((needle) => bytes.includes(needle)).map((needle) => `${file.slice(dir.length)}: ${needle.toString()}`);
  });
}

describe('erasure leaves no copy in an embedded database folder (PGlite on disk)', () => {
  let dataDir: string;
  let database: Database | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'osaava-erasure-'));
    database = await createDatabase({ dataDir: join(dataDir, 'pglite'), logger: silentLogger });
  }, OPEN_TIMEOUT);
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('not in pg_stats, the table files, the WAL or an earlier export', async () => {
    if (!database) throw new Error('not open');
    const { db } = database;
    const { studentId, bystanders } = await seed(db);
    const exportDir = join(dataDir, 'exports');
    mkdirSync(exportDir, { recursive: true });
    writeFileSync(join(exportDir, `${studentId}-2026-03-12.json`), JSON.stringify({ person: { email: EMAIL }, reflections: [{ text: TEXT }] }));
    writeFileSync(join(exportDir, `someone-else-2026-03-12.json`), '{}');
    await sql`CHECKPOINT`.execute(db);
    // The canary is where the test looks for it: in the statistics, in table and index files, in the WAL.
    expect(await statisticsWithCanary(db)).toEqual(expect.arrayContaining(['person.email', 'reflection.text']));
    const before = filesWithCanary(dataDir);
    expect(before.some((hit) => hit.startsWith('/pglite/base/'))).toBe(true);
    expect(before.some((hit) => hit.startsWith('/pglite/pg_wal/'))).toBe(true);

    const report = await eraseStudent(db, studentId);
    expect(await removeStudentExports(exportDir, studentId)).toEqual([`${studentId}-2026-03-12.json`]);

    expect(report.purge).toMatchObject({ statistics: 'rewritten', wal: 'removed', skipped: [] });
    expect(report.purge?.rewritten).toEqual(expect.arrayContaining(['person', 'identity', 'placement', 'reflection', 'observation', 'evidence_note', 'checkin', 'slack_dm_channel', 'audit_log']));
    expect(await statisticsWithCanary(db)).toEqual([]);
    expect(filesWithCanary(dataDir)).toEqual([]);
    expect(readdirSync(exportDir)).toEqual(['someone-else-2026-03-12.json']);
    // The others are all still there, and the statistics are about them.
    expect(await counts(db)).toEqual({ people: bystanders + 2, reflections: bystanders });
    expect(await statisticsWithCanary(db)).toEqual([]);
    const stats = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'person' AND attname = 'email'`.execute(db);
    expect(stats.rows[0]?.n).toBe(1);

    // Also after the database is closed (its shutdown checkpoint writes what was still in memory).
    await database.close();
    database = undefined;
    expect(filesWithCanary(dataDir)).toEqual([]);
  }, 60_000);
});

/** The relations of this test's schema (tables, indexes, TOAST) and pg_statistic, with the canary in their files. */
async function relationFilesWithCanary(db: Kysely<DatabaseSchema>): Promise<string[]> {
  await sql`CHECKPOINT`.execute(db); // dirty pages to the files
  const result = await sql<{ relname: string }>`
    WITH rels AS (
      SELECT c.oid FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
      UNION SELECT c.reltoastrelid FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.reltoastrelid <> 0
      UNION SELECT 'pg_catalog.pg_statistic'::regclass::oid
      UNION SELECT reltoastrelid FROM pg_class WHERE oid = 'pg_catalog.pg_statistic'::regclass
    ), files AS (
      SELECT c.relname, pg_relation_filepath(c.oid) AS path FROM pg_class c JOIN rels ON rels.oid = c.oid
      UNION ALL
      SELECT i.relname, pg_relation_filepath(i.oid) FROM pg_index x JOIN rels ON rels.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    )
    SELECT DISTINCT relname FROM files
    WHERE path IS NOT NULL AND position(convert_to(${MARK}, 'UTF8') IN coalesce(pg_read_binary_file(path, 0, coalesce((pg_stat_file(path, true)).size, 0), true), ''::bytea)) > 0
    ORDER BY 1`.execute(db);
  return result.rows.map((row) => row.relname);
}

describePostgres('erasure leaves no copy in PostgreSQL\'s statistics or table files', () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  }, OPEN_TIMEOUT);
  afterAll(async () => database?.close());

  it('not in pg_stats, nor in the files of the tables, their indexes or pg_statistic', async () => {
    if (!database) throw new Error('not open');
    const { db } = database;
    const { studentId, bystanders } = await seed(db);
    expect(await statisticsWithCanary(db)).toEqual(expect.arrayContaining(['person.email', 'reflection.text']));
    expect(await relationFilesWithCanary(db)).toEqual(expect.arrayContaining(['person', 'reflection', 'pg_statistic']));

    const report = await eraseStudent(db, studentId);

    expect(report.purge).toMatchObject({ statistics: 'rewritten' });
    expect(report.purge?.rewritten).toEqual(expect.arrayContaining(['person', 'reflection', 'observation', 'evidence_note', 'audit_log']));
    expect(await statisticsWithCanary(db)).toEqual([]);
    expect(await relationFilesWithCanary(db)).toEqual([]);
    expect(await counts(db)).toEqual({ people: bystanders + 2, reflections: bystanders });
  }, 60_000);

});

describePostgres('erasure while another connection holds an older snapshot', () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  }, OPEN_TIMEOUT);
  afterAll(async () => database?.close());

  it('waits for a transaction that began before the erasure, whose snapshot would keep the erased rows in the rewrite', async () => {
    if (!database || !postgresUrl) throw new Error('not open');
    const { db } = database;
    const { studentId } = await seed(db);
    // Another connection (another worker of the app, a report) in a transaction that began before the erasure.
    const other = new pg.Client({ connectionString: postgresUrl });
    await other.connect();
    try {
      await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await other.query('SELECT 1');
      const ended = new Promise((resolve) => setTimeout(resolve, 400)).then(() => other.query('COMMIT'));
      const report = await eraseStudent(db, studentId);
      await ended;
      expect(await relationFilesWithCanary(db)).toEqual([]);
      expect(report.purge?.skipped.map((s) => s.step)).not.toContain('wait for older transactions');
    } finally {
      await other.end();
    }
  }, 60_000);
});

describePostgres('erasure on PostgreSQL as an ordinary role (the app owns its tables, no superuser)', (url) => {
  const role = `osaava_app_${randomBytes(4).toString('hex')}`;
  let database: Database | undefined;
  beforeAll(async () => {
    await adminQuery(url, `CREATE ROLE ${role} LOGIN NOSUPERUSER`);
    await adminQuery(url, `CREATE SCHEMA ${role} AUTHORIZATION ${role}`);
    const asRole = new URL(url);
    asRole.username = role;
    asRole.password = '';
    database = await createDatabase({ url: asRole.toString(), dataDir: '', logger: silentLogger, schema: role });
  }, OPEN_TIMEOUT);
  afterAll(async () => {
    await database?.close();
    await adminQuery(url, `DROP SCHEMA IF EXISTS ${role} CASCADE`);
    await adminQuery(url, `DROP ROLE IF EXISTS ${role}`);
  });

  it('rewrites and re-analyses its tables; says what only a superuser could do', async () => {
    if (!database) throw new Error('not open');
    const { db } = database;
    const { studentId } = await seed(db);
    expect(await statisticsWithCanary(db)).toEqual(expect.arrayContaining(['person.email', 'reflection.text']));

    const report = await eraseStudent(db, studentId);

    expect(report.purge?.rewritten).toEqual(expect.arrayContaining(['person', 'reflection', 'observation', 'evidence_note', 'audit_log']));
    expect(report.purge).toMatchObject({ statistics: 'skipped', wal: 'skipped' });
    expect(report.purge?.skipped.map((s) => s.step)).toEqual(['VACUUM FULL pg_statistic', 'CHECKPOINT']);
    expect(await statisticsWithCanary(db)).toEqual([]);
  }, 60_000);
});
