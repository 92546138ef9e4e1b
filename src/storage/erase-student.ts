import type { Kysely } from 'kysely';
import { type Clock, systemClock } from './clock.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import type { DatabaseSchema } from './schema.ts';

export interface EraseOptions {
  /** Who asked for the erasure; kept in the audit entry that records it. */
  actorId?: string | null;
  clock?: Clock;
}

export interface EraseReport {
  placements: number;
  reflections: number;
  observations: number;
  evidenceNotes: number;
  identities: number;
  auditEntriesAnonymised: number;
}

/**
 * Deletes everything held on a student in one transaction. Audit entries about them stay but lose the
 * person id and details, and one entry `student.erase` (without the id) records that an erasure happened.
 */
export async function eraseStudent(
  db: Kysely<DatabaseSchema>,
  personId: string,
  options: EraseOptions = {},
): Promise<EraseReport> {
  const clock = options.clock ?? systemClock;
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
    for (const t of teamsIdentities) {
      await trx.deleteFrom('teams_conversation_reference').where('tenant_id', '=', t.tenant_id.toLowerCase()).where('aad_object_id', '=', t.external_id.toLowerCase()).execute();
    }
    // So are the Slack DM channels remembered for reading a DM back.
    await trx
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
      .execute();
    const identities = await trx.deleteFrom('identity').where('person_id', '=', personId).executeTakeFirst();
    const anonymised = await trx
      .updateTable('audit_log')
      .set({ subject_person_id: null, details: JSON.stringify({ anonymised: true }) })
      .where('subject_person_id', '=', personId)
      .executeTakeFirst();
    await trx.updateTable('audit_log').set({ actor_id: null }).where('actor_id', '=', personId).execute();
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
        actor_id: options.actorId ?? null,
        action: 'student.erase',
        subject_person_id: null,
        details: JSON.stringify(report),
      })
      .execute();
    return report;
  });
}
