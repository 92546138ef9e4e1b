import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createPgliteDialect } from '/work/main/src/storage/pglite-dialect.ts';
const pgl = new PGlite();
const k = new Kysely<any>({ dialect: createPgliteDialect(pgl) });
await sql`CREATE TABLE t (id text primary key, text text check (char_length(text) < 10))`.execute(k);
await k.insertInto('t').values({ id: 'a', text: 'x' }).execute();
for (const v of [{ id: 'a', text: 'olen raskaana' }, { id: 'b', text: 'olen raskaana canary' }]) {
  try { await k.insertInto('t').values(v).execute(); } catch (e: any) { console.log(Object.getPrototypeOf(e).constructor.name, Object.keys(e), JSON.stringify({ ...e }).slice(0, 600), e.message); }
}
try { await k.transaction().execute(async (trx) => { await trx.insertInto('t').values({ id: 'a', text: 'olen' }).execute(); }); } catch (e: any) { console.log('trx', Object.keys(e)); }
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
const kp = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
await sql`CREATE TEMP TABLE t (id text primary key, text text check (char_length(text) < 10))`.execute(kp).catch(()=>{});
const c = await pool.connect();
await c.query(`CREATE TABLE IF NOT EXISTS errt (id text primary key, text text check (char_length(text) < 10))`);
await c.query(`INSERT INTO errt VALUES ('a','x') ON CONFLICT DO NOTHING`);
c.release();
for (const v of [{ id: 'a', text: 'olen raskaana' }, { id: 'b', text: 'olen raskaana canary' }]) {
  try { await kp.insertInto('errt').values(v).execute(); } catch (e: any) { console.log(Object.getPrototypeOf(e).constructor.name, Object.keys(e), JSON.stringify({ ...e }).slice(0, 800), e.message); }
}
await pool.query('DROP TABLE errt');
await kp.destroy(); await k.destroy();
