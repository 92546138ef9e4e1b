import { expect, it } from 'vitest';
import { createPlacementRepo, isStorageError } from '../../../src/storage/index.ts';
import type { StorageContext } from '../backends.ts';
import { createPlacementFixture } from '../fixtures.ts';

export function placementRepoCases(t: StorageContext): void {
  it('stores a placement with eHOKS fields and defaults', async () => {
    const { placement, student, instructor, teacher } = await createPlacementFixture(t.db);
    expect(placement).toMatchObject({
      id: expect.stringMatching(/^pl_/),
      studentId: student.id,
      instructorId: instructor.id,
      teacherId: teacher.id,
      method: 'osaamisenhankkimistapa_koulutussopimus',
      workplaceBusinessId: '2468135-7',
      startDate: '2026-03-02',
      endDate: '2026-05-08',
      workingDays: [1, 2, 3, 4, 5],
      checkinTime: '15:00',
      partTimePercentage: 100,
      keyWorkTasks: [],
      status: 'active',
    });
  });

  it('lists placements of a student, an instructor and a teacher, and finds the active one on a date', async () => {
    const repo = createPlacementRepo(t.db);
    const { placement, student, instructor, teacher } = await createPlacementFixture(t.db);
    const later = await repo.create({
      studentId: student.id,
      instructorId: instructor.id,
      workplaceName: 'Lahden Tilitoimisto Oy',
      startDate: '2026-08-10',
      endDate: '2026-10-30',
      method: 'osaamisenhankkimistapa_oppisopimus',
    });
    expect((await repo.listByStudent(student.id)).map((p) => p.id)).toEqual([later.id, placement.id]);
    expect((await repo.listByInstructor(instructor.id)).map((p) => p.id)).toEqual([later.id, placement.id]);
    expect((await repo.listByTeacher(teacher.id)).map((p) => p.id)).toEqual([placement.id]);

    expect((await repo.findActiveForStudent(student.id, '2026-03-02'))?.id).toBe(placement.id);
    expect((await repo.findActiveForStudent(student.id, '2026-05-08'))?.id).toBe(placement.id);
    expect(await repo.findActiveForStudent(student.id, '2026-06-15')).toBeNull();
    expect((await repo.findActiveForStudent(student.id, '2026-09-01'))?.id).toBe(later.id);
    expect((await repo.listActiveOn('2026-09-01')).map((p) => p.id)).toContain(later.id);

    await repo.setStatus(placement.id, 'interrupted');
    expect(await repo.findActiveForStudent(student.id, '2026-04-01')).toBeNull();
  });

  it('rejects a bad Y-tunnus, dates in the wrong order and bad working days', async () => {
    const { student } = await createPlacementFixture(t.db);
    const repo = createPlacementRepo(t.db);
    const base = { studentId: student.id, workplaceName: 'Testi Oy', startDate: '2026-03-02', endDate: '2026-05-08' };
    await expect(repo.create({ ...base, workplaceBusinessId: '2468135-8' })).rejects.toThrow(/wrong check digit/);
    await expect(repo.create({ ...base, workplaceBusinessId: '2468135' })).rejects.toThrow(/1234567-8/);
    await expect(repo.create({ ...base, endDate: '2026-03-01' })).rejects.toSatisfy((error) =>
      isStorageError(error, 'invalid_input'),
    );
    await expect(repo.create({ ...base, startDate: '2026-02-30' })).rejects.toThrow(/not a calendar date/);
    await expect(repo.create({ ...base, workingDays: [0, 8] })).rejects.toSatisfy((error) =>
      isStorageError(error, 'invalid_input'),
    );
    await expect(repo.create({ ...base, checkinTime: '25:00' })).rejects.toThrow(/HH:MM/);
  });
}
