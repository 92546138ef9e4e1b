// The app's footprint as `npm start` runs it: the package's start script in a shell with
// node_modules/.bin on PATH, as npm runs it, on embedded defaults (PGlite, demo school, local chat,
// scheduler) and on PostgreSQL. Measured from outside, on the whole process tree the script starts
// (the shell, Node, and any helper process such as esbuild's service): time until the app logs that
// it listens, the tree's peak RSS (each process' own high-water mark, summed: an upper bound), and
// its RSS once it has been idle for a while.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { mb, type BenchRow, type BenchSection } from './report.ts';

const ROOT = join(import.meta.dirname, '..');
/** After it listens: the scheduler's first tick and the database's first analysis are over well within this. */
const SETTLE_MS = 20_000;
/** The idle figure is the median of the samples taken in this last part of the settling time. */
const IDLE_WINDOW_MS = 6_000;
const READY_TIMEOUT_MS = 180_000;
/** Where the PostgreSQL variant makes its fresh database: the server the tests use (.ci/run). */
const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Today's figures from issue 16 (before the SDKs loaded lazily and PGlite was sized down). */
const BEFORE = {
  pgliteIdle: '521–545 MB',
  pgliteIdleAfterFirst: '729–907 MB',
  pglitePeak: '1.2 GB',
  firstStart: '6.6 s',
  postgresIdle: '272–294 MB',
};

interface Run {
  readyMs: number;
  /** Sum over the tree's processes of each one's highest RSS (VmHWM). */
  peakBytes: number;
  /** Median tree RSS over the last IDLE_WINDOW_MS of SETTLE_MS; undefined when not waited for. */
  idleBytes: number | undefined;
  /** The same for the Node process that serves, alone. */
  serverIdleBytes: number | undefined;
  /** Milliseconds from spawn to each start-up log line seen (`msg` → ms). */
  marks: Map<string, number>;
  /** CPU time the tree had used when it listened (user + system, its waited-for children included). */
  cpuMs: number;
  /** `ms` of the "knowledge loaded" line. */
  knowledgeMs: number | undefined;
}

export async function benchFootprint(): Promise<BenchSection> {
  const load = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'osaava-footprint-'));
  const rows: BenchRow[] = [];
  try {
    const dataDir = join(dir, 'data');
    const first = await runApp({ DATA_DIR: dataDir }, true);
    const second = await runApp({ DATA_DIR: dataDir }, true);
    rows.push(
      {
        metric: 'PGlite, first start on a fresh folder: until it listens',
        value: `${seconds(first.readyMs)} (was ${BEFORE.firstStart}); CPU time ${seconds(first.cpuMs)}`,
        target: '≤ 5 s',
        pass: first.readyMs <= 5_000,
      },
      { metric: 'PGlite, first start: peak RSS', value: `${mb(first.peakBytes)} (was ${BEFORE.pglitePeak})`, target: '≤ 800 MB', pass: first.peakBytes <= 800 * 2 ** 20 },
      { metric: 'PGlite, first start: where the time went', value: phases(first) },
      { metric: 'PGlite, idle RSS after the first start', value: `${mb(first.idleBytes ?? 0)} (was ${BEFORE.pgliteIdleAfterFirst})` },
      {
        metric: 'PGlite, idle RSS after a second start',
        value: `${mb(second.idleBytes ?? 0)} (was ${BEFORE.pgliteIdle}); the serving Node process alone ${mb(second.serverIdleBytes ?? 0)}`,
        target: '≤ 400 MB',
        pass: (second.idleBytes ?? Number.POSITIVE_INFINITY) <= 400 * 2 ** 20,
      },
      { metric: 'PGlite, second start: until it listens; peak RSS', value: `${seconds(second.readyMs)} (CPU ${seconds(second.cpuMs)}); ${mb(second.peakBytes)}` },
    );
    rows.push(...(await postgresRows()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const shared =
    load >= 0.5
      ? ` **The machine was shared while this was measured** (load average ${load.toFixed(1)} on ${cpus().length} cores when it began): times and peaks are inflated; the figures to judge by come from a quiet machine.`
      : ` Load average ${load.toFixed(1)} on ${cpus().length} cores when it began.`;
  return {
    title: 'Footprint: start-up time and memory',
    description:
      `The package's start script run as \`npm start\` runs it (a shell, node_modules/.bin on PATH; PORT=0, no platform, no LLM), measured from outside on the whole process tree it starts. ` +
      `PGlite: a first start on a fresh data folder (initdb, migrations, the demo school), then a second start on the same folder. ` +
      `PostgreSQL: the same on a fresh database on the local server (DATABASE_URL; no demo school, local chat off). ` +
      `Idle RSS is the median over the last ${IDLE_WINDOW_MS / 1000} s of ${SETTLE_MS / 1000} s after the app said it listens (the scheduler's first tick is inside them); ` +
      `peak RSS sums each process' own high-water mark. "was" is issue 16's figure from before the platform and LLM SDKs loaded only when configured, PGlite ran with 16 MB of shared buffers from a shipped initdb template, and the start script ran Node's own type stripping with --liftoff-only and --max-semi-space-size=8 instead of tsx.${shared}`,
    rows,
  };
}

async function postgresRows(): Promise<BenchRow[]> {
  const name = `osaava_footprint_${randomBytes(4).toString('hex')}`;
  try {
    await adminQuery(POSTGRES_URL, `CREATE DATABASE ${name}`);
  } catch (error) {
    const why = `not measured: no PostgreSQL at ${new URL(POSTGRES_URL).host} (${error instanceof Error ? error.message : String(error)}); set TEST_DATABASE_URL`;
    return [{ metric: 'PostgreSQL, idle RSS after a second start', value: why, target: '≤ 220 MB', pass: false }];
  }
  try {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(join(tmpdir(), 'osaava-footprint-pg-')) };
    try {
      const first = await runApp(env, false);
      const second = await runApp(env, true);
      return [
        { metric: 'PostgreSQL, first start on a fresh database: until it listens; peak RSS', value: `${seconds(first.readyMs)}; ${mb(first.peakBytes)}` },
        {
          metric: 'PostgreSQL, idle RSS after a second start',
          value: `${mb(second.idleBytes ?? 0)} (was ${BEFORE.postgresIdle}); the serving Node process alone ${mb(second.serverIdleBytes ?? 0)}`,
          target: '≤ 220 MB',
          pass: (second.idleBytes ?? Number.POSITIVE_INFINITY) <= 220 * 2 ** 20,
        },
        { metric: 'PostgreSQL, second start: until it listens', value: seconds(second.readyMs) },
      ];
    } finally {
      rmSync(env.DATA_DIR, { recursive: true, force: true });
    }
  } finally {
    await adminQuery(POSTGRES_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The environment `npm start` would give, without anything that configures a platform, an LLM or the data. */
function startEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const configured = /^(SLACK_|OPENAI_|LLM_ENABLED$|clientId$|clientSecret$|tenantId$|DATABASE_URL$|DATA_DIR$|DEMO_DATA$|LOCAL_CHAT|SCHEDULER$|NODE_OPTIONS$)/;
  for (const [key, value] of Object.entries(process.env)) if (!configured.test(key)) env[key] = value;
  return {
    ...env,
    PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

async function runApp(overrides: Record<string, string>, settle: boolean): Promise<Run> {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn('/bin/sh', ['-c', script], { cwd: ROOT, env: startEnv(overrides), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const highWater = new Map<number, number>();
  const sample = (): { tree: number; server: number } => {
    let tree = 0;
    let server = 0;
    for (const pid of processTree(child.pid ?? 0)) {
      const status = readStatus(pid);
      if (!status) continue;
      tree += status.rss;
      // The serving Node process is the tree's largest.
      server = Math.max(server, status.rss);
      highWater.set(pid, Math.max(highWater.get(pid) ?? 0, status.hwm));
    }
    return { tree, server };
  };
  const sampler = setInterval(sample, 25);
  const marks = new Map<string, number>();
  let knowledgeMs: number | undefined;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`the app did not listen within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
      child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening: ${stderr}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const entry = parseLogLine(line);
        if (!entry) return;
        marks.set(entry.msg, entry.time - spawnedAt);
        if (typeof entry.ms === 'number' && entry.msg === 'knowledge loaded') knowledgeMs = entry.ms;
        if (entry.msg.startsWith('Osaava is listening') && typeof entry.port === 'number') {
          clearTimeout(timeout);
          resolve(entry.port);
        }
      });
    });
    const readyMs = performance.now() - started;
    const cpuMs = processTree(child.pid ?? 0).reduce((sum, pid) => sum + cpuTimeMs(pid), 0);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}`);
    let idleBytes: number | undefined;
    let serverIdleBytes: number | undefined;
    if (settle) {
      const idle: { tree: number; server: number }[] = [];
      const settleStarted = performance.now();
      while (performance.now() - settleStarted < SETTLE_MS) {
        await new Promise((r) => setTimeout(r, 500));
        if (performance.now() - settleStarted >= SETTLE_MS - IDLE_WINDOW_MS) idle.push(sample());
      }
      idleBytes = median(idle.map((s) => s.tree));
      serverIdleBytes = median(idle.map((s) => s.server));
    }
    sample();
    const peakBytes = [...highWater.values()].reduce((a, b) => a + b, 0);
    return { readyMs, cpuMs, peakBytes, idleBytes, serverIdleBytes, marks, knowledgeMs };
  } finally {
    clearInterval(sampler);
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const killer = setTimeout(() => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 15_000);
  await exited;
  clearTimeout(killer);
  // The shell may leave before the app: wait until the whole group is gone.
  for (let i = 0; i < 150 && processTree(child.pid).length > 0 && groupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function parseLogLine(line: string): { msg: string; time: number; ms?: unknown; port?: unknown } | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; time?: unknown; ms?: unknown; port?: unknown };
    if (typeof entry.msg !== 'string') return undefined;
    const time = typeof entry.time === 'number' ? entry.time : typeof entry.time === 'string' ? Date.parse(entry.time) : Date.now();
    return { msg: entry.msg, time, ms: entry.ms, port: entry.port };
  } catch {
    return undefined;
  }
}

/** `pid` and its descendants, from /proc (Linux). */
function processTree(pid: number): number[] {
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of children.split(' ').filter(Boolean)) visit(Number(c));
    }
  };
  visit(pid);
  return out;
}

function readStatus(pid: number): { rss: number; hwm: number } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** utime + stime + cutime + cstime of /proc/<pid>/stat, in ms (clock ticks of 10 ms). */
function cpuTimeMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses; utime is the 14th field.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) * 10;
  } catch {
    return 0;
  }
}

/** The first start's phases from its log lines: loading the code, the knowledge base, the database, the demo school, the rest. */
function phases(run: Run): string {
  const at = (msg: string) => [...run.marks.entries()].find(([m]) => m.startsWith(msg))?.[1];
  const knowledge = at('knowledge loaded');
  const opening = at('opening the embedded database');
  const database = at('database ready');
  const seeded = at('demo data seeded');
  const listening = at('Osaava is listening');
  if (knowledge === undefined || database === undefined || listening === undefined || opening === undefined) return 'log lines missing';
  const code = knowledge - (run.knowledgeMs ?? 0);
  const parts = [
    `code loaded ${seconds(code)}`,
    `knowledge ${seconds(run.knowledgeMs ?? 0)}`,
    `database (from the template or initdb, migrations) ${seconds(database - opening)}`,
    ...(seeded === undefined ? [] : [`demo school ${seconds(seeded - database)}`]),
    `the rest ${seconds(listening - (seeded ?? database))}`,
  ];
  return parts.join(', ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
