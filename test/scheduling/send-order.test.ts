// What goes first under a tight rate, how late each send was, and the per-channel pace: check-ins
// before reminders before summaries, lateness recorded against the first due time (a deferral moves
// the due time, not the promise), and a second message to one DM a second after the first.
import { afterEach, expect, it } from 'vitest';
import { describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { createHarness, resetTables } from './harness.ts';

describeEachBackend('send order and lateness on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it("sends the day's check-ins before reminders that are due at the same time", async () => {
    const h = createHarness(t.db, { options: { rateLimits: { slack: { perSecond: 1, burst: 2 } }, reminderAfterMinutes: 120 } });
    const early = [];
    const late = [];
    for (let i = 0; i < 3; i++) early.push(await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02', checkinTime: '13:00' }));
    for (let i = 0; i < 3; i++) late.push(await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02', checkinTime: '15:00' }));
    // 13:00 Helsinki: the early check-ins go (2 at once, then one a second).
    for (let s = 0; s <= 3; s++) await h.run(`2026-11-02T11:00:0${s}Z`);
    expect(h.keys('checkin:')).toHaveLength(3);
    // 15:00: the early ones' reminders and the late ones' check-ins are due together.
    for (let s = 0; s <= 9; s++) await h.run(`2026-11-02T13:00:0${s}Z`);
    const order = h.keys().slice(3);
    expect(order).toHaveLength(6);
    expect(order.slice(0, 3).every((k) => k.startsWith('checkin:'))).toBe(true);
    expect(order.slice(3).every((k) => k.startsWith('reminder:'))).toBe(true);
  });

  it('records how late each send was against its first due time, and the 429s it met', async () => {
    let sends = 0;
    const h = createHarness(t.db, {
      options: { rateLimits: { slack: { perSecond: 1, burst: 1 } } },
      messenger: {
        behaviour: () => {
          sends += 1;
          return sends === 2 ? { record: false, result: { ok: false, reason: 'rate-limited', retryAfterMs: 5000 } } : { record: true, result: { ok: true } };
        },
      },
    });
    const placements = [];
    for (let i = 0; i < 3; i++) placements.push(await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' }));
    for (const iso of ['13:00:00', '13:00:01', '13:00:06', '13:00:07']) await h.run(`2026-11-02T${iso}Z`);
    const rows = await t.db.selectFrom('checkin').select(['status', 'late_ms', 'first_due_at', 'due_at', 'rate_limited']).where('placement_id', 'in', placements).execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.map((r) => r.late_ms).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([0, 6000, 7000]);
    const limited = rows.filter((r) => r.rate_limited > 0);
    expect(limited).toHaveLength(1);
    expect(limited[0]?.first_due_at?.toISOString()).toBe('2026-11-02T13:00:00.000Z');
  });

  it('keeps two messages to one DM a second apart (per-channel pace)', async () => {
    const h = createHarness(t.db, { options: { rateLimits: { slack: { perSecond: 50, burst: 50, perChannelPerSecond: 1 } } } });
    // One person who is a student and also the instructor of another student: two summaries to one DM.
    const both = await h.person({ roles: ['student', 'instructor'] });
    await h.placement({ studentId: both, startDate: '2026-11-02', endDate: '2026-11-20' });
    const other = await h.person();
    await h.placement({ studentId: other, instructorId: both, startDate: '2026-11-02', endDate: '2026-11-20' });
    await h.run('2026-11-06T12:00:00Z'); // Friday 14:00 Helsinki: summaries are due
    const toBoth = () => h.messenger.deliveries().filter((d) => d.userId === `U${both}` && d.key?.startsWith('summary:'));
    expect(toBoth()).toHaveLength(1);
    await h.run('2026-11-06T12:00:00.500Z');
    expect(toBoth()).toHaveLength(1);
    await h.run('2026-11-06T12:00:01Z');
    expect(toBoth()).toHaveLength(2);
  });
});
