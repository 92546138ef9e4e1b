// The CSV placement import's write: validated rows in one transaction, people matched by e-mail or
// created, placements added unless already there. The file is parsed and checked in
// src/features/enrolment/import-placements.ts.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlacementStatus, Role } from './domain.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import type { DatabaseSchema } from './schema.ts';

export interface ImportContact {
  name: string;
  email: string;
}

/** One valid row of the import file. */
export interface PlacementImportRow {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  student: ImportContact & { localId: string | null };
  instructor: ImportContact;
  teacher: ImportContact;
  workplaceName: string;
  workplaceBusinessId: string | null;
  unitIds: string[];
  startDate: string;
  endDate: string;
  checkinTime: string;
  workingDays: number[];
  partTimePercentage: number;
  keyWorkTasks: string[];
}

export interface ImportSummary {
  placementsCreated: number;
  /** Rows whose placement (same student, workplace and start date) already existed: re-running is safe. */
  placementsUnchanged: number;
  peopleCreated: number;
  peopleMatched: number;
  identitiesLinked: number;
}

export interface ImportOptions {
  /** `YYYY-MM-DD`, to set each placement's status (planned / active / completed) from its dates. */
  today: string;
}

/** Writes validated rows in one transaction; people are matched by e-mail or created. All or nothing. */
export async function writePlacementImport(
  db: Kysely<DatabaseSchema>,
  rows: readonly PlacementImportRow[],
  options: ImportOptions,
): Promise<ImportSummary> {
  return db.transaction().execute(async (trx) => {
    const summary: ImportSummary = {
      placementsCreated: 0,
      placementsUnchanged: 0,
      peopleCreated: 0,
      peopleMatched: 0,
      identitiesLinked: 0,
    };
    const people = createPersonResolver(trx, summary);
    for (const row of rows) {
      const studentId = await people.resolve(row.student, 'student');
      const instructorId = await people.resolve(row.instructor, 'instructor');
      const teacherId = await people.resolve(row.teacher, 'teacher');
      if (row.student.localId !== null) await linkLocalId(trx, row, studentId, summary);

      const existing = await trx
        .selectFrom('placement')
        .select('id')
        .where('student_id', '=', studentId)
        .where('workplace_name', '=', row.workplaceName)
        .where('start_date', '=', row.startDate)
        .executeTakeFirst();
      if (existing) {
        summary.placementsUnchanged += 1;
        continue;
      }
      await trx
        .insertInto('placement')
        .values({
          id: newId('pl'),
          student_id: studentId,
          method: 'osaamisenhankkimistapa_koulutussopimus',
          workplace_name: row.workplaceName,
          workplace_business_id: row.workplaceBusinessId,
          instructor_id: instructorId,
          teacher_id: teacherId,
          unit_ids: row.unitIds,
          start_date: row.startDate,
          end_date: row.endDate,
          working_days: row.workingDays,
          checkin_time: row.checkinTime,
          part_time_percentage: row.partTimePercentage,
          key_work_tasks: row.keyWorkTasks,
          status: statusOn(options.today, row),
        })
        .execute();
      summary.placementsCreated += 1;
    }
    return summary;
  });
}

function createPersonResolver(trx: Transaction<DatabaseSchema>, summary: ImportSummary) {
  const idByEmail = new Map<string, string>();

  async function findOrCreate(contact: ImportContact, role: Role): Promise<string> {
    const found = await trx
      .selectFrom('person')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', contact.email))
      .executeTakeFirst();
    if (found) {
      summary.peopleMatched += 1;
      return found.id;
    }
    const id = newId('p');
    await trx.insertInto('person').values({ id, name: contact.name, email: contact.email, roles: [role] }).execute();
    summary.peopleCreated += 1;
    return id;
  }

  return {
    async resolve(contact: ImportContact, role: Role): Promise<string> {
      const id = idByEmail.get(contact.email) ?? (await findOrCreate(contact, role));
      idByEmail.set(contact.email, id);
      // A known person may gain a role (a teacher who also instructs, say).
      await trx
        .updateTable('person')
        .set({ roles: sql<Role[]>`array_append(roles, ${role}::text)` })
        .where('id', '=', id)
        .where((eb) => eb.not(eb(eb.val(role), '=', eb.fn.any('roles'))))
        .execute();
      return id;
    },
  };
}

async function linkLocalId(
  trx: Transaction<DatabaseSchema>,
  row: PlacementImportRow,
  studentId: string,
  summary: ImportSummary,
): Promise<void> {
  const localId = row.student.localId ?? '';
  const existing = await trx
    .selectFrom('identity')
    .select('person_id')
    .where('platform', '=', 'local')
    .where('tenant_id', '=', '')
    .where('external_id', '=', localId)
    .executeTakeFirst();
  if (existing && existing.person_id !== studentId) {
    throw new StorageError({
      code: 'invalid_input',
      issues: [`row ${row.row}, student_local_id: "${localId}" already belongs to another person`],
    });
  }
  if (existing) return;
  await trx
    .insertInto('identity')
    .values({ platform: 'local', tenant_id: '', external_id: localId, person_id: studentId })
    .execute();
  summary.identitiesLinked += 1;
}

function statusOn(today: string, row: PlacementImportRow): PlacementStatus {
  if (row.startDate > today) return 'planned';
  if (row.endDate < today) return 'completed';
  return 'active';
}
