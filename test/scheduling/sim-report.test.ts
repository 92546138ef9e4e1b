// The simulation names what is missing: the key, kind, placement and date of each expected delivery
// the platform has no record of (scripts/simulate.ts then adds the database's row and reason).
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.ts';
import { schedulerOptionsSchema } from '../../src/scheduling/scheduler-options.ts';
import { expectedDeliveries } from '../../src/simulation/sim-expectations.ts';
import { toLines, totalsOf } from '../../src/simulation/sim-report.ts';
import { buildWorld, simConfigSchema, slackIdOf } from '../../src/simulation/sim-world.ts';

describe('the simulation report', () => {
  it('lists each missing delivery with its kind, placement and date, and each duplicate key', () => {
    const config = simConfigSchema.parse({ placements: 3, from: '2026-12-14', to: '2026-12-18' });
    const world = buildWorld(config);
    const expected = expectedDeliveries(world, config, createWorkCalendar(), schedulerOptionsSchema.parse({}));
    const recipientOf = (key: string) => {
      const [kind, a = '', b = ''] = key.split(':');
      return kind === 'summary' ? b : (world.placements.find((p) => p.id === a)?.studentId ?? '');
    };
    const all = [...expected.keys()].map((key) => ({ key, platform: 'slack' as const, tenantId: 'T', userId: slackIdOf(recipientOf(key)), at: '2026-12-14T13:00:00.000Z', replies: [] }));
    const deliveries = all.filter((d) => d.key !== 'reminder:pl1:2026-12-16' && d.key !== 'summary:teacher:tea0:2026-12-14');
    deliveries.push({ ...deliveries[0]! });
    const totals = totalsOf({ deliveries, expected, lines: toLines(deliveries, world), world, restarts: 0, placements: 3, uncertain: 0, unresolved: 0 });
    expect(totals.missing).toBe(2);
    expect(totals.missingDeliveries).toEqual([
      { key: 'reminder:pl1:2026-12-16', kind: 'reminder', placement: 'pl1', date: '2026-12-16' },
      { key: 'summary:teacher:tea0:2026-12-14', kind: 'summary', placement: 'pl0', date: '2026-12-14', recipient: 'tea0', role: 'teacher' },
    ]);
    expect(totals.duplicates).toBe(1);
    expect(totals.duplicateKeys).toEqual([deliveries[0]!.key]);
  });
});
