import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { createDatabase, eraseStudent, seedDemo } from '../src/storage/index.ts';
function walk(dir: string): string[] { return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]); }
const url = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'demo-'));
const schema = url ? `m_${Date.now()}` : undefined;
if (url) { const pg = (await import('pg')).default; const c = new pg.Client(url); await c.connect(); await c.query(`CREATE SCHEMA ${schema}`); await c.end(); }
const database = await createDatabase({ dataDir: dir, logger: pino({ level: 'silent' }), url, schema });
const db = database.db;
await seedDemo(db, { today: '2026-12-02' } as any);
const texts = (await sql<any>`SELECT text FROM reflection WHERE student_id = 'aino' AND text <> '' LIMIT 3`.execute(db)).rows.map((r: any) => r.text.slice(0, 30));
console.log('rows', (await sql<any>`SELECT (SELECT count(*) FROM reflection) r, (SELECT count(*) FROM observation) o, (SELECT count(*) FROM checkin) c, (SELECT count(*) FROM audit_log) a`.execute(db)).rows[0], texts);
await sql`ANALYZE`.execute(db);
await sql`CHECKPOINT`.execute(db);
const t = performance.now();
const report = await eraseStudent(db, 'aino', {});
console.log('erase+purge', Math.round(performance.now() - t), 'ms', JSON.stringify(report));
for (let i = 0; i < 3; i++) { const t2 = performance.now(); await eraseStudent(db, 'ville', { purge: i > 5 }).catch(() => {}); }
const needles = ['aino.virtanen', 'Aino Virtanen', ...texts];
if (!url) { const hits = walk(dir).filter((f) => { const b = readFileSync(f); return needles.some((n) => b.includes(Buffer.from(n))); }); console.log('files with aino', hits); }
console.log('pg_stats', (await sql<any>`SELECT tablename, attname FROM pg_stats WHERE schemaname = current_schema() AND (most_common_vals::text ILIKE '%aino%' OR histogram_bounds::text ILIKE '%aino%')`.execute(db)).rows);
await database.close();
