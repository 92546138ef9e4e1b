import { afterEach, expect, it } from 'vitest';
import { createRateLimiter, rateLimitSchema } from '../../src/scheduling/index.ts';
import { describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { createHarness, datesOf, resetTables } from './harness.ts';

const T0 = new Date('2026-11-02T13:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describeEachBackend('the shared rate limiter on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it('gives a burst, then tokens at the sustained rate, shared by every limiter on the database', async () => {
    const one = createRateLimiter(t.db);
    const two = createRateLimiter(t.db);
    const limit = rateLimitSchema.parse({ perSecond: 10, burst: 5 });
    expect((await one.take('slack:T1', limit, 8, T0)).granted).toBe(5);
    const empty = await two.take('slack:T1', limit, 1, T0);
    expect(empty).toMatchObject({ granted: 0, nextAt: at(100), perSecond: 10 });
    expect((await two.take('slack:T1', limit, 3, at(100))).granted).toBe(1);
    expect((await one.take('slack:T1', limit, 3, at(350))).granted).toBe(2);
    // After a quiet second the bucket holds the burst again, no more.
    expect((await one.take('slack:T1', limit, 20, at(2000))).granted).toBe(5);
    // Another workspace has its own bucket.
    expect((await one.take('slack:T2', limit, 20, at(2000))).granted).toBe(5);
  });

  it("honours the platform's Retry-After for everyone on the key", async () => {
    const limiter = createRateLimiter(t.db);
    const limit = rateLimitSchema.parse({ perSecond: 100, burst: 100 });
    await limiter.block('slack:T1', at(30_000), T0);
    expect(await limiter.take('slack:T1', limit, 5, at(10_000))).toMatchObject({ granted: 0, nextAt: at(30_000) });
    // A shorter block later does not cut the longer one short.
    await limiter.block('slack:T1', at(5_000), at(1_000));
    expect((await limiter.take('slack:T1', limit, 5, at(29_999))).granted).toBe(0);
    expect((await limiter.take('slack:T1', limit, 5, at(30_000))).granted).toBe(5);
  });

  it('defers the whole workspace on a 429 until Retry-After, without using up attempts', async () => {
    let sends = 0;
    const h = createHarness(t.db, {
      messenger: {
        behaviour: () => {
          sends += 1;
          return sends === 1 ? { record: false, result: { ok: false, reason: 'rate-limited', retryAfterMs: 30_000 } } : { record: true, result: { ok: true } };
        },
      },
      options: { concurrency: 1 },
    });
    const placements = [];
    for (let i = 0; i < 3; i++) placements.push(await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' }));
    await h.run('2026-11-02T13:00:00Z');
    expect(sends).toBe(1);
    const rows = await t.db.selectFrom('checkin').select(['status', 'due_at', 'attempts']).where('placement_id', 'in', placements).execute();
    expect(rows.every((r) => r.status === 'pending' && r.due_at.toISOString() === '2026-11-02T13:00:30.000Z' && r.attempts === 0)).toBe(true);
    await h.run('2026-11-02T13:00:20Z');
    expect(sends).toBe(1);
    await h.run('2026-11-02T13:00:30Z');
    expect(placements.flatMap((p) => datesOf(h, 'checkin', p))).toHaveLength(3);
  });

  it('spreads a fan-out over the send window the configured rate allows', async () => {
    const h = createHarness(t.db, { options: { rateLimits: { slack: { perSecond: 1, burst: 2 } } } });
    const placements = [];
    for (let i = 0; i < 5; i++) placements.push(await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' }));
    await h.run('2026-11-02T13:00:00Z');
    expect(h.keys('checkin:')).toHaveLength(2);
    for (let s = 1; s <= 3; s++) await h.run(`2026-11-02T13:00:0${s}Z`);
    expect(h.keys('checkin:')).toHaveLength(5);
    const times = h.messenger.deliveries().map((d) => d.at);
    expect(times).toEqual(['2026-11-02T13:00:00.000Z', '2026-11-02T13:00:00.000Z', '2026-11-02T13:00:01.000Z', '2026-11-02T13:00:02.000Z', '2026-11-02T13:00:03.000Z']);
  });
});
