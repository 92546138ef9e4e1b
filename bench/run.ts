// `npm run bench [name …]`: runs every benchmark (or the named ones), each in a process of its own so
// that one's memory does not inflate the next one's footprint. Each section is kept with when and on
// what machine it was measured (docs/benchmarks.json); docs/benchmarks.md is written from all kept
// sections, so a named run replaces only its own sections and the rest keep their own dates.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAnswering } from './answering.bench.ts';
import { benchFootprint } from './footprint.bench.ts';
import { benchKnowledge } from './knowledge.bench.ts';
import { type BenchSection, type MeasuredSection, measuredNow, renderReport } from './report.ts';
import { benchPgRestart } from './pg-restart.ts';
import { benchRetention } from './retention.bench.ts';
import { benchScheduling } from './scheduling.bench.ts';
import { benchStorage } from './storage.bench.ts';
import { benchSummaries } from './summaries.bench.ts';
import { benchUnderstanding } from './understanding.bench.ts';

const benches: Record<string, () => Promise<BenchSection>> = {
  answering: benchAnswering,
  knowledge: benchKnowledge,
  understanding: benchUnderstanding,
  storage: benchStorage,
  scheduling: benchScheduling,
  summaries: benchSummaries,
  retention: benchRetention,
  footprint: benchFootprint,
};
/** Run only when named: it restarts the local PostgreSQL (`npm run bench -- pg-restart`). */
const onRequest: Record<string, () => Promise<BenchSection>> = {
  'pg-restart': benchPgRestart,
};

const args = process.argv.slice(2);

if (args[0] === '--one') {
  // The child: one benchmark, its section written as JSON to the file the parent named.
  const [, name = '', out = ''] = args;
  const bench = benches[name] ?? onRequest[name];
  if (!bench || !out) throw new Error(`bench: unknown benchmark "${name}"`);
  writeFileSync(out, JSON.stringify(await bench()));
  process.exit(0);
}

const unknown = args.filter((name) => !(name in benches) && !(name in onRequest));
if (unknown.length) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; known: ${[...Object.keys(benches), ...Object.keys(onRequest)].join(', ')}\n`);
  process.exit(2);
}
const selected = args.length ? args : Object.keys(benches);
const dir = mkdtempSync(join(tmpdir(), 'osaava-bench-'));
const measured: Record<string, MeasuredSection> = {};
let failed = false;
try {
  for (const name of selected) {
    process.stdout.write(`bench: ${name} …\n`);
    const out = join(dir, `${name}.json`);
    const before = measuredNow();
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', name, out], { stdio: 'inherit' });
    if (child.status !== 0) {
      process.stderr.write(`bench: ${name} failed (exit ${child.status ?? child.signal})\n`);
      failed = true;
      continue;
    }
    const section = JSON.parse(readFileSync(out, 'utf8')) as BenchSection;
    for (const row of section.rows) process.stdout.write(`  ${row.metric}: ${row.value}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}\n`);
    const after = measuredNow();
    measured[name] = { ...section, measuredAt: before.at, machine: before.machine, loadAverage: [before.loadAverage, after.loadAverage] };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
// pg-restart restarts the server: its section is shown but never kept in the standing report.
const kept = Object.fromEntries(Object.entries(measured).filter(([name]) => name in benches));
if (Object.keys(kept).length) {
  const store = 'docs/benchmarks.json';
  const previous = existsSync(store) ? (JSON.parse(readFileSync(store, 'utf8')) as Record<string, MeasuredSection>) : {};
  const all = { ...previous, ...kept };
  // In the order the benchmarks are declared; a benchmark that no longer exists is dropped.
  const ordered = Object.keys(benches).flatMap((name) => (all[name] ? [[name, all[name]] as const] : []));
  mkdirSync('docs', { recursive: true });
  writeFileSync(store, `${JSON.stringify(Object.fromEntries(ordered), null, 2)}\n`);
  writeFileSync('docs/benchmarks.md', renderReport(ordered.map(([, section]) => section)));
  process.stdout.write(`bench: docs/benchmarks.md updated (${Object.keys(kept).join(', ')})\n`);
}
if (failed) process.exit(1);
