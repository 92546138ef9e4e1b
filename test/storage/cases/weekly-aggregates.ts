import { expect, it } from 'vitest';
import { createObservationRepo, createReflectionRepo, weeklyAggregates } from '../../../src/storage/index.ts';
import { type StorageContext, createTestClock } from '../backends.ts';
import { createPlacementFixture } from '../fixtures.ts';

export function weeklyAggregateCases(t: StorageContext): void {
  it('sums each placement’s week: reflections by status, requirements touched, confidence now and before, observations', async () => {
    const a = await createPlacementFixture(t.db);
    const quiet = await createPlacementFixture(t.db);
    const ended = await createPlacementFixture(t.db, { startDate: '2026-01-05', endDate: '2026-03-13' });
    const clock = createTestClock('2026-03-25T10:00:00Z');
    const reflections = createReflectionRepo(t.db, clock);
    const observations = createObservationRepo(t.db, clock);
    const reflect = (localDate: string, status: 'answered' | 'skipped' | 'absent', confidence: number | null, requirementIds: string[] = []) =>
      reflections.upsertForDay({ placementId: a.placement.id, localDate, status, text: 't', confidence, requirementIds });
    const observe = (observedAt: string, requirementIds: string[]) =>
      observations.create({ placementId: a.placement.id, authorId: a.instructor.id, text: 'o', requirementIds, observedAt: new Date(observedAt) });

    await reflect('2026-03-10', 'answered', 2, ['AH-V5']); // previous week
    await reflect('2026-03-12', 'answered', 3);
    await reflect('2026-03-16', 'answered', 4, ['AH-V1', 'AH-H3']);
    await reflect('2026-03-17', 'answered', 5, ['AH-H3', 'AH-T1']);
    await reflect('2026-03-18', 'skipped', null, ['AH-H12']); // not answered: touches nothing
    await reflect('2026-03-19', 'absent', null);
    await reflect('2026-03-23', 'answered', 1, ['AH-H10']); // next week
    await observe('2026-03-15T22:30:00Z', ['AH-V2']); // 00:30 on Monday 16 March in Helsinki
    await observe('2026-03-18T10:00:00Z', ['AH-H9', 'AH-H3']);
    await observe('2026-03-22T22:30:00Z', ['AH-H11']); // already Monday 23 March in Helsinki

    const week = await weeklyAggregates(t.db, '2026-03-16', '2026-03-22');
    const byId = new Map(week.map((row) => [row.placementId, row]));
    expect(byId.get(a.placement.id)).toEqual({
      placementId: a.placement.id,
      studentId: a.student.id,
      instructorId: a.instructor.id,
      teacherId: a.teacher.id,
      status: 'active',
      reflections: { answered: 2, skipped: 1, absent: 1 },
      requirementsTouched: ['AH-H3', 'AH-H9', 'AH-T1', 'AH-V1', 'AH-V2'],
      confidenceAvg: 4.5,
      confidenceAvgPrevious: 2.5,
      observations: 2,
    });
    expect(byId.get(quiet.placement.id)).toMatchObject({
      reflections: { answered: 0, skipped: 0, absent: 0 },
      requirementsTouched: [],
      confidenceAvg: null,
      confidenceAvgPrevious: null,
      observations: 0,
    });
    expect(byId.has(ended.placement.id)).toBe(false);
  });
}
