import { expect, it } from 'vitest';
import {
  computeCoverage,
  createPeopleRepo,
  createPlacementRepo,
  createReflectionRepo,
  DEMO_UNIT_ID,
  isoWeekday,
  seedDemo,
} from '../../../src/storage/index.ts';
import { type StorageContext, createTestClock } from '../backends.ts';

const REQUIREMENTS = [
  ...Array.from({ length: 7 }, (_, i) => `AH-V${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `AH-H${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `AH-T${i + 1}`),
];

export function demoSeedCases(t: StorageContext): void {
  it('seeds the demo once and then does nothing', async () => {
    expect(await seedDemo(t.db, { today: '2026-03-25' })).toEqual({ seeded: true });
    const counts = async () => ({
      people: (await t.db.selectFrom('person').select('id').where('id', 'in', ['aino', 'ville', 'mikko', 'sanna', 'liisa', 'admin']).execute()).length,
      reflections: (await t.db.selectFrom('reflection').select('id').where('student_id', 'in', ['aino', 'ville']).execute()).length,
      observations: (await t.db.selectFrom('observation').select('id').where('student_id', 'in', ['aino', 'ville']).execute()).length,
    });
    const before = await counts();
    expect(before.people).toBe(6);
    expect(await seedDemo(t.db, { today: '2026-03-30' })).toEqual({ seeded: false });
    expect(await counts()).toEqual(before);
  });

  it('gives the demo people their local ids, placements around today and believable reflections', async () => {
    const people = createPeopleRepo(t.db);
    const placements = createPlacementRepo(t.db);
    for (const id of ['aino', 'ville', 'mikko', 'sanna', 'liisa', 'admin']) {
      expect(await people.findByIdentity({ platform: 'local', externalId: id })).toMatchObject({ id });
    }
    const aino = await placements.findActiveForStudent('aino', '2026-03-25');
    const ville = await placements.findActiveForStudent('ville', '2026-03-25');
    expect(aino).toMatchObject({ instructorId: 'mikko', teacherId: 'liisa', workplaceName: 'Kodin Tekniikka Oy', unitIds: [DEMO_UNIT_ID] });
    expect(ville).toMatchObject({ instructorId: 'sanna', teacherId: 'liisa', workplaceName: 'Lahden Tilitoimisto Oy' });
    expect(aino?.startDate).toBe('2026-03-02'); // the Monday on or after four weeks back
    expect(aino?.endDate).toBe('2026-05-08');
    expect(await placements.listByTeacher('liisa')).toHaveLength(2);

    const reflections = await createReflectionRepo(t.db, createTestClock('2026-03-25T12:00:00Z')).listForPlacement(aino?.id ?? '', {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(reflections.length).toBeGreaterThanOrEqual(15);
    expect(reflections.every((reflection) => reflection.localDate < '2026-03-25')).toBe(true);
    expect(reflections.every((reflection) => isoWeekday(reflection.localDate) <= 5)).toBe(true);
    expect(new Set(reflections.map((reflection) => reflection.status))).toEqual(new Set(['answered', 'skipped', 'absent']));
    expect(new Set(reflections.map((reflection) => reflection.text)).size).toBeGreaterThan(12);
  });

  it('leaves some requirements uncovered and one shown otherwise', async () => {
    const aino = await computeCoverage(t.db, 'pl_demo_aino', REQUIREMENTS);
    const byStatus = (status: string) => aino.filter((row) => row.status === status).map((row) => row.requirementId);
    expect(byStatus('uncovered')).toEqual(['AH-V2', 'AH-H5', 'AH-H10', 'AH-H12']);
    expect(byStatus('otherwise')).toEqual(['AH-T3']);
    expect(byStatus('workplace')).toHaveLength(20);
    const ville = await computeCoverage(t.db, 'pl_demo_ville', REQUIREMENTS);
    expect(ville.filter((row) => row.status === 'uncovered').map((row) => row.requirementId)).toEqual([
      'AH-V5',
      'AH-V6',
      'AH-H8',
      'AH-H10',
      'AH-T6',
    ]);
  });
}
