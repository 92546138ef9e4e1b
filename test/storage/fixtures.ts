import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  createPeopleRepo,
  createPlacementRepo,
  type DatabaseSchema,
  type NewPlacement,
  type Person,
  type Placement,
} from '../../src/storage/index.ts';

export interface PlacementFixture {
  student: Person;
  instructor: Person;
  teacher: Person;
  placement: Placement;
}

/** A student with an instructor, a teacher and one placement; names and ids unique per call. */
export async function createPlacementFixture(
  db: Kysely<DatabaseSchema>,
  overrides: Partial<NewPlacement> & { studentName?: string; timeZone?: string } = {},
): Promise<PlacementFixture> {
  const suffix = randomBytes(4).toString('hex');
  const people = createPeopleRepo(db);
  const { studentName, timeZone, ...placementOverrides } = overrides;
  const student = await people.create({
    name: studentName ?? `Aino Testinen ${suffix}`,
    email: `student-${suffix}@example.fi`,
    roles: ['student'],
    ...(timeZone ? { timeZone } : {}),
  });
  const instructor = await people.create({ name: `Mikko Ohjaaja ${suffix}`, roles: ['instructor'] });
  const teacher = await people.create({ name: `Liisa Opettaja ${suffix}`, roles: ['teacher'] });
  const placement = await createPlacementRepo(db).create({
    studentId: student.id,
    instructorId: instructor.id,
    teacherId: teacher.id,
    workplaceName: 'Kodin Tekniikka Oy',
    workplaceBusinessId: '2468135-7',
    unitIds: ['asiakkuuksien-hoitaminen'],
    startDate: '2026-03-02',
    endDate: '2026-05-08',
    status: 'active',
    ...placementOverrides,
  });
  return { student, instructor, teacher, placement };
}
