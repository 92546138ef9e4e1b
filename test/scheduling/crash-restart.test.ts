// Crash and restart mid-fan-out in a child process: `scripts/simulate.ts --crash-every K` kills the
// scheduler process with SIGKILL after every K deliveries (at whatever point it happens to be:
// between a send and its record, mid-batch, mid-transaction) and starts it again.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const totalsSchema = z.object({
  totals: z.object({
    checkin: z.number(),
    reminder: z.number(),
    summary: z.number(),
    expected: z.object({ checkin: z.number(), reminder: z.number(), summary: z.number() }),
    notices: z.number(),
    unexpected: z.number(),
    restarts: z.number(),
  }),
  duplicates: z.number(),
  missing: z.number(),
  uncertain: z.number(),
  unresolved: z.number(),
});
const lineSchema = z.object({ kind: z.enum(['checkin', 'reminder', 'summary']), placement: z.string(), to: z.string(), localDate: z.string(), at: z.string() });

function simulate(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`simulate exited ${code}: ${err}`))));
  });
}

describe('crash and restart mid-fan-out', () => {
  it('loses nothing and sends nothing twice when the scheduler is killed every 80 deliveries', async () => {
    const out = await simulate(['--placements', '30', '--from', '2026-11-02', '--to', '2026-11-13', '--crash-every', '80', '--answer-rate', '0.4', '--json']);
    const lines = out.trim().split('\n');
    const totals = totalsSchema.parse(JSON.parse(lines.pop() ?? '{}'));
    const deliveries = lines.map((l) => lineSchema.parse(JSON.parse(l)));
    expect(totals.totals.restarts).toBeGreaterThanOrEqual(5);
    expect(totals.duplicates).toBe(0);
    expect(totals.missing).toBe(0);
    expect(totals.totals.unexpected).toBe(0);
    expect(totals.unresolved).toBe(0);
    expect(totals.totals.checkin).toBe(totals.totals.expected.checkin);
    expect(totals.totals.reminder).toBe(totals.totals.expected.reminder);
    expect(totals.totals.summary).toBe(totals.totals.expected.summary);
    // 30 students × 10 working days, less two Fridays for the six Mon–Thu students; reminders only for the unanswered.
    expect(totals.totals.checkin).toBe(300 - 6 * 2);
    expect(totals.totals.reminder).toBeLessThan(totals.totals.checkin);
    expect(deliveries).toHaveLength(totals.totals.checkin + totals.totals.reminder + totals.totals.summary);
    const keys = deliveries.map((d) => `${d.kind}:${d.placement}:${d.to}:${d.localDate}`);
    expect(new Set(keys).size).toBe(keys.length);
  }, 240_000);
});
