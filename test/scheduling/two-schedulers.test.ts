// Two scheduler instances at once on one PostgreSQL database (each with its own connection pool, as
// two bot processes would have), sending through slow messengers so that their passes overlap.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Messenger } from '../../src/messaging/messenger.ts';
import { createRecordingMessenger } from '../../src/messaging/recording-messenger.ts';
import { createDatabase, type Database } from '../../src/storage/index.ts';
import { adminQuery, createTestClock, describePostgres, postgresUrl, silentLogger } from '../storage/backends.ts';
import { createHarness } from './harness.ts';

const PLACEMENTS = 120;

describePostgres('two schedulers at once on PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    if (!postgresUrl) return;
    await adminQuery(postgresUrl, `CREATE SCHEMA ${schema}`);
    first = await createDatabase({ url: postgresUrl, dataDir: '', logger: silentLogger, schema });
    second = await createDatabase({ url: postgresUrl, dataDir: '', logger: silentLogger, schema });
  }, 60_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    if (postgresUrl) await adminQuery(postgresUrl, `DROP SCHEMA ${schema} CASCADE`);
  });

  it('never sends a check-in or a reminder twice, and both instances share the work', async () => {
    // One platform for both instances (a real workspace is one, too); each instance's sends are slowed
    // a little and counted, so that their batches interleave.
    const clock = createTestClock('2026-11-02T08:00:00Z');
    const platform = createRecordingMessenger({ platform: 'slack', clock });
    const sentBy = new Map<string, number>();
    const outlet = (instance: string): Messenger => ({
      platform: 'slack',
      async send(to, replies, options) {
        await new Promise((r) => setTimeout(r, 1 + Math.floor(Math.random() * 6)));
        const result = await platform.send(to, replies, options);
        if (result.ok) sentBy.set(instance, (sentBy.get(instance) ?? 0) + 1);
        return result;
      },
    });
    const options = { batchSize: 10, concurrency: 4 };
    const a = createHarness(first.db, { instanceId: 'instance-a', messengers: [outlet('instance-a')], options });
    const b = createHarness(second.db, { instanceId: 'instance-b', messengers: [outlet('instance-b')], options });
    for (let i = 0; i < PLACEMENTS; i++) await a.placement({ studentId: await a.person(), startDate: '2026-11-02', endDate: '2026-11-03' });

    for (const iso of ['2026-11-02T08:00:00Z', '2026-11-02T13:00:00Z', '2026-11-02T15:00:00Z', '2026-11-03T13:00:00Z']) {
      clock.set(iso);
      await Promise.all([a.scheduler.runOnce(new Date(iso)), b.scheduler.runOnce(new Date(iso))]);
    }
    const keys = platform.deliveries().map((d) => d.key ?? '');
    const checkins = keys.filter((k) => k.startsWith('checkin:'));
    const reminders = keys.filter((k) => k.startsWith('reminder:'));
    expect(checkins).toHaveLength(PLACEMENTS * 2);
    expect(new Set(checkins).size).toBe(PLACEMENTS * 2);
    expect(reminders).toHaveLength(PLACEMENTS);
    expect(new Set(reminders).size).toBe(PLACEMENTS);
    const statuses = await first.db.selectFrom('checkin').select('status').distinct().execute();
    expect(statuses.map((s) => s.status)).toEqual(['sent']);
    expect(sentBy.get('instance-a')).toBeGreaterThan(0);
    expect(sentBy.get('instance-b')).toBeGreaterThan(0);
  }, 120_000);
});
