// `npm run bench`: runs every benchmark and writes docs/benchmarks.md with the machine and date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { benchAnswering } from './answering.bench.ts';
import { benchScheduling } from './scheduling.bench.ts';
import { benchStorage } from './storage.bench.ts';
import { benchSummaries } from './summaries.bench.ts';
import { renderReport, type BenchSection } from './report.ts';

const benches: [string, () => Promise<BenchSection>][] = [
  ['answering', benchAnswering],
  ['storage', benchStorage],
  ['scheduling', benchScheduling],
  ['summaries', benchSummaries],
];

const only = process.argv.slice(2);
const sections: BenchSection[] = [];
for (const [name, bench] of benches) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`bench: ${name} …\n`);
  const section = await bench();
  for (const row of section.rows) process.stdout.write(`  ${row.metric}: ${row.value}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}\n`);
  sections.push(section);
}
mkdirSync('docs', { recursive: true });
writeFileSync('docs/benchmarks.md', renderReport(sections, new Date()));
process.stdout.write('bench: wrote docs/benchmarks.md\n');
