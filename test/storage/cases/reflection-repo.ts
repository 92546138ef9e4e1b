import { expect, it } from 'vitest';
import {
  createReflectionRepo,
  isStorageError,
  REFLECTION_NOTE_MAX,
  REFLECTION_TEXT_MAX,
  type StorageError,
} from '../../../src/storage/index.ts';
import { type StorageContext, createTestClock } from '../backends.ts';
import { createPlacementFixture } from '../fixtures.ts';

const isCode = (code: StorageError['code']) => (error: unknown) => isStorageError(error, code);

export function reflectionRepoCases(t: StorageContext): void {
  it('keeps one reflection per placement and day; a same-day answer replaces it', async () => {
    const { placement, student } = await createPlacementFixture(t.db);
    const clock = createTestClock('2026-03-10T12:00:00Z'); // 14:00 in Helsinki
    const repo = createReflectionRepo(t.db, clock);

    const first = await repo.upsertForDay({
      placementId: placement.id,
      status: 'answered',
      text: 'Soitin asiakkaalle.',
      requirementIds: ['AH-H3', 'AH-H3'],
      confidence: 3,
    });
    expect(first.created).toBe(true);
    expect(first.reflection).toMatchObject({ localDate: '2026-03-10', studentId: student.id, requirementIds: ['AH-H3'] });

    clock.set('2026-03-10T20:00:00Z'); // 22:00 the same local day
    const again = await repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'Korjattu vastaus.', confidence: 4 });
    expect(again.created).toBe(false);
    expect(again.reflection).toMatchObject({ id: first.reflection.id, text: 'Korjattu vastaus.', confidence: 4, requirementIds: [] });
    expect(again.reflection.updatedAt.toISOString()).toBe('2026-03-10T20:00:00.000Z');

    const rows = await t.db.selectFrom('reflection').select('id').where('placement_id', '=', placement.id).execute();
    expect(rows).toHaveLength(1);
    const duplicate = t.db
      .insertInto('reflection')
      .values({ id: 'dup', placement_id: placement.id, student_id: student.id, local_date: '2026-03-10', status: 'skipped' })
      .execute();
    await expect(duplicate).rejects.toThrow(/reflection_placement_day_key/);
  });

  it('refuses an edit once the local day has passed, in the student’s time zone', async () => {
    const { placement } = await createPlacementFixture(t.db);
    const clock = createTestClock('2026-03-10T12:00:00Z');
    const repo = createReflectionRepo(t.db, clock);
    await repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'Päivän vastaus.' });

    clock.set('2026-03-10T22:30:00Z'); // 00:30 on 11 March in Helsinki
    const late = repo.upsertForDay({ placementId: placement.id, localDate: '2026-03-10', status: 'answered', text: 'Muutos.' });
    await expect(late).rejects.toSatisfy(isCode('reflection_locked'));
    await expect(late).rejects.toMatchObject({ info: { localDate: '2026-03-10', today: '2026-03-11' } });
    expect((await repo.findForDay(placement.id, '2026-03-10'))?.text).toBe('Päivän vastaus.');
  });

  it('uses the student’s own time zone for “today”', async () => {
    const { placement } = await createPlacementFixture(t.db, { timeZone: 'America/New_York' });
    const clock = createTestClock('2026-03-10T15:00:00Z');
    const repo = createReflectionRepo(t.db, clock);
    await repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'Aamu.' });
    clock.set('2026-03-10T23:30:00Z'); // already 11 March in Helsinki, still 10 March in New York
    const edit = await repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'Ilta.' });
    expect(edit).toMatchObject({ created: false, reflection: { localDate: '2026-03-10', text: 'Ilta.' } });
  });

  it('accepts a late first answer for a past day but refuses future days and days outside the placement', async () => {
    const { placement } = await createPlacementFixture(t.db);
    const repo = createReflectionRepo(t.db, createTestClock('2026-03-11T07:00:00Z'));
    const late = await repo.upsertForDay({ placementId: placement.id, localDate: '2026-03-10', status: 'answered', text: 'Eilinen.' });
    expect(late.created).toBe(true);
    await expect(repo.upsertForDay({ placementId: placement.id, localDate: '2026-03-12', status: 'answered' })).rejects.toSatisfy(
      isCode('reflection_in_future'),
    );
    await expect(repo.upsertForDay({ placementId: placement.id, localDate: '2026-02-27', status: 'absent' })).rejects.toSatisfy(
      isCode('invalid_input'),
    );
    await expect(repo.upsertForDay({ placementId: 'pl_missing', status: 'absent' })).rejects.toSatisfy(isCode('not_found'));
  });

  it('answers two simultaneous writes of one day with one row', async () => {
    const { placement } = await createPlacementFixture(t.db);
    const repo = createReflectionRepo(t.db, createTestClock('2026-03-10T12:00:00Z'));
    const results = await Promise.all([
      repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'Yksi.' }),
      repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'Kaksi.' }),
    ]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(await repo.listForPlacement(placement.id, { from: '2026-03-01', to: '2026-03-31' })).toHaveLength(1);
  });

  it('says which text is too long and what the limit is', async () => {
    const { placement } = await createPlacementFixture(t.db);
    const repo = createReflectionRepo(t.db, createTestClock('2026-03-10T12:00:00Z'));
    const tooLong = repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'a'.repeat(REFLECTION_TEXT_MAX + 1) });
    await expect(tooLong).rejects.toMatchObject({
      info: { code: 'text_too_long', field: 'text', limit: 4000, length: 4001 },
      message: 'The field "text" is 4001 characters long; the limit is 4000 characters.',
    });
    await expect(
      repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'ok', hard: 'b'.repeat(REFLECTION_NOTE_MAX + 1) }),
    ).rejects.toMatchObject({ info: { code: 'text_too_long', field: 'hard', limit: REFLECTION_NOTE_MAX } });
    await expect(
      repo.upsertForDay({ placementId: placement.id, status: 'answered', text: 'a'.repeat(REFLECTION_TEXT_MAX) }),
    ).resolves.toMatchObject({ created: true });
  });

  it('lists a placement’s reflections in a date range, oldest first', async () => {
    const { placement, student } = await createPlacementFixture(t.db);
    const clock = createTestClock('2026-03-20T12:00:00Z');
    const repo = createReflectionRepo(t.db, clock);
    for (const localDate of ['2026-03-18', '2026-03-16', '2026-03-17', '2026-03-20']) {
      await repo.upsertForDay({ placementId: placement.id, localDate, status: 'answered', text: localDate });
    }
    const listed = await repo.listForPlacement(placement.id, { from: '2026-03-16', to: '2026-03-18' });
    expect(listed.map((reflection) => reflection.localDate)).toEqual(['2026-03-16', '2026-03-17', '2026-03-18']);
    expect(await repo.listForStudent(student.id, { from: '2026-03-19', to: '2026-03-20' })).toHaveLength(1);
    await expect(repo.listForPlacement(placement.id, { from: '2026-03-20', to: '2026-03-16' })).rejects.toSatisfy(
      isCode('invalid_input'),
    );
  });
}
