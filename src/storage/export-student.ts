import type { Kysely } from 'kysely';
import { type AuditEntry, toAuditEntry } from './audit-log.ts';
import { StorageError } from './errors.ts';
import { type EvidenceNote, toEvidenceNote } from './evidence-note-repo.ts';
import { type Observation, toObservation } from './observation-repo.ts';
import { type Identity, type Person, toIdentity, toPerson } from './people-repo.ts';
import { type Placement, toPlacement } from './placement-repo.ts';
import { type Reflection, toReflection } from './reflection-repo.ts';
import type { DatabaseSchema } from './schema.ts';

/** Everything held on one student (right of access); JSON-serialisable. */
export interface StudentExport {
  person: Person;
  identities: Identity[];
  placements: Placement[];
  reflections: Reflection[];
  /** All observations about the student, including those not shown to them. */
  observations: Observation[];
  evidenceNotes: EvidenceNote[];
  auditEntries: AuditEntry[];
}

/** Reads a consistent snapshot of the student's data. Recording who asked is the caller's audit entry. */
export async function exportStudent(db: Kysely<DatabaseSchema>, personId: string): Promise<StudentExport> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
      if (!person) throw new StorageError({ code: 'not_found', entity: 'person', id: personId });
      const identities = await trx.selectFrom('identity').selectAll().where('person_id', '=', personId).execute();
      const placements = await trx
        .selectFrom('placement')
        .selectAll()
        .where('student_id', '=', personId)
        .orderBy('start_date')
        .execute();
      const reflections = await trx
        .selectFrom('reflection')
        .selectAll()
        .where('student_id', '=', personId)
        .orderBy('local_date')
        .execute();
      const observations = await trx
        .selectFrom('observation')
        .selectAll()
        .where('student_id', '=', personId)
        .orderBy('observed_at')
        .execute();
      const evidenceNotes = await trx
        .selectFrom('evidence_note')
        .selectAll()
        .where('placement_id', 'in', trx.selectFrom('placement').select('id').where('student_id', '=', personId))
        .orderBy('created_at')
        .execute();
      const auditEntries = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_person_id', '=', personId)
        .orderBy('at')
        .execute();
      return {
        person: toPerson(person),
        identities: identities.map(toIdentity),
        placements: placements.map(toPlacement),
        reflections: reflections.map(toReflection),
        observations: observations.map(toObservation),
        evidenceNotes: evidenceNotes.map(toEvidenceNote),
        auditEntries: auditEntries.map(toAuditEntry),
      };
    });
}
