// Shared shape of a benchmark's result and the markdown report written to docs/benchmarks.md.
import { cpus, loadavg, totalmem } from 'node:os';

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

/** A section as kept in docs/benchmarks.json: when, on what and how busy the machine was. */
export interface MeasuredSection extends BenchSection {
  measuredAt: string;
  machine: string;
  /** The 1-minute load average when the benchmark started and when it ended. */
  loadAverage: [number, number];
}

export function measuredNow(): { at: string; machine: string; loadAverage: number } {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return {
    at: new Date().toISOString(),
    machine: `${cpus().length} × ${cpu}, ${mb(totalmem())} RAM, Node ${process.version}, ${process.platform}/${process.arch}`,
    loadAverage: loadavg()[0] ?? 0,
  };
}

export function renderReport(sections: MeasuredSection[]): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (all benchmarks) or `npm run bench -- <name …>` (those sections only). Each section says',
    'when and on what machine it was measured, and the load average (1 min) at its start and end: on a busy machine the',
    'wall-clock figures are worse than the code.',
    '',
  ];
  for (const s of sections) {
    const load = s.loadAverage.map((l) => l.toFixed(1)).join(' → ');
    lines.push(`## ${s.title}`, '', `*Measured ${s.measuredAt.slice(0, 16).replace('T', ' ')} UTC on ${s.machine}; load average ${load}.*`, '', s.description, '', '| metric | value | target | |', '| --- | --- | --- | --- |');
    for (const r of s.rows) lines.push(`| ${r.metric} | ${r.value} | ${r.target ?? ''} | ${r.pass === undefined ? '' : r.pass ? 'pass' : '**FAIL**'} |`);
    lines.push('');
  }
  return lines.join('\n');
}
