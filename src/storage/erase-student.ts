import type { Kysely } from 'kysely';
import { type Clock, systemClock } from './clock.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import { type PurgeReport, purgeErasedCopies, type StudentTable } from './maintenance-after-erase.ts';
import type { DatabaseSchema } from './schema.ts';

export interface EraseOptions {
  /** Who asked for the erasure; kept in the audit entry that records it. */
  actorId?: string | null;
  clock?: Clock;
  /**
   * After the deletion commits, remove the copies it leaves on disk and in the planner statistics
   * (maintenance-after-erase.ts). On by default; off only where a caller runs it itself.
   */
  purge?: boolean;
}

export interface EraseReport {
  placements: number;
  reflections: number;
  observations: number;
  evidenceNotes: number;
  identities: number;
  auditEntriesAnonymised: number;
  /** What removed the copies left in the database files, statistics and WAL (absent with `purge: false`). */
  purge?: PurgeReport;
}

/**
 * Deletes everything held on a student in one transaction. Audit entries about them stay but lose the
 * person id and details, and one entry `student.erase` (without the id) records that an erasure happened.
 * Then the tables that held their rows are rewritten, so no copy stays in the files or the statistics.
 */
export async function eraseStudent(
  db: Kysely<DatabaseSchema>,
  personId: string,
  options: EraseOptions = {},
): Promise<EraseReport> {
  const { report, touched } = await deleteStudent(db, personId, options.clock ?? systemClock, options.actorId ?? null);
  if (options.purge === false) return report;
  return { ...report, purge: await purgeErasedCopies(db, touched) };
}

async function deleteStudent(
  db: Kysely<DatabaseSchema>,
  personId: string,
  clock: Clock,
  actorId: string | null,
): Promise<{ report: EraseReport; touched: StudentTable[] }> {
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst();
    if (!person) throw new StorageError({ code: 'not_found', entity: 'person', id: personId });
    const authored = await trx
      .selectFrom('observation')
      .select('id')
      .where('author_id', '=', personId)
      .where('student_id', '<>', personId)
      .executeTakeFirst();
    if (authored) {
      throw new StorageError({
        code: 'invalid_input',
        issues: ['this person has written observations about other students; those belong to the other students'],
      });
    }

    const ofPlacements = trx.selectFrom('placement').select('id').where('student_id', '=', personId);
    // Rows that go by ON DELETE CASCADE: their tables are rewritten afterwards too.
    const cascading = await trx
      .selectNoFrom((eb) => [
        eb.exists(trx.selectFrom('checkin').select('id').where('student_id', '=', personId)).as('checkin'),
        eb.exists(trx.selectFrom('checkin_pause').select('id').where('placement_id', 'in', ofPlacements)).as('checkin_pause'),
        eb.exists(trx.selectFrom('summary_delivery').select('id').where('recipient_id', '=', personId)).as('summary_delivery'),
      ])
      .executeTakeFirstOrThrow();

    const evidenceNotes = await trx.deleteFrom('evidence_note').where('placement_id', 'in', ofPlacements).executeTakeFirst();
    const observations = await trx
      .deleteFrom('observation')
      .where((eb) => eb.or([eb('student_id', '=', personId), eb('placement_id', 'in', ofPlacements)]))
      .executeTakeFirst();
    const reflections = await trx
      .deleteFrom('reflection')
      .where((eb) => eb.or([eb('student_id', '=', personId), eb('placement_id', 'in', ofPlacements)]))
      .executeTakeFirst();
    const placements = await trx.deleteFrom('placement').where('student_id', '=', personId).executeTakeFirst();
    // Teams conversation references identify the person too; they go with the identities.
    const teamsIdentities = await trx.selectFrom('identity').select(['tenant_id', 'external_id']).where('person_id', '=', personId).where('platform', '=', 'teams').execute();
    let teamsReferences = 0;
    for (const t of teamsIdentities) {
      const deleted = await trx.deleteFrom('teams_conversation_reference').where('tenant_id', '=', t.tenant_id.toLowerCase()).where('aad_object_id', '=', t.external_id.toLowerCase()).executeTakeFirst();
      teamsReferences += Number(deleted.numDeletedRows);
    }
    // So are the Slack DM channels remembered for reading a DM back.
    const slackChannels = await trx
      .deleteFrom('slack_dm_channel')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('identity')
            .select('identity.person_id')
            .where('identity.person_id', '=', personId)
            .where('identity.platform', '=', 'slack')
            .whereRef('identity.tenant_id', '=', 'slack_dm_channel.tenant_id')
            .whereRef('identity.external_id', '=', 'slack_dm_channel.user_id'),
        ),
      )
      .executeTakeFirst();
    const identities = await trx.deleteFrom('identity').where('person_id', '=', personId).executeTakeFirst();
    const anonymised = await trx
      .updateTable('audit_log')
      .set({ subject_person_id: null, details: JSON.stringify({ anonymised: true }) })
      .where('subject_person_id', '=', personId)
      .executeTakeFirst();
    const asActor = await trx.updateTable('audit_log').set({ actor_id: null }).where('actor_id', '=', personId).executeTakeFirst();
    await trx.deleteFrom('person').where('id', '=', personId).execute();

    const report: EraseReport = {
      placements: Number(placements.numDeletedRows),
      reflections: Number(reflections.numDeletedRows),
      observations: Number(observations.numDeletedRows),
      evidenceNotes: Number(evidenceNotes.numDeletedRows),
      identities: Number(identities.numDeletedRows),
      auditEntriesAnonymised: Number(anonymised.numUpdatedRows),
    };
    await trx
      .insertInto('audit_log')
      .values({
        id: newId('a'),
        at: clock.now(),
        actor_id: actorId,
        action: 'student.erase',
        subject_person_id: null,
        details: JSON.stringify(report),
      })
      .execute();
    const held: [StudentTable, unknown][] = [
      ['person', true],
      ['identity', report.identities],
      ['placement', report.placements],
      ['reflection', report.reflections],
      ['observation', report.observations],
      ['evidence_note', report.evidenceNotes],
      ['checkin', truthy(cascading.checkin)],
      ['checkin_pause', truthy(cascading.checkin_pause)],
      ['summary_delivery', truthy(cascading.summary_delivery)],
      ['slack_dm_channel', Number(slackChannels.numDeletedRows)],
      ['teams_conversation_reference', teamsReferences],
      ['audit_log', report.auditEntriesAnonymised + Number(asActor.numUpdatedRows)],
    ];
    return { report, touched: held.filter(([, rows]) => Boolean(rows)).map(([table]) => table) };
  });
}

/** `EXISTS` comes back as a boolean from PostgreSQL and PGlite alike; anything else counts as true. */
const truthy = (value: unknown): boolean => value === true || value === 't' || value === 1;
