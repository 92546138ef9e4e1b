// `npm run bench [name …]`: runs every benchmark (or the named ones), each in a process of its own so
// that one's memory does not inflate the next one's footprint. A full run writes docs/benchmarks.md
// with the machine and date.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAnswering } from './answering.bench.ts';
import { benchFootprint } from './footprint.bench.ts';
import { benchKnowledge } from './knowledge.bench.ts';
import { renderReport, type BenchSection } from './report.ts';
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
const sections: BenchSection[] = [];
let failed = false;
try {
  for (const name of selected) {
    process.stdout.write(`bench: ${name} …\n`);
    const out = join(dir, `${name}.json`);
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', name, out], { stdio: 'inherit' });
    if (child.status !== 0) {
      process.stderr.write(`bench: ${name} failed (exit ${child.status ?? child.signal})\n`);
      failed = true;
      continue;
    }
    const section = JSON.parse(readFileSync(out, 'utf8')) as BenchSection;
    for (const row of section.rows) process.stdout.write(`  ${row.metric}: ${row.value}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}\n`);
    sections.push(section);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
if (selected.length < Object.keys(benches).length || selected.some((name) => name in onRequest)) {
  // A partial run must not replace the full report with a part of it.
  process.stdout.write('bench: docs/benchmarks.md left as it is (run `npm run bench` without names to rewrite it)\n');
} else {
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/benchmarks.md', renderReport(sections, new Date()));
  process.stdout.write('bench: wrote docs/benchmarks.md\n');
}
