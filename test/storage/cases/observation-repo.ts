import { expect, it } from 'vitest';
import { createObservationRepo, isStorageError, OBSERVATION_TEXT_MAX } from '../../../src/storage/index.ts';
import { type StorageContext, createTestClock } from '../backends.ts';
import { createPlacementFixture } from '../fixtures.ts';

export function observationRepoCases(t: StorageContext): void {
  it('records an observation about the placement’s student, at the clock’s time by default', async () => {
    const { placement, student, instructor } = await createPlacementFixture(t.db);
    const repo = createObservationRepo(t.db, createTestClock('2026-03-10T11:00:00Z'));
    const observation = await repo.create({
      placementId: placement.id,
      authorId: instructor.id,
      text: 'Hoiti asiakaspuhelun rauhallisesti.',
      requirementIds: ['AH-H9'],
      level: 3,
    });
    expect(observation).toMatchObject({
      studentId: student.id,
      authorId: instructor.id,
      level: 3,
      visibleToStudent: true,
      observedAt: new Date('2026-03-10T11:00:00Z'),
    });
    expect(await repo.findById(observation.id)).toEqual(observation);
  });

  it('lists by the student’s local date and can hide what the student may not see', async () => {
    const { placement, instructor } = await createPlacementFixture(t.db);
    const repo = createObservationRepo(t.db, createTestClock('2026-03-12T12:00:00Z'));
    const base = { placementId: placement.id, authorId: instructor.id };
    await repo.create({ ...base, text: 'Ennen', observedAt: new Date('2026-03-09T21:30:00Z') }); // 23:30 on 9 March local
    await repo.create({ ...base, text: 'Keskiyön jälkeen', observedAt: new Date('2026-03-10T22:30:00Z') }); // 00:30 on 11 March
    await repo.create({ ...base, text: 'Piilotettu', observedAt: new Date('2026-03-10T09:00:00Z'), visibleToStudent: false });

    const tenth = await repo.listForPlacement(placement.id, { from: '2026-03-10', to: '2026-03-10' });
    expect(tenth.map((observation) => observation.text)).toEqual(['Piilotettu']);
    const week = await repo.listForPlacement(placement.id, { from: '2026-03-09', to: '2026-03-11' });
    expect(week.map((observation) => observation.text)).toEqual(['Ennen', 'Piilotettu', 'Keskiyön jälkeen']);
    const visible = await repo.listForPlacement(placement.id, { from: '2026-03-09', to: '2026-03-11' }, { visibleToStudentOnly: true });
    expect(visible.map((observation) => observation.text)).toEqual(['Ennen', 'Keskiyön jälkeen']);
  });

  it('refuses an over-long or empty text and a level outside 1–5', async () => {
    const { placement, instructor } = await createPlacementFixture(t.db);
    const repo = createObservationRepo(t.db, createTestClock('2026-03-10T11:00:00Z'));
    const base = { placementId: placement.id, authorId: instructor.id };
    await expect(repo.create({ ...base, text: 'x'.repeat(OBSERVATION_TEXT_MAX + 1) })).rejects.toMatchObject({
      info: { code: 'text_too_long', field: 'text', limit: 4000 },
    });
    await expect(repo.create({ ...base, text: '   ' })).rejects.toSatisfy((error) => isStorageError(error, 'invalid_input'));
    await expect(repo.create({ ...base, text: 'ok', level: 6 })).rejects.toSatisfy((error) => isStorageError(error, 'invalid_input'));
  });
}
