import { afterEach, expect, it } from 'vitest';
import { isAnswerWindowOpen } from '../../src/scheduling/index.ts';
import { describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { createHarness, datesOf, resetTables } from './harness.ts';

// Monday 2 November 2026: 15:00 in Helsinki is 13:00Z (winter time).
const MON_1500 = '2026-11-02T13:00:00Z';

describeEachBackend('reminders and answers on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it('sends one reminder two hours after an unanswered check-in, and only one', async () => {
    const h = createHarness(t.db);
    const placement = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-06' });
    await h.run(MON_1500);
    expect(datesOf(h, 'checkin', placement)).toEqual(['2026-11-02']);
    await h.run('2026-11-02T14:59:00Z');
    expect(datesOf(h, 'reminder', placement)).toEqual([]);
    await h.run('2026-11-02T15:00:00Z');
    await h.run('2026-11-02T15:30:00Z');
    await h.run('2026-11-02T19:00:00Z');
    expect(datesOf(h, 'reminder', placement)).toEqual(['2026-11-02']);
    const reminder = h.messenger.deliveries().find((d) => d.key === `reminder:${placement}:2026-11-02`);
    expect(reminder?.at).toBe('2026-11-02T15:00:00.000Z');
  });

  it('sends no reminder once the day is answered, and marks the check-in answered', async () => {
    const h = createHarness(t.db);
    const placement = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-06' });
    await h.run(MON_1500);
    h.clock.set('2026-11-02T14:00:00Z');
    await h.store.reflections.upsertForDay({ placementId: placement, localDate: '2026-11-02', status: 'answered', text: 'Asiakaspalvelua', requirementIds: ['AH-V1'], confidence: 4 });
    await h.run('2026-11-02T15:30:00Z');
    expect(datesOf(h, 'reminder', placement)).toEqual([]);
    const row = await t.db.selectFrom('checkin').select(['status', 'reminder_status']).where('placement_id', '=', placement).where('local_date', '=', '2026-11-02').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'answered', reminder_status: 'skipped' });
  });

  it('does not send the check-in at all when the day was answered before it (the "reflect" command)', async () => {
    const h = createHarness(t.db);
    const placement = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-06' });
    await h.run('2026-11-02T08:00:00Z');
    h.clock.set('2026-11-02T10:00:00Z');
    await h.store.reflections.upsertForDay({ placementId: placement, localDate: '2026-11-02', status: 'answered', text: 'Aamupäivän reflektio' });
    await h.run(MON_1500);
    expect(datesOf(h, 'checkin', placement)).toEqual([]);
  });

  it('accepts a late answer until the next check-in and then closes the day', async () => {
    const h = createHarness(t.db);
    const placement = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-06' });
    await h.run(MON_1500);
    await h.run('2026-11-02T15:00:00Z'); // reminder
    // Tuesday morning: Monday's check-in is still open.
    const tuesdayMorning = new Date('2026-11-03T07:00:00Z');
    expect(await isAnswerWindowOpen(t.db, placement, '2026-11-02', tuesdayMorning)).toBe(true);
    h.clock.set(tuesdayMorning.toISOString());
    const { created } = await h.store.reflections.upsertForDay({ placementId: placement, localDate: '2026-11-02', status: 'answered', text: 'Myöhässä mutta tässä', confidence: 3 });
    expect(created).toBe(true);
    await h.run('2026-11-03T07:01:00Z');
    const monday = await t.db.selectFrom('checkin').select('status').where('placement_id', '=', placement).where('local_date', '=', '2026-11-02').executeTakeFirstOrThrow();
    expect(monday.status).toBe('answered');
    // Once Tuesday's check-in has gone out, Monday is closed.
    await h.run('2026-11-03T13:00:00Z');
    expect(await isAnswerWindowOpen(t.db, placement, '2026-11-02', new Date('2026-11-03T13:00:01Z'))).toBe(false);
  });

  it("lets the day's answer be edited on its day; the check-in stays answered", async () => {
    const h = createHarness(t.db);
    const placement = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-06' });
    await h.run(MON_1500);
    h.clock.set('2026-11-02T13:30:00Z');
    await h.store.reflections.upsertForDay({ placementId: placement, localDate: '2026-11-02', status: 'answered', text: 'Ensimmäinen versio' });
    await h.run('2026-11-02T13:31:00Z');
    h.clock.set('2026-11-02T16:00:00Z');
    const edited = await h.store.reflections.upsertForDay({ placementId: placement, localDate: '2026-11-02', status: 'answered', text: 'Muokattu versio', confidence: 5 });
    expect(edited.created).toBe(false);
    expect(edited.reflection.text).toBe('Muokattu versio');
    await h.run('2026-11-02T16:01:00Z');
    const row = await t.db.selectFrom('checkin').select(['status', 'reminder_status']).where('placement_id', '=', placement).where('local_date', '=', '2026-11-02').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'answered', reminder_status: 'skipped' });
    expect(datesOf(h, 'reminder', placement)).toEqual([]);
  });

  it('marks a student without a platform account unreachable, and one only on the local chat as not messaged', async () => {
    const h = createHarness(t.db);
    const nobody = await h.person({ slack: null });
    const localOnly = await h.person({ slack: null });
    await t.db.insertInto('identity').values({ platform: 'local', tenant_id: '', external_id: localOnly, person_id: localOnly }).execute();
    const p1 = await h.placement({ studentId: nobody, startDate: '2026-11-02', endDate: '2026-11-02' });
    const p2 = await h.placement({ studentId: localOnly, startDate: '2026-11-02', endDate: '2026-11-02' });
    await h.run(MON_1500);
    const rows = await t.db.selectFrom('checkin').select(['placement_id', 'status', 'last_error', 'skip_reason']).where('placement_id', 'in', [p1, p2]).execute();
    const by = new Map(rows.map((r) => [r.placement_id, r]));
    expect(by.get(p1)).toMatchObject({ status: 'failed', last_error: 'unreachable: no platform account linked' });
    expect(by.get(p2)).toMatchObject({ status: 'skipped', skip_reason: 'no-channel:local' });
  });

  it('backs off a retryable failure and gives up on an unreachable user', async () => {
    let calls = 0;
    const h = createHarness(t.db, {
      messenger: {
        behaviour: ({ to }) => {
          calls += 1;
          if (to.userId.endsWith('gone')) return { record: false, result: { ok: false, reason: 'unreachable', detail: 'user_not_found' } };
          return calls <= 2 ? { record: false, result: { ok: false, reason: 'failed', retryable: true, detail: 'internal_error' } } : { record: true, result: { ok: true } };
        },
      },
    });
    const flaky = await h.placement({ studentId: await h.person(), startDate: '2026-11-02', endDate: '2026-11-02' });
    await h.run(MON_1500);
    expect(datesOf(h, 'checkin', flaky)).toEqual([]);
    const afterFirst = await t.db.selectFrom('checkin').select(['status', 'due_at', 'attempts']).where('placement_id', '=', flaky).executeTakeFirstOrThrow();
    expect(afterFirst.status).toBe('pending');
    expect(afterFirst.due_at.toISOString()).toBe('2026-11-02T13:00:30.000Z');
    await h.run('2026-11-02T13:00:30Z');
    await h.run('2026-11-02T13:01:30Z');
    expect(datesOf(h, 'checkin', flaky)).toEqual(['2026-11-02']);

    const goneId = await h.person({ slack: 'Ugone' });
    const gone = await h.placement({ studentId: goneId, startDate: '2026-11-03', endDate: '2026-11-03' });
    await h.run('2026-11-03T13:00:00Z');
    const row = await t.db.selectFrom('checkin').select(['status', 'last_error']).where('placement_id', '=', gone).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', last_error: 'unreachable: user_not_found' });
  });
});
