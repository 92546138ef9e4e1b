// Shared shape of a benchmark's result and the markdown report written to docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  metric: string;
  value: string;
  target?: string;
  /** undefined when the metric has no target. */
  pass?: boolean;
}

export interface BenchSection {
  title: string;
  description: string;
  rows: BenchRow[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export function renderReport(sections: BenchSection[], date: Date): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${date.toISOString().slice(0, 10)}.`,
    `Machine: ${cpus().length} × ${cpu}, ${mb(totalmem())} RAM, Node ${process.version}, ${process.platform}/${process.arch}.`,
    '',
  ];
  for (const s of sections) {
    lines.push(`## ${s.title}`, '', s.description, '', '| metric | value | target | |', '| --- | --- | --- | --- |');
    for (const r of s.rows) lines.push(`| ${r.metric} | ${r.value} | ${r.target ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'pass' : '**FAIL**'} |`);
    lines.push('');
  }
  return lines.join('\n');
}
