// Two scheduler instances on one database, in real time: they split a fan-out by what each can send
// now (each claims only its share of the rate for a few seconds), and neither holds claimed rows it
// cannot send within its lease.
import { afterEach, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.ts';
import type { Messenger } from '../../src/messaging/messenger.ts';
import { createRecordingMessenger } from '../../src/messaging/recording-messenger.ts';
import { createScheduledMessages } from '../../src/scheduled-messages.ts';
import { createScheduler } from '../../src/scheduling/index.ts';
import { createStore } from '../../src/storage/store.ts';
import { describeEachBackend, silentLogger, useTestDatabase } from '../storage/backends.ts';
import { realKnowledge } from '../support/knowledge.ts';
import { createHarness, resetTables } from './harness.ts';

const PLACEMENTS = 60;
const RATE = 20;

describeEachBackend('two instances sharing a fan-out on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it('split it fairly and hold no more rows than they can send within their lease', async () => {
    const seed = createHarness(t.db);
    for (let i = 0; i < PLACEMENTS; i++) await seed.placement({ studentId: await seed.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    await seed.run('2026-11-02T10:00:00Z'); // planned, nothing due yet

    // Real time from 15:00 Helsinki; one platform both instances post to.
    const startedAt = Date.now();
    const clock = { now: () => new Date(Date.parse('2026-11-02T13:00:00Z') + (Date.now() - startedAt)) };
    const platform = createRecordingMessenger({ platform: 'slack', clock });
    const sentBy = new Map<string, number>();
    const outlet = (id: string): Messenger => ({
      platform: 'slack',
      async send(to, replies, options) {
        await new Promise((r) => setTimeout(r, 5));
        const result = await platform.send(to, replies, options);
        if (result.ok) sentBy.set(id, (sentBy.get(id) ?? 0) + 1);
        return result;
      },
    });
    const { kb } = realKnowledge();
    const calendar = createWorkCalendar();
    const options = { rateLimits: { slack: { perSecond: RATE, burst: 4 } }, claimHorizonSeconds: 1, leaseSeconds: 10, batchSize: 100, concurrency: 4 };
    const instance = (id: string) => {
      const store = createStore(t.db, clock);
      return createScheduler({ store, messengers: [outlet(id)], calendar, ...createScheduledMessages({ store, kb, calendar, logger: silentLogger }), clock, logger: silentLogger, options, instanceId: id });
    };
    const a = instance('instance-a');
    const b = instance('instance-b');

    // While they send, look at what each holds claimed.
    let mostHeld = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const held = await t.db.selectFrom('checkin').select(['lease_owner']).select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sending').groupBy('lease_owner').execute();
        for (const row of held) mostHeld = Math.max(mostHeld, Number(row.n));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    for (let round = 0; round < 5 && platform.deliveries().length < PLACEMENTS; round++) await Promise.all([a.deliverDue(), b.deliverDue()]);
    watching = false;
    await watcher;

    const keys = platform.deliveries().map((d) => d.key);
    expect(keys).toHaveLength(PLACEMENTS);
    expect(new Set(keys).size).toBe(PLACEMENTS);
    // Each sent a fair share; neither claimed more than two claims of its rate share (1 s each), far
    // below what the 10 s lease would allow at this rate.
    expect(sentBy.get('instance-a') ?? 0).toBeGreaterThanOrEqual(PLACEMENTS * 0.3);
    expect(sentBy.get('instance-b') ?? 0).toBeGreaterThanOrEqual(PLACEMENTS * 0.3);
    expect(mostHeld).toBeLessThanOrEqual(2 * RATE);
    const statuses = await t.db.selectFrom('checkin').select('status').distinct().execute();
    expect(statuses.map((s) => s.status)).toEqual(['sent']);
  }, 60_000);
});
