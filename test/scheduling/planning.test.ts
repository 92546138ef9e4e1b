import { afterEach, expect, it } from 'vitest';
import { describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { createHarness, datesOf, resetTables, runDaily } from './harness.ts';

describeEachBackend('check-in planning on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it('skips Christmas Eve, Christmas, New Year and Epiphany 2026–2027 but keeps New Year\'s Eve', async () => {
    const h = createHarness(t.db);
    const student = await h.person();
    const placement = await h.placement({ studentId: student, startDate: '2026-12-21', endDate: '2027-01-08' });
    await runDaily(h, '2026-12-19', '2027-01-10', ['15:00']);
    expect(datesOf(h, 'checkin', placement)).toEqual([
      '2026-12-21', '2026-12-22', '2026-12-23',
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31',
      '2027-01-04', '2027-01-05', '2027-01-07', '2027-01-08',
    ]);
  });

  it('keeps 15:00 Helsinki time across the change to summer time at Easter 2027', async () => {
    const h = createHarness(t.db);
    const student = await h.person();
    const placement = await h.placement({ studentId: student, startDate: '2027-03-22', endDate: '2027-04-02' });
    await runDaily(h, '2027-03-21', '2027-04-03', ['06:00', '15:00']);
    const rows = await t.db.selectFrom('checkin').select(['local_date', 'due_at', 'sent_at']).where('placement_id', '=', placement).orderBy('local_date').execute();
    expect(rows.map((r) => [r.local_date, r.due_at.toISOString()])).toEqual([
      ['2027-03-22', '2027-03-22T13:00:00.000Z'],
      ['2027-03-23', '2027-03-23T13:00:00.000Z'],
      ['2027-03-24', '2027-03-24T13:00:00.000Z'],
      ['2027-03-25', '2027-03-25T13:00:00.000Z'],
      // Good Friday 26.3. and Easter Monday 29.3. are days off; summer time starts on Sunday 28.3.
      ['2027-03-30', '2027-03-30T12:00:00.000Z'],
      ['2027-03-31', '2027-03-31T12:00:00.000Z'],
      ['2027-04-01', '2027-04-01T12:00:00.000Z'],
      ['2027-04-02', '2027-04-02T12:00:00.000Z'],
    ]);
    // Sent at the pass of the check-in time itself.
    expect(rows.every((r) => r.sent_at?.getTime() === r.due_at.getTime())).toBe(true);
  });

  it('sends nothing before the placement starts or after it ends, and only on its working days', async () => {
    const h = createHarness(t.db);
    const student = await h.person();
    const monToThu = await h.placement({ studentId: student, startDate: '2026-11-04', endDate: '2026-11-10', workingDays: [1, 2, 3, 4] });
    await runDaily(h, '2026-11-01', '2026-11-13', ['09:00', '15:00', '23:30']);
    expect(datesOf(h, 'checkin', monToThu)).toEqual(['2026-11-04', '2026-11-05', '2026-11-09', '2026-11-10']);
  });

  it('plans each student in their own time zone and at their own time', async () => {
    const h = createHarness(t.db);
    const stockholm = await h.person({ timeZone: 'Europe/Stockholm' });
    const early = await h.person();
    const p1 = await h.placement({ studentId: stockholm, startDate: '2026-11-02', endDate: '2026-11-02' });
    const p2 = await h.placement({ studentId: early, startDate: '2026-11-02', endDate: '2026-11-02', checkinTime: '08:30' });
    await h.run('2026-11-01T12:00:00Z');
    const due = await t.db.selectFrom('checkin').select(['placement_id', 'due_at']).where('placement_id', 'in', [p1, p2]).execute();
    const byPlacement = new Map(due.map((r) => [r.placement_id, r.due_at.toISOString()]));
    expect(byPlacement.get(p1)).toBe('2026-11-02T14:00:00.000Z');
    expect(byPlacement.get(p2)).toBe('2026-11-02T06:30:00.000Z');
  });

  it('plans idempotently: repeated passes and a second scheduler never add a second row for a day', async () => {
    const h = createHarness(t.db);
    const other = createHarness(t.db, { instanceId: 'other' });
    const student = await h.person();
    const placement = await h.placement({ studentId: student, startDate: '2026-11-02', endDate: '2026-11-06' });
    for (let i = 0; i < 3; i++) {
      await h.run('2026-11-02T08:00:00Z');
      await other.run('2026-11-02T08:00:00Z');
    }
    const rows = await t.db.selectFrom('checkin').select('local_date').where('placement_id', '=', placement).orderBy('local_date').execute();
    expect(rows.map((r) => r.local_date)).toEqual(['2026-11-02', '2026-11-03']);
  });

  it('does not send a check-in of a day that has ended (the scheduler was down)', async () => {
    const h = createHarness(t.db);
    const student = await h.person();
    const placement = await h.placement({ studentId: student, startDate: '2026-11-02', endDate: '2026-11-06' });
    await h.run('2026-11-02T08:00:00Z'); // plans Monday and Tuesday
    await h.run('2026-11-03T22:30:00Z'); // Wednesday 00:30 in Helsinki: both days are over
    expect(datesOf(h, 'checkin', placement)).toEqual([]);
    const rows = await t.db.selectFrom('checkin').select(['local_date', 'status', 'skip_reason']).where('placement_id', '=', placement).orderBy('local_date').execute();
    expect(rows.slice(0, 2)).toEqual([
      { local_date: '2026-11-02', status: 'skipped', skip_reason: 'expired' },
      { local_date: '2026-11-03', status: 'skipped', skip_reason: 'expired' },
    ]);
  });

  it('drops planned check-ins of a placement that was interrupted or shortened', async () => {
    const h = createHarness(t.db);
    const interrupted = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-06' });
    const shortened = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-06' });
    await h.run('2026-11-02T08:00:00Z'); // plans Monday and Tuesday for both
    await h.store.placements.setStatus(interrupted, 'interrupted');
    await t.db.updateTable('placement').set({ end_date: '2026-11-02' }).where('id', '=', shortened).execute();
    await h.run('2026-11-02T13:00:00Z');
    await h.run('2026-11-03T13:00:00Z');
    expect(datesOf(h, 'checkin', interrupted)).toEqual([]);
    expect(datesOf(h, 'checkin', shortened)).toEqual(['2026-11-02']);
  });
});
