// The adaptive workspace rate: it rises while the platform accepts and sends wait for it, falls on a
// 429 and honours Retry-After, and lives in the database, so every instance and a restarted one
// use what was learnt.
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter, initialState, rateLimited, rateLimitSchema, type RateState, take } from '../../src/scheduling/index.ts';
import { describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { resetTables } from './harness.ts';

const T0 = Date.parse('2026-11-02T13:00:00Z');
const slack = rateLimitSchema.parse({ initialPerSecond: 4, increasePerSecond: 1, probePerSecond: 0.1, perChannelPerSecond: 1 });

/** Asks for more than the rate gives, every 100 ms for `seconds`: a fan-out waiting for the rate. */
function demand(state: RateState, fromMs: number, seconds: number): { state: RateState; granted: number } {
  let granted = 0;
  let current = state;
  for (let t = fromMs; t < fromMs + seconds * 1000; t += 100) {
    const result = take(slack, current, { wanted: 50, nowMs: t, priority: 0, priorityHoldMs: 2000 });
    current = result.state;
    granted += result.granted;
  }
  return { state: current, granted };
}

describe('the adaptive rate', () => {
  it('starts safe and rises while the platform accepts', () => {
    const start = initialState(slack, T0);
    expect(start.perSecond).toBe(4);
    const after5 = demand(start, T0, 5).state;
    const after10 = demand(after5, T0 + 5000, 5).state;
    expect(after5.perSecond).toBeGreaterThan(4);
    expect(after10.perSecond).toBeGreaterThan(after5.perSecond);
  });

  it('does not rise when nobody waits for it', () => {
    let state = initialState(slack, T0);
    for (let t = T0; t < T0 + 10_000; t += 1000) state = take(slack, state, { wanted: 1, nowMs: t, priority: 0, priorityHoldMs: 0 }).state;
    expect(state.perSecond).toBe(4);
  });

  it("falls on a 429, sends nothing until Retry-After, and falls once for one overshoot", () => {
    const risen = demand(initialState(slack, T0), T0, 10).state;
    const until = T0 + 10_000 + 3000;
    const limited = rateLimited(slack, risen, until, T0 + 10_000);
    expect(limited.perSecond).toBeCloseTo(risen.perSecond * 0.9);
    expect(limited.ceilingPerSecond).toBe(risen.perSecond);
    expect(limited.rateLimitedCount).toBe(1);
    // Other sends in flight come back 429 too: the same overshoot, no second fall.
    const again = rateLimited(slack, limited, until, T0 + 10_050);
    expect(again.perSecond).toBe(limited.perSecond);
    expect(again.rateLimitedCount).toBe(2);
    const blocked = take(slack, again, { wanted: 5, nowMs: T0 + 12_000, priority: 0, priorityHoldMs: 0 });
    expect(blocked).toMatchObject({ granted: 0, nextAtMs: until });
    expect(take(slack, again, { wanted: 5, nowMs: until, priority: 0, priorityHoldMs: 0 }).granted).toBeGreaterThan(0);
  });

  it('only probes once near the rate of the last 429', () => {
    let state = rateLimited(slack, { ...initialState(slack, T0), perSecond: 20 }, T0 + 1000, T0);
    state = demand(state, T0 + 1000, 1).state; // 18 → 19 (the ceiling's 95 %) at once
    expect(state.perSecond).toBeCloseTo(19);
    const before = state.perSecond;
    state = demand(state, T0 + 4000, 5).state;
    expect(state.perSecond - before).toBeLessThanOrEqual(5 * 0.1 + 1e-9);
  });

  it('gives a lower-priority kind nothing while check-ins are sending', () => {
    const checkins = take(slack, initialState(slack, T0), { wanted: 1, nowMs: T0, priority: 0, priorityHoldMs: 2000 });
    expect(take(slack, checkins.state, { wanted: 1, nowMs: T0 + 500, priority: 2, priorityHoldMs: 2000 })).toMatchObject({ granted: 0, nextAtMs: T0 + 2000 });
    expect(take(slack, checkins.state, { wanted: 1, nowMs: T0 + 2000, priority: 2, priorityHoldMs: 2000 }).granted).toBe(1);
  });
});

describeEachBackend('the adaptive rate in the database on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it('is shared by every limiter and survives a restart', async () => {
    const first = createRateLimiter(t.db);
    let rate = 0;
    for (let ms = 0; ms < 6000; ms += 100) rate = (await first.take('slack:T1', slack, 50, new Date(T0 + ms), { priority: 0 })).perSecond;
    expect(rate).toBeGreaterThan(8);
    // A 429: the rate falls, for everyone.
    await first.block('slack:T1', new Date(T0 + 8000), new Date(T0 + 6000), slack);
    const restarted = createRateLimiter(t.db); // a new process on the same database
    const blocked = await restarted.take('slack:T1', slack, 5, new Date(T0 + 7000));
    expect(blocked).toMatchObject({ granted: 0, nextAt: new Date(T0 + 8000) });
    expect(blocked.perSecond).toBeCloseTo(rate * 0.9);
    const after = await restarted.take('slack:T1', slack, 1, new Date(T0 + 8000));
    expect(after.granted).toBe(1);
    expect(await restarted.platformRate('slack')).toBeCloseTo(rate * 0.9);
    const row = await t.db.selectFrom('send_rate').select(['rate_limited_count', 'ceiling_per_second']).where('key', '=', 'slack:T1').executeTakeFirstOrThrow();
    expect(row.rate_limited_count).toBe(1);
    expect(row.ceiling_per_second).toBeCloseTo(rate);
  });
});
