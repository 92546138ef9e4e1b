import type { Kysely } from 'kysely';
import { z } from 'zod';
import { createAuditLog } from './audit-log.ts';
import { type Clock, systemClock } from './clock.ts';
import {
  checkinTimeSchema,
  DEFAULT_CHECKIN_TIME,
  DEFAULT_WORKING_DAYS,
  isoWeekdaySchema,
  type LocalDate,
  localDateSchema,
  type PlacementMethod,
  placementMethodSchema,
  type PlacementStatus,
  placementStatusSchema,
  type Role,
  yTunnusSchema,
} from './domain.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import { ID_MAX, KEY_WORK_TASK_MAX, WORKPLACE_NAME_MAX } from './limits.ts';
import { createPeopleRepo, type NewPerson, type Person, toPerson } from './people-repo.ts';
import { type ImportOptions, type ImportSummary, type PlacementImportRow, writePlacementImport } from './placement-import.ts';
import type { DatabaseSchema, PlacementRow } from './schema.ts';
import { parseInput } from './validate.ts';

/** A workplace period (eHOKS "osaamisen hankkimistapa"); dates are `YYYY-MM-DD` (eHOKS `alku`, `loppu`). */
export interface Placement {
  id: string;
  studentId: string;
  method: PlacementMethod;
  workplaceName: string;
  /** Y-tunnus, e.g. `1234567-8`. */
  workplaceBusinessId: string | null;
  /** The workplace instructor (työpaikkaohjaaja). */
  instructorId: string | null;
  teacherId: string | null;
  unitIds: string[];
  startDate: LocalDate;
  endDate: LocalDate;
  /** ISO weekdays, 1 = Monday. */
  workingDays: number[];
  /** Local check-in time `HH:MM` in the student's time zone. */
  checkinTime: string;
  partTimePercentage: number;
  keyWorkTasks: string[];
  status: PlacementStatus;
  createdAt: Date;
}

export const newPlacementSchema = z
  .object({
    id: z.string().min(1).max(ID_MAX).optional(),
    studentId: z.string().min(1),
    method: placementMethodSchema.default('osaamisenhankkimistapa_koulutussopimus'),
    workplaceName: z.string().trim().min(1).max(WORKPLACE_NAME_MAX),
    workplaceBusinessId: yTunnusSchema.nullish(),
    instructorId: z.string().min(1).nullish(),
    teacherId: z.string().min(1).nullish(),
    unitIds: z.array(z.string().min(1).max(ID_MAX)).default([]),
    startDate: localDateSchema,
    endDate: localDateSchema,
    workingDays: z
      .array(isoWeekdaySchema)
      .min(1)
      .default([...DEFAULT_WORKING_DAYS]),
    checkinTime: checkinTimeSchema.default(DEFAULT_CHECKIN_TIME),
    partTimePercentage: z.number().int().min(1).max(100).default(100),
    keyWorkTasks: z.array(z.string().trim().min(1).max(KEY_WORK_TASK_MAX)).default([]),
    status: placementStatusSchema.default('planned'),
  })
  .refine((value) => value.endDate >= value.startDate, { message: 'endDate is before startDate', path: ['endDate'] });
export type NewPlacement = z.input<typeof newPlacementSchema>;

/** A person in an enrolment: someone already known (with `addRole` added if they lack it) or someone new. */
export type EnrolmentPerson = { id: string; addRole?: Role } | { create: NewPerson };

/** A whole enrolment, as decided by whoever checked it (src/features/enrolment/enrol-command.ts). */
export interface Enrolment {
  /** Who enrols; the audit entry names them. */
  actorId: string;
  student: EnrolmentPerson;
  instructor: EnrolmentPerson | null;
  placement: Omit<NewPlacement, 'studentId' | 'instructorId'>;
}

export interface EnrolmentResult {
  student: Person;
  instructor: Person | null;
  placement: Placement;
}

export interface PlacementRepo {
  create(input: NewPlacement): Promise<Placement>;
  /**
   * An enrolment in one transaction: the people created or given their role, the placement and its
   * `enrol_placement` audit entry are all stored, or (on any failure, a crash included) none of them.
   */
  enrol(enrolment: Enrolment): Promise<EnrolmentResult>;
  findById(id: string): Promise<Placement | null>;
  listByStudent(studentId: string): Promise<Placement[]>;
  listByInstructor(instructorId: string): Promise<Placement[]>;
  listByTeacher(teacherId: string): Promise<Placement[]>;
  /** The placement (planned or active) whose period covers `date`; the latest-starting one if several do. */
  findActiveForStudent(studentId: string, date: LocalDate): Promise<Placement | null>;
  /** All planned or active placements whose period covers `date` (for the scheduler). */
  listActiveOn(date: LocalDate): Promise<Placement[]>;
  setStatus(id: string, status: PlacementStatus): Promise<Placement>;
  /** Every placement (an admin's scope), latest start first. */
  listAll(): Promise<Placement[]>;
  /** A validated import file in one transaction, all or nothing (see placement-import.ts). */
  importRows(rows: readonly PlacementImportRow[], options: ImportOptions): Promise<ImportSummary>;
}

const LIVE_STATUSES: PlacementStatus[] = ['planned', 'active'];

/** The store's clock stamps an enrolment's audit entry. */
export function createPlacementRepo(db: Kysely<DatabaseSchema>, clock: Clock = systemClock): PlacementRepo {
  const listBy = async (column: 'student_id' | 'instructor_id' | 'teacher_id', personId: string) => {
    const rows = await db
      .selectFrom('placement')
      .selectAll()
      .where(column, '=', personId)
      .orderBy('start_date', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toPlacement);
  };

  return {
    async create(input) {
      const data = parseInput(newPlacementSchema, input);
      const row = await db
        .insertInto('placement')
        .values({
          id: data.id ?? newId('pl'),
          student_id: data.studentId,
          method: data.method,
          workplace_name: data.workplaceName,
          workplace_business_id: data.workplaceBusinessId ?? null,
          instructor_id: data.instructorId ?? null,
          teacher_id: data.teacherId ?? null,
          unit_ids: data.unitIds,
          start_date: data.startDate,
          end_date: data.endDate,
          working_days: [...new Set(data.workingDays)].sort((a, b) => a - b),
          checkin_time: data.checkinTime,
          part_time_percentage: data.partTimePercentage,
          key_work_tasks: data.keyWorkTasks,
          status: data.status,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPlacement(row);
    },

    enrol: (enrolment) =>
      db.transaction().execute(async (trx) => {
        const people = createPeopleRepo(trx);
        const rolesAdded: { personId: string; role: Role }[] = [];
        const settle = async (who: EnrolmentPerson): Promise<Person> => {
          if ('create' in who) return people.create(who.create);
          const row = await trx.selectFrom('person').selectAll().where('id', '=', who.id).forUpdate().executeTakeFirst();
          if (!row) throw new StorageError({ code: 'not_found', entity: 'person', id: who.id });
          if (!who.addRole || row.roles.includes(who.addRole)) return toPerson(row);
          rolesAdded.push({ personId: row.id, role: who.addRole });
          return people.update(row.id, { roles: [...row.roles, who.addRole] });
        };
        const student = await settle(enrolment.student);
        const instructor = enrolment.instructor ? await settle(enrolment.instructor) : null;
        const placement = await createPlacementRepo(trx, clock).create({ ...enrolment.placement, studentId: student.id, instructorId: instructor?.id ?? null });
        await createAuditLog(trx, clock).record({
          actorId: enrolment.actorId,
          action: 'enrol_placement',
          subjectPersonId: student.id,
          details: { placementId: placement.id, ...(rolesAdded.length > 0 ? { rolesAdded } : {}) },
        });
        return { student, instructor, placement };
      }),

    async findById(id) {
      const row = await db.selectFrom('placement').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPlacement(row) : null;
    },

    listByStudent: (studentId) => listBy('student_id', studentId),
    listByInstructor: (instructorId) => listBy('instructor_id', instructorId),
    listByTeacher: (teacherId) => listBy('teacher_id', teacherId),

    async findActiveForStudent(studentId, date) {
      const day = parseInput(localDateSchema, date);
      const row = await db
        .selectFrom('placement')
        .selectAll()
        .where('student_id', '=', studentId)
        .where('status', 'in', LIVE_STATUSES)
        .where('start_date', '<=', day)
        .where('end_date', '>=', day)
        .orderBy('start_date', 'desc')
        .orderBy('id')
        .executeTakeFirst();
      return row ? toPlacement(row) : null;
    },

    async listActiveOn(date) {
      const day = parseInput(localDateSchema, date);
      const rows = await db
        .selectFrom('placement')
        .selectAll()
        .where('status', 'in', LIVE_STATUSES)
        .where('start_date', '<=', day)
        .where('end_date', '>=', day)
        .orderBy('id')
        .execute();
      return rows.map(toPlacement);
    },

    async setStatus(id, status) {
      const value = parseInput(placementStatusSchema, status);
      const row = await db
        .updateTable('placement')
        .set({ status: value })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new StorageError({ code: 'not_found', entity: 'placement', id });
      return toPlacement(row);
    },

    async listAll() {
      const rows = await db.selectFrom('placement').selectAll().orderBy('start_date', 'desc').orderBy('id').execute();
      return rows.map(toPlacement);
    },

    importRows: (rows, options) => writePlacementImport(db, rows, options),
  };
}

export function toPlacement(row: PlacementRow): Placement {
  return {
    id: row.id,
    studentId: row.student_id,
    method: row.method,
    workplaceName: row.workplace_name,
    workplaceBusinessId: row.workplace_business_id,
    instructorId: row.instructor_id,
    teacherId: row.teacher_id,
    unitIds: row.unit_ids,
    startDate: row.start_date,
    endDate: row.end_date,
    workingDays: row.working_days,
    checkinTime: row.checkin_time,
    partTimePercentage: row.part_time_percentage,
    keyWorkTasks: row.key_work_tasks,
    status: row.status,
    createdAt: row.created_at,
  };
}

/** The placement that matters today: the active one, else the latest that has started. */
export function currentPlacement(placements: readonly Placement[], today: string): Placement | undefined {
  const active = placements.find((p) => p.startDate <= today && today <= p.endDate);
  if (active) return active;
  return [...placements].filter((p) => p.startDate <= today).sort((a, b) => b.endDate.localeCompare(a.endDate))[0] ?? placements[0];
}
