import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { createDatabase, createPeopleRepo, createPlacementRepo, createReflectionRepo, createObservationRepo, eraseStudent, createAuditLog } from '../src/storage/index.ts';

const EMAIL = 'erasure-canary-7f3a@example.fi';
const TEXT = 'olen raskaana canary';
function walk(dir: string): string[] { return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]); }
function grep(dir: string) {
  const hits: string[] = [];
  for (const f of walk(dir)) { const b = readFileSync(f); for (const c of [EMAIL, TEXT, 'Kanarialintu']) if (b.includes(Buffer.from(c))) hits.push(`${f.slice(dir.length)} ${c} (${statSync(f).size})`); }
  return hits;
}
const dir = mkdtempSync(join(tmpdir(), 'purge-'));
const conf = process.argv[2] ? { postgresqlconf: process.argv[2] } : {};
const database = await createDatabase({ dataDir: dir, logger: pino({ level: 'silent' }), ...conf } as any);
const db = database.db;
const people = createPeopleRepo(db);
const student = await people.create({ name: 'Kanarialintu Testinen', email: EMAIL, roles: ['student'] });
const ins = await people.create({ name: 'Ohjaaja', roles: ['instructor'] });
const placement = await createPlacementRepo(db).create({ studentId: student.id, instructorId: ins.id, workplaceName: 'X Oy', unitIds: ['u'], startDate: '2026-03-02', endDate: '2026-05-08', status: 'active' });
const clock = { now: () => new Date('2026-03-12T12:00:00Z') };
await createReflectionRepo(db, clock).upsertForDay({ placementId: placement.id, status: 'answered', text: TEXT });
await createObservationRepo(db, clock).create({ placementId: placement.id, authorId: ins.id, text: `${TEXT} havainto` });
await createAuditLog(db, clock).record({ actorId: ins.id, action: 'x', subjectPersonId: student.id, details: { student: 'Kanarialintu Testinen' } });
for (let i = 0; i < 50; i++) await people.create({ name: `Muu ${i}`, email: `muu${i}@example.fi`, roles: ['student'] });
await sql`ANALYZE`.execute(db);
await sql`CHECKPOINT`.execute(db);
console.log('settings', (await sql<any>`SELECT name, setting FROM pg_settings WHERE name IN ('wal_recycle','wal_level','min_wal_size','max_wal_size','wal_keep_size','wal_segment_size','full_page_writes','archive_mode','fsync')`.execute(db)).rows.map((r: any) => `${r.name}=${r.setting}`).join(' '));
console.log('stats before', (await sql<any>`SELECT tablename, attname FROM pg_stats WHERE most_common_vals::text LIKE '%canary%' OR histogram_bounds::text LIKE '%canary%'`.execute(db)).rows);
console.log('files before', grep(dir));
await eraseStudent(db, student.id, { clock } as any);
const step = async (name: string, q: any) => { const t = performance.now(); await q.execute(db); console.log(name, Math.round(performance.now() - t), 'ms'); };
await step('checkpoint', sql`CHECKPOINT`);
console.log('after erase+checkpoint', grep(dir));
await step('vacuum', sql`VACUUM person, identity, placement, reflection, observation, evidence_note, audit_log`);
await step('checkpoint', sql`CHECKPOINT`);
console.log('after plain vacuum', grep(dir));
await step('vacuum full', sql`VACUUM (FULL, ANALYZE) person, identity, placement, reflection, observation, evidence_note, audit_log, checkin, checkin_pause, summary_delivery, slack_dm_channel, teams_conversation_reference`);
console.log('stats after', (await sql<any>`SELECT tablename, attname FROM pg_stats WHERE most_common_vals::text LIKE '%canary%' OR histogram_bounds::text LIKE '%canary%'`.execute(db)).rows);
await step('checkpoint', sql`CHECKPOINT`);
console.log('after vacuum full', grep(dir));
await step('vacuum full pg_statistic', sql`VACUUM FULL pg_statistic`);
await step('checkpoint', sql`CHECKPOINT`);
console.log('after vacuum full pg_statistic', grep(dir));
await step('switch', sql`SELECT pg_switch_wal()`);
await step('checkpoint', sql`CHECKPOINT`);
console.log('after switch+checkpoint', grep(dir));
await step('checkpoint2', sql`CHECKPOINT`);
console.log('after 2nd checkpoint', grep(dir));
console.log(readdirSync(join(dir, 'pg_wal')));
await database.close();
console.log('after close', grep(dir));
