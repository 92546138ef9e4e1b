// One rule for the week's counts and averages: a day marked absent after it was answered is absent,
// and its answer's confidence no longer counts; a paused day is no check-in day at all. The summary
// (student-week) and the storage aggregates say the same, on both backends.
import { expect, it } from 'vitest';
import { createWorkCalendar } from '../../../src/calendar/index.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { createSummaryService } from '../../../src/features/summaries/summary-service.ts';
import { createAuditLog, createWeeklySummaryRepo, weeklyAggregates } from '../../../src/storage/index.ts';
import { describeEachBackend, silentLogger, useTestDatabase } from '../../storage/backends.ts';
import { realKnowledge } from '../../support/knowledge.ts';
import { AS_OF, IDS, seedWeek, WEEK_START } from './week-fixture.ts';

describeEachBackend('counts that agree on %s', (backend) => {
  const t = useTestDatabase(backend);
  const { kb } = realKnowledge();
  const service = () => createSummaryService({ repo: createWeeklySummaryRepo(t.db), audit: createAuditLog(t.db), kb, calendar: createWorkCalendar(), options: { extraDaysOff: [] }, logger: silentLogger });

  it('counts an answered day later marked sick as absent, and leaves its confidence out of the average', async () => {
    await seedWeek(t.db);
    // Bertta (Mon–Thu) answers Wednesday at 5, then reports sick for it; the Thursday of the week
    // before, answered at 3, was later paused.
    await t.db.insertInto('reflection').values([
      { id: 'ca_r1', placement_id: IDS.plBertta, student_id: IDS.bertta, local_date: '2026-11-11', status: 'answered', text: 'Aamupäivä töissä', requirement_ids: ['AH-H1'], confidence: 5 },
    ]).execute();
    await t.db.insertInto('checkin_pause').values([
      { id: 'ca_p1', placement_id: IDS.plBertta, from_date: '2026-11-11', to_date: '2026-11-11', reason: 'sick', created_by: IDS.bertta, created_at: new Date('2026-11-11T11:00:00Z') },
      { id: 'ca_p2', placement_id: IDS.plBertta, from_date: '2026-11-05', to_date: '2026-11-05', reason: 'paused', created_by: IDS.bertta, created_at: new Date('2026-11-05T08:00:00Z') },
    ]).execute();

    const [bertta] = await service().weeks(WEEK_START, AS_OF, [IDS.plBertta]);
    // Mon, Tue and Thu were check-in days; Wednesday is absent: 2 of 3, and the average is Mon and Tue's.
    expect(bertta?.checkins).toEqual({ scheduled: 3, answered: 2 });
    expect(bertta?.reflections).toEqual({ answered: 2, skipped: 0, absent: 1 });
    expect(bertta?.confidenceAvg).toBe(2);
    // The week before without the paused Thursday: (4 + 4 + 3) / 3.
    expect(bertta?.confidenceAvgPrevious).toBeCloseTo(11 / 3, 6);
    // What the answer says was done is still evidence.
    expect(bertta?.touched.map((r) => r.id)).toContain('AH-H1');

    const aggregate = (await weeklyAggregates(t.db, WEEK_START, '2026-11-15')).find((a) => a.placementId === IDS.plBertta);
    expect(aggregate?.reflections).toEqual(bertta?.reflections);
    expect(aggregate?.confidenceAvg).toBe(bertta?.confidenceAvg);
    expect(aggregate?.confidenceAvgPrevious).toBeCloseTo(bertta?.confidenceAvgPrevious ?? Number.NaN, 6);
    expect(aggregate?.requirementsTouched).toEqual(bertta?.touched.map((r) => r.id));

    const recap = await service().forRecipient({ recipientId: IDS.bertta, role: 'student', lang: 'fi', weekStart: WEEK_START, asOf: AS_OF });
    const body = recap ? renderPlainText(recap) : '';
    expect(body).toContain('vastattu 2/3');
    expect(body).toContain('2,0');
    expect(body).not.toContain('3,0 ');
  });
});
