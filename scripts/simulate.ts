// `npm run --silent simulate -- --placements N --from YYYY-MM-DD --to YYYY-MM-DD [--crash-every K]
//   [--answer-rate 0.7] [--keep] --json`
// Runs the real scheduler with a virtual clock on a fresh embedded database (a temp directory) with
// N generated placements spanning the period, delivering to a recording messenger. With
// --crash-every K the scheduler process is killed without warning (SIGKILL) after every K
// deliveries and restarted. Prints one JSON line per delivered message, then the totals.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import pino from 'pino';
import { createWorkCalendar } from '../src/calendar/index.ts';
import { readRecordedDeliveries } from '../src/messaging/recording-messenger.ts';
import { schedulerOptionsSchema } from '../src/scheduling/scheduler-options.ts';
import { runSimulationChild, SIM_FILES } from '../src/simulation/sim-child.ts';
import { expectedDeliveries } from '../src/simulation/sim-expectations.ts';
import { type MissingDelivery, toLines, totalsOf } from '../src/simulation/sim-report.ts';
import { buildWorld, insertWorld, type SimConfig, simConfigSchema } from '../src/simulation/sim-world.ts';
import { createDatabase } from '../src/storage/index.ts';

const SCRIPT = resolve(import.meta.dirname, 'simulate.ts');
const KNOWLEDGE_DIR = resolve(import.meta.dirname, '..', 'knowledge');
const USAGE =
  'usage: npm run --silent simulate -- --placements N --from YYYY-MM-DD --to YYYY-MM-DD [--crash-every K] [--answer-rate 0..1] [--keep] [--json]\n';

/** Bad arguments: what is wrong and the usage, exit 2 (no stack trace for a typo). */
class UsageError extends Error {}

function parseConfig(argv: string[]): { config: SimConfig; json: boolean; keep: boolean } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      placements: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'crash-every': { type: 'string' },
      'answer-rate': { type: 'string' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const parsed = simConfigSchema.safeParse({
    placements: Number(values.placements),
    from: values.from,
    to: values.to,
    answerRate: values['answer-rate'] === undefined ? 0 : Number(values['answer-rate']),
    crashEvery: values['crash-every'] === undefined ? null : Number(values['crash-every']),
  });
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return { config: parsed.data, json: values.json, keep: values.keep };
}

async function prepare(dir: string, config: SimConfig): Promise<void> {
  writeFileSync(join(dir, SIM_FILES.config), JSON.stringify(config));
  const database = await createDatabase({ dataDir: join(dir, SIM_FILES.database), logger: pino({ level: 'silent' }) });
  try {
    await insertWorld(database.db, buildWorld(config), config);
  } finally {
    await database.close();
  }
}

/** Lines in the deliveries file so far, read incrementally. */
function createLineCounter(file: string): () => number {
  let offset = 0;
  let lines = 0;
  const buffer = Buffer.alloc(1 << 16);
  return () => {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return lines;
    }
    if (size <= offset) return lines;
    const fd = openSync(file, 'r');
    try {
      while (offset < size) {
        const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - offset), offset);
        if (read <= 0) break;
        for (let i = 0; i < read; i++) if (buffer[i] === 10) lines += 1;
        offset += read;
      }
    } finally {
      closeSync(fd);
    }
    return lines;
  };
}

/** Runs the child until it finishes, killing it after every `crashEvery` deliveries. Returns the restarts. */
async function runChildren(dir: string, crashEvery: number | null): Promise<number> {
  const count = createLineCounter(join(dir, SIM_FILES.deliveries));
  let restarts = 0;
  let killAt = crashEvery ?? Infinity;
  for (;;) {
    const child = spawn(process.execPath, [...process.execArgv, SCRIPT, '--child', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let killed = false;
    const watch = setInterval(() => {
      if (!killed && count() >= killAt) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 2);
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    clearInterval(watch);
    if (killed) {
      restarts += 1;
      while (killAt <= count()) killAt += crashEvery ?? Infinity;
      continue;
    }
    if (code !== 0) throw new Error(`simulation process failed (exit ${code}):\n${stderr}`);
    return restarts;
  }
}

/** What the database holds about each missing delivery: its row, state and recorded reason. */
async function explainMissing(dir: string, missing: MissingDelivery[]): Promise<void> {
  if (missing.length === 0) return;
  const database = await createDatabase({ dataDir: join(dir, SIM_FILES.database), logger: pino({ level: 'silent' }) });
  try {
    for (const m of missing) {
      if (m.kind === 'summary') {
        const row = await database.db
          .selectFrom('summary_delivery')
          .select(['id', 'status', 'skip_reason', 'last_error', 'resolution'])
          .where('recipient_id', '=', m.recipient ?? '')
          .where('role', '=', (m.role ?? 'student') as 'student')
          .where('week_start', '=', m.date)
          .executeTakeFirst();
        if (row) Object.assign(m, { id: row.id, status: row.status, reason: reasonOf(row) });
      } else {
        const row = await database.db
          .selectFrom('checkin')
          .select(['id', 'status', 'reminder_status', 'skip_reason', 'last_error', 'resolution'])
          .where('placement_id', '=', m.placement)
          .where('local_date', '=', m.date)
          .executeTakeFirst();
        if (row) Object.assign(m, { id: row.id, status: m.kind === 'reminder' ? `reminder ${row.reminder_status} (check-in ${row.status})` : row.status, reason: reasonOf(row) });
      }
      if (!m.id) m.reason = 'never planned';
      else if (!m.reason && /^(reminder )?sent/.test(m.status ?? '')) m.reason = 'recorded as sent, but the platform has no record of it';
    }
  } finally {
    await database.close();
  }
}

function reasonOf(row: { skip_reason: string | null; last_error: string | null; resolution: string | null }): string | null {
  return [row.skip_reason, row.resolution, row.last_error].filter((x): x is string => !!x).join('; ') || null;
}

async function countUncertain(dir: string): Promise<{ uncertain: number; unresolved: number }> {
  const database = await createDatabase({ dataDir: join(dir, SIM_FILES.database), logger: pino({ level: 'silent' }) });
  try {
    const result = await sql<{ uncertain: number; unresolved: number }>`
      SELECT
        (SELECT count(*) FROM checkin WHERE resolution IS NOT NULL)::int + (SELECT count(*) FROM summary_delivery WHERE resolution IS NOT NULL)::int AS uncertain,
        (SELECT count(*) FROM checkin WHERE status IN ('sending', 'uncertain') OR reminder_status IN ('sending', 'uncertain'))::int
          + (SELECT count(*) FROM summary_delivery WHERE status IN ('sending', 'uncertain'))::int AS unresolved
    `.execute(database.db);
    return result.rows[0] ?? { uncertain: 0, unresolved: 0 };
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child' && argv[1]) {
    await runSimulationChild(argv[1], KNOWLEDGE_DIR);
    return;
  }
  const { config, json, keep } = parseConfig(argv);
  const dir = mkdtempSync(join(tmpdir(), 'osaava-sim-'));
  try {
    await prepare(dir, config);
    const restarts = await runChildren(dir, config.crashEvery);
    const world = buildWorld(config);
    const deliveries = readRecordedDeliveries(join(dir, SIM_FILES.deliveries));
    const lines = toLines(deliveries, world);
    const expected = expectedDeliveries(world, config, createWorkCalendar(), schedulerOptionsSchema.parse({}));
    const totals = totalsOf({ deliveries, expected, lines, world, restarts, placements: config.placements, ...(await countUncertain(dir)) });
    await explainMissing(dir, totals.missingDeliveries);
    // Records cut short by a kill inside a write: each is a send that never completed (resent later).
    const file = join(dir, SIM_FILES.deliveries);
    const torn = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() && !isJson(line)).length : 0;
    Object.assign(totals, { tornRecords: torn });
    if (json) {
      for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
      process.stdout.write(`${JSON.stringify(totals)}\n`);
    } else {
      const t = totals.totals;
      process.stdout.write(
        `${config.placements} placements, ${config.from} – ${config.to}, ${restarts} restarts\n` +
          `check-ins ${t.checkin}/${t.expected.checkin}, reminders ${t.reminder}/${t.expected.reminder}, summaries ${t.summary}/${t.expected.summary}\n` +
          `duplicates ${totals.duplicates}, missing ${totals.missing}, unexpected ${t.unexpected}, uncertain ${totals.uncertain} (unresolved ${totals.unresolved}), records cut short by a kill ${torn}\n`,
      );
      for (const m of totals.missingDeliveries) process.stdout.write(`missing: ${describeMissing(m)}\n`);
      for (const key of totals.duplicateKeys) process.stdout.write(`duplicate: ${key}\n`);
    }
    // In JSON mode the list is in the totals line; stderr names them too, for a person watching.
    if (json) for (const m of totals.missingDeliveries) process.stderr.write(`simulate: missing ${describeMissing(m)}\n`);
    if (keep) process.stderr.write(`kept ${dir}\n`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function describeMissing(m: MissingDelivery): string {
  const who = m.kind === 'summary' ? ` to ${m.role} ${m.recipient}, week of` : '';
  const row = m.id ? `row ${m.id}: ${m.status}${m.reason ? `, ${m.reason}` : ''}` : `no row: ${m.reason ?? 'never planned'}`;
  return `${m.kind} ${m.placement}${who} ${m.date} (${row})`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`simulate: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`simulate: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
