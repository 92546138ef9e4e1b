// PostgreSQL restarted under a steady write load: the app (createOsaava on DATABASE_URL, scheduler
// and its pg-boss pool included) runs in a child process and writes reflections through the store
// from several writers; PostgreSQL is restarted mid-run (twice by default). The child reports every
// write whose promise resolved ("acknowledged") on stdout the moment it resolves, so the record
// survives even a crash. Afterwards every acknowledged write must be in the table.
//
//   npm run bench -- pg-restart            (or: npx tsx bench/pg-restart.ts)
//
// Needs a PostgreSQL it may restart: PG_RESTART_URL (default TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test) for a role that may CREATE DATABASE, and
// PG_CTL_COMMAND (default `pg_ctlcluster --skip-systemctl-redirect <first of /etc/postgresql> main`;
// `restart`, `stop` and `start` are appended: a plain restart, then a stop with the server down for 3 s). The bench works in a database of its own, dropped afterwards.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import pino from 'pino';
import type { BenchSection } from './report.ts';

const ADMIN_URL = process.env.PG_RESTART_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const RESTARTS = Number(process.env.PG_RESTART_TIMES ?? 2);
const WRITERS = 8;
const PLACEMENTS = 50;
const WARM_UP_MS = 3_000;
/** Load between restarts, after the database answers again. */
const BETWEEN_MS = 4_000;
const READY_DEADLINE_MS = 60_000;
const FIRST_DAY = '2020-01-06';
const DOWN_MS = 3_000;

/** `pg_ctlcluster … main` for the local cluster, or PG_CTL_COMMAND; `restart`, `stop` and `start` are appended. */
function ctl(): string {
  return process.env.PG_CTL_COMMAND || 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main';
}

/** Odd restarts are a plain restart (the server is away for a moment); even ones keep it down for DOWN_MS. */
function restartCommand(i: number): string {
  return i % 2 === 0 ? `${ctl()} restart` : `${ctl()} stop && sleep ${DOWN_MS / 1000} && ${ctl()} start`;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A shell command, without blocking the event loop (the readiness probes go on meanwhile). */
function run(command: string): Promise<void> {
  return new Promise((done, fail) => {
    const shell = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    shell.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    shell.on('exit', (code) => (code === 0 ? done() : fail(new Error(`pg-restart: \`${command}\` exited ${code}: ${err.trim()}`))));
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ─── the child: the app under load ────────────────────────────────────────────────────────────────

async function child(url: string): Promise<void> {
  const { createOsaava } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config/config.ts');
  const { createLogger } = await import('../src/logging/logger.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'osaava-pg-restart-'));
  // Warnings and errors to stderr (the parent counts them); nothing a person wrote is in them.
  const logger = createLogger({ level: 'warn', destination: pino.destination({ fd: 2, sync: true }) });
  const app = await createOsaava(
    loadConfig({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'off', KNOWLEDGE_DIR: resolve(import.meta.dirname, '..', 'knowledge') }),
    logger,
  );
  const { db } = app.database;
  await db.insertInto('person').values(Array.from({ length: PLACEMENTS }, (_, i) => ({ id: `bs${i}`, name: `Opiskelija ${i}`, roles: ['student' as const] }))).execute();
  await db
    .insertInto('placement')
    .values(Array.from({ length: PLACEMENTS }, (_, i) => ({ id: `bp${i}`, student_id: `bs${i}`, workplace_name: `Yritys ${i} Oy`, unit_ids: ['asiakkuuksien-hoitaminen'], start_date: FIRST_DAY, end_date: '2030-12-31', status: 'active' as const })))
    .execute();
  const port = await app.listen();
  const say = (line: string) => process.stdout.write(`${line}\n`); // a pipe: written synchronously on Linux

  let next = 0;
  let stopping = false;
  const writer = async () => {
    while (!stopping) {
      const n = next++;
      const placementId = `bp${n % PLACEMENTS}`;
      const localDate = addDays(FIRST_DAY, Math.floor(n / PLACEMENTS));
      try {
        await app.store.reflections.upsertForDay({ placementId, localDate, status: 'answered', text: `Kirjoitus ${n}`, confidence: 3 });
        say(`ack ${placementId} ${localDate}`);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        say(`refused ${typeof code === 'string' ? code : 'error'}`);
        await sleep(50);
      }
    }
  };
  const writers = Array.from({ length: WRITERS }, writer);
  say(`ready ${port}`);
  await new Promise<void>((done) => process.once('SIGTERM', () => done()));
  stopping = true;
  await Promise.all(writers);
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
  say('stopped');
}

// ─── the parent: restarts, readiness, the count ───────────────────────────────────────────────────

interface Probe {
  at: number;
  status: number;
  body: string;
}

export async function benchPgRestart(): Promise<BenchSection> {
  const name = `osaava_pg_restart_${randomBytes(4).toString('hex')}`;
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    throw new Error(`pg-restart: cannot create a database at ${new URL(ADMIN_URL).host} (${(error as Error).message}); set PG_RESTART_URL`);
  }
  const url = withDatabase(ADMIN_URL, name);
  const started = performance.now();
  const t = () => Math.round(performance.now() - started);
  const app = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--child', url], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  const refusals = new Map<string, number>();
  const refusedAt: number[] = [];
  const ackedAt: number[] = [];
  let port = 0;
  let stopped = false;
  let warnLines = 0;
  let errorLines = 0;
  let stderrTail = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => app.on('exit', (code, signal) => done({ code, signal })));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = !stopped));
  createInterface({ input: app.stderr }).on('line', (line) => {
    stderrTail = `${stderrTail}${line}\n`.slice(-4000);
    if (process.env.PG_RESTART_LOG) appendFileSync(process.env.PG_RESTART_LOG, `${line}\n`);
    if (line.includes('"level":40')) warnLines += 1;
    else if (line.includes('"level":50') || line.includes('"level":60')) errorLines += 1;
  });
  const readyLine = new Promise<void>((done, fail) => {
    createInterface({ input: app.stdout }).on('line', (line) => {
      const [what, a = '', b = ''] = line.split(' ');
      if (what === 'ack') {
        acked.push(`${a} ${b}`);
        ackedAt.push(t());
      } else if (what === 'refused') {
        refusals.set(a, (refusals.get(a) ?? 0) + 1);
        refusedAt.push(t());
      } else if (what === 'ready') {
        port = Number(a);
        done();
      } else if (what === 'stopped') stopped = true;
    });
    void exited.then(({ code, signal }) => fail(new Error(`pg-restart: the app exited before it was ready (${code ?? signal}):\n${stderrTail}`)));
  });

  const probes: Probe[] = [];
  let probing = true;
  const probeLoop = (async () => {
    await readyLine.catch(() => undefined);
    while (probing && !exitedEarly) {
      const at = t();
      try {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(3_000) });
        probes.push({ at, status: response.status, body: ((await response.json()) as { status: string }).status });
      } catch {
        probes.push({ at, status: 0, body: 'no answer' });
      }
      await sleep(100);
    }
  })();

  const outages: { restartMs: number; notReadyMs: number | null; readyAgainMs: number | null; firstWriteMs: number | null }[] = [];
  let crashes = 0;
  try {
    await readyLine;
    await sleep(WARM_UP_MS);
    for (let i = 0; i < RESTARTS && !exitedEarly; i += 1) {
      const from = t();
      await run(restartCommand(i));
      const restartMs = t() - from;
      // Ready again: the first 200 after a probe that saw the database away (or after the restart).
      let readyAgain: number | null = null;
      while (!exitedEarly && t() - from < READY_DEADLINE_MS) {
        const last = probes.at(-1);
        if (last && last.at > from + restartMs && last.status === 200) {
          readyAgain = last.at;
          break;
        }
        await sleep(50);
      }
      const notReady = probes.find((p) => p.at >= from && p.status === 503 && p.body === 'database-unavailable');
      const firstWrite = ackedAt.find((at) => at > from + restartMs);
      outages.push({ restartMs, notReadyMs: notReady ? notReady.at - from : null, readyAgainMs: readyAgain === null ? null : readyAgain - from, firstWriteMs: firstWrite === undefined ? null : firstWrite - from });
      await sleep(BETWEEN_MS);
    }
    if (exitedEarly) crashes += 1;
    else app.kill('SIGTERM');
    const exit = await exited;
    if (!stopped || exit.code !== 0) crashes = 1;
  } finally {
    probing = false;
    await probeLoop;
    if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
  }

  // Every acknowledged write is in the table.
  const check = new pg.Client({ connectionString: url });
  check.on('error', () => undefined);
  await check.connect();
  let stored: Set<string>;
  try {
    const rows = await check.query<{ placement_id: string; local_date: string }>(`SELECT placement_id, to_char(local_date, 'YYYY-MM-DD') AS local_date FROM reflection`);
    stored = new Set(rows.rows.map((r) => `${r.placement_id} ${r.local_date}`));
  } finally {
    await check.end();
  }
  await admin(`DROP DATABASE ${name} WITH (FORCE)`).catch(() => undefined);

  const lost = acked.filter((k) => !stored.has(k));
  const refused = [...refusals.values()].reduce((a, b) => a + b, 0);
  const seen503 = probes.some((p) => p.body === 'database-unavailable');
  const pass = crashes === 0 && lost.length === 0 && outages.length === RESTARTS && outages.every((o) => o.readyAgainMs !== null && o.firstWriteMs !== null);
  const seconds = (ms: number | null) => (ms === null ? 'never' : `${(ms / 1000).toFixed(1)} s`);
  const section: BenchSection = {
    title: 'PostgreSQL restart under write load',
    description: `The app on DATABASE_URL (scheduler on) with ${WRITERS} writers saving reflections through the store; PostgreSQL restarted ${RESTARTS} times (\`${ctl()} restart\`, then stopped for ${DOWN_MS / 1000} s and started, in turn). A write counts as acknowledged when its promise resolved; refused writes (the database away) are fine.`,
    rows: [
      { metric: 'process crashes', value: String(crashes), target: '0', pass: crashes === 0 },
      { metric: 'acknowledged writes lost', value: `${lost.length} of ${acked.length}`, target: '0', pass: lost.length === 0 },
      { metric: 'writes refused while the database was away', value: `${refused}${refused ? ` (${[...refusals].map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}` },
      ...outages.map((o, i) => ({
        metric: `restart ${i + 1} (${i % 2 === 0 ? 'restart' : `down ${DOWN_MS / 1000} s`})`,
        value: `pg restart ${seconds(o.restartMs)}; /readyz 503 database-unavailable ${o.notReadyMs === null ? 'not seen' : `after ${seconds(o.notReadyMs)}`}, 200 again after ${seconds(o.readyAgainMs)}; first acknowledged write after ${seconds(o.firstWriteMs)}`,
        target: 'ready again and writing',
        pass: o.readyAgainMs !== null && o.firstWriteMs !== null,
      })),
      { metric: '/readyz answered database-unavailable', value: seen503 ? 'yes' : 'no' },
      { metric: 'log lines at warn / error', value: `${warnLines} / ${errorLines}` },
    ],
  };
  if (!pass) {
    for (const row of section.rows) process.stderr.write(`  ${row.metric}: ${row.value}\n`);
    if (lost.length) process.stderr.write(`  lost: ${lost.slice(0, 20).join(', ')}\n`);
    if (crashes) process.stderr.write(`  the app's last words:\n${stderrTail}\n`);
    throw new Error('pg-restart: FAILED');
  }
  return section;
}

if (process.argv[1] === import.meta.filename) {
  if (process.argv[2] === '--child' && process.argv[3]) {
    await child(process.argv[3]);
    process.exit(0);
  }
  try {
    const section = await benchPgRestart();
    process.stdout.write(`${section.title}\n`);
    for (const row of section.rows) process.stdout.write(`  ${row.metric}: ${row.value}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
