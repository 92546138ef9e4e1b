import { afterEach, expect, it } from 'vitest';
import { claimCheckins } from '../../src/scheduling/claims.ts';
import { describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { createHarness, resetTables } from './harness.ts';

const MON_1500 = '2026-11-02T13:00:00Z';

describeEachBackend('uncertain sends on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it('settles sends of a process that died mid-send by asking the platform: no duplicate, none missing', async () => {
    const h = createHarness(t.db);
    const a = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    const b = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    await h.run('2026-11-02T08:00:00Z'); // plan only
    // A dead instance claimed both at 15:00; the platform accepted a's message before it died.
    const claimed = await claimCheckins(t.db, { owner: 'dead', until: new Date('2026-11-02T13:02:00Z') }, new Date(MON_1500), 10);
    expect(claimed.map((c) => c.placementId).sort()).toEqual([a, b].sort());
    const aStudent = claimed.find((c) => c.placementId === a)?.recipientId ?? '';
    await h.messenger.send({ platform: 'slack', tenantId: 'T1', userId: `U${aStudent}` }, [], { deliveryKey: `checkin:${a}:2026-11-02` });
    // While the lease holds, nobody touches the rows.
    await h.run('2026-11-02T13:01:00Z');
    expect(h.keys('checkin:')).toEqual([`checkin:${a}:2026-11-02`]);
    await h.run('2026-11-02T13:03:00Z');
    expect(h.keys('checkin:').sort()).toEqual([`checkin:${a}:2026-11-02`, `checkin:${b}:2026-11-02`].sort());
    const rows = await t.db.selectFrom('checkin').select(['placement_id', 'status', 'resolution']).where('placement_id', 'in', [a, b]).execute();
    const by = new Map(rows.map((r) => [r.placement_id, r]));
    expect(by.get(a)).toMatchObject({ status: 'sent', resolution: 'checkin:confirmed' });
    expect(by.get(b)).toMatchObject({ status: 'sent' });
  });

  it('confirms a send whose answer was lost after the platform accepted it', async () => {
    const h = createHarness(t.db, { messenger: { behaviour: ({ count }) => (count === 1 ? { record: true, result: { ok: false, reason: 'uncertain', detail: 'socket hang up' } } : { record: true, result: { ok: true } }) } });
    const p = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    await h.run(MON_1500);
    await h.run('2026-11-02T13:00:10Z');
    expect(h.keys()).toEqual([`checkin:${p}:2026-11-02`]);
    const row = await t.db.selectFrom('checkin').select(['status', 'resolution', 'reminder_status']).where('placement_id', '=', p).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', resolution: 'checkin:confirmed', reminder_status: 'pending' });
  });

  it('without a way to confirm, sends the "ignore if you already got it" notice once, never twice', async () => {
    const h = createHarness(t.db, {
      messenger: { canConfirm: false, behaviour: ({ count }) => (count === 1 ? { record: true, result: { ok: false, reason: 'uncertain', detail: 'timeout' } } : { record: true, result: { ok: true } }) },
    });
    const p = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    await h.run(MON_1500);
    await h.run('2026-11-02T13:00:10Z');
    await h.run('2026-11-02T13:05:00Z');
    expect(h.keys()).toEqual([`checkin:${p}:2026-11-02`, `checkin:${p}:2026-11-02:notice`]);
    const row = await t.db.selectFrom('checkin').select(['status', 'resolution']).where('placement_id', '=', p).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', resolution: 'checkin:notice-sent' });
    const notice = h.messenger.deliveries()[1];
    expect(notice?.replies[0]).toBe(`form:checkin:${p}:2026-11-02`);
  });

  it('reports instead of repeating when the notice itself may have gone (a crash during it)', async () => {
    const h = createHarness(t.db, { messenger: { canConfirm: false } });
    const p = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    await h.run('2026-11-02T08:00:00Z');
    // A resolver claimed the uncertain row, recorded the step and died while sending the notice.
    await t.db.updateTable('checkin').set({ status: 'uncertain', resolution: 'checkin:notice-sending', lease_owner: 'dead', lease_until: new Date('2026-11-02T13:01:00Z') }).where('placement_id', '=', p).execute();
    await h.run('2026-11-02T13:02:00Z');
    expect(h.keys()).toEqual([]);
    const row = await t.db.selectFrom('checkin').select(['status', 'resolution', 'last_error']).where('placement_id', '=', p).executeTakeFirstOrThrow();
    expect(row.status).toBe('uncertain');
    expect(row.resolution).toBe('checkin:reported');
    expect(row.last_error).toContain('not repeated');
    await h.run('2026-11-02T13:30:00Z');
    expect(h.keys()).toEqual([]);
  });

  it('never repeats a reminder on a guess: an uncertain reminder is reported', async () => {
    const h = createHarness(t.db, {
      messenger: { canConfirm: false, behaviour: ({ count }) => (count === 2 ? { record: true, result: { ok: false, reason: 'uncertain', detail: 'timeout' } } : { record: true, result: { ok: true } }) },
    });
    const p = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    await h.run(MON_1500);
    await h.run('2026-11-02T15:00:00Z');
    await h.run('2026-11-02T15:10:00Z');
    expect(h.keys()).toEqual([`checkin:${p}:2026-11-02`, `reminder:${p}:2026-11-02`]);
    const row = await t.db.selectFrom('checkin').select(['reminder_status', 'resolution']).where('placement_id', '=', p).executeTakeFirstOrThrow();
    expect(row).toEqual({ reminder_status: 'uncertain', resolution: 'reminder:reported' });
  });
});
