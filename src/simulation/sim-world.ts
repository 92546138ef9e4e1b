// The simulated school: N students, each with one placement spanning the whole period, an
// instructor per eight students and a teacher per twenty-five. Deterministic from N and the dates,
// and varied on purpose: a tenth in Stockholm time, a fifth on Mon–Thu, a third at 14:30.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { localDateSchema } from '../storage/domain.ts';
import type { DatabaseSchema } from '../storage/schema.ts';

export const simConfigSchema = z.object({
  placements: z.number().int().min(1).max(200_000),
  from: localDateSchema,
  to: localDateSchema,
  answerRate: z.number().min(0).max(1).default(0),
  crashEvery: z.number().int().min(1).nullable().default(null),
});
export type SimConfig = z.infer<typeof simConfigSchema>;

export const SIM_TENANT = 'TSIM';
export const SIM_UNIT = 'asiakkuuksien-hoitaminen';

export interface SimPerson {
  id: string;
  name: string;
  roles: ('student' | 'instructor' | 'teacher')[];
  timeZone: string;
}

export interface SimPlacement {
  id: string;
  studentId: string;
  instructorId: string;
  teacherId: string;
  workingDays: number[];
  checkinTime: string;
  timeZone: string;
}

export interface SimWorld {
  people: SimPerson[];
  placements: SimPlacement[];
}

export function buildWorld(config: SimConfig): SimWorld {
  const n = config.placements;
  const instructors = Array.from({ length: Math.ceil(n / 8) }, (_, i): SimPerson => ({ id: `ins${i}`, name: `Ohjaaja ${i}`, roles: ['instructor'], timeZone: 'Europe/Helsinki' }));
  const teachers = Array.from({ length: Math.ceil(n / 25) }, (_, i): SimPerson => ({ id: `tea${i}`, name: `Opettaja ${i}`, roles: ['teacher'], timeZone: 'Europe/Helsinki' }));
  const students: SimPerson[] = [];
  const placements: SimPlacement[] = [];
  for (let i = 0; i < n; i += 1) {
    const timeZone = i % 10 === 9 ? 'Europe/Stockholm' : 'Europe/Helsinki';
    students.push({ id: `stu${i}`, name: `Opiskelija ${i}`, roles: ['student'], timeZone });
    placements.push({
      id: `pl${i}`,
      studentId: `stu${i}`,
      instructorId: `ins${Math.floor(i / 8)}`,
      teacherId: `tea${Math.floor(i / 25)}`,
      workingDays: i % 5 === 4 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
      checkinTime: i % 3 === 2 ? '14:30' : '15:00',
      timeZone,
    });
  }
  return { people: [...students, ...instructors, ...teachers], placements };
}

/** The platform user id of a person in the simulation, and back. */
export const slackIdOf = (personId: string): string => `U${personId}`;
export const personOfSlackId = (userId: string): string => userId.replace(/^U/, '');

export async function insertWorld(db: Kysely<DatabaseSchema>, world: SimWorld, config: SimConfig): Promise<void> {
  const chunk = 1000;
  for (let i = 0; i < world.people.length; i += chunk) {
    const slice = world.people.slice(i, i + chunk);
    await db.insertInto('person').values(slice.map((p) => ({ id: p.id, name: p.name, roles: p.roles, time_zone: p.timeZone }))).execute();
    await db.insertInto('identity').values(slice.map((p) => ({ platform: 'slack' as const, tenant_id: SIM_TENANT, external_id: slackIdOf(p.id), person_id: p.id }))).execute();
  }
  for (let i = 0; i < world.placements.length; i += chunk) {
    await db
      .insertInto('placement')
      .values(world.placements.slice(i, i + chunk).map((p) => ({
        id: p.id, student_id: p.studentId, instructor_id: p.instructorId, teacher_id: p.teacherId, workplace_name: `Harjoittelupaikka ${p.id}`,
        unit_ids: [SIM_UNIT], start_date: config.from, end_date: config.to, working_days: p.workingDays, checkin_time: p.checkinTime, status: 'active' as const,
      })))
      .execute();
  }
}

/** Whether the simulated student answers a day's check-in (deterministic, so the parent can predict it). */
export function answers(placementId: string, localDate: string, rate: number): boolean {
  if (rate <= 0) return false;
  let hash = 2166136261;
  for (const ch of `${placementId}|${localDate}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return hash / 2 ** 32 < rate;
}
