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
  /** Where Osaava reaches the student on each platform (Slack DM channels, Teams conversations). */
  deliveryChannels: DeliveryChannel[];
  /** Every scheduled check-in and what became of it. */
  checkins: CheckinRecord[];
  /** Check-in pauses and absences the student announced. */
  pauses: { placementId: string; from: string; to: string; reason: string }[];
}

export interface DeliveryChannel {
  platform: 'slack' | 'teams';
  tenantId: string;
  userId: string;
  conversationId: string;
}

export interface CheckinRecord {
  placementId: string;
  localDate: string;
  status: string;
  sentAt: string | null;
  reminderStatus: string;
  skipReason: string | null;
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
      const slackChannels = await trx
        .selectFrom('slack_dm_channel')
        .innerJoin('identity', (join) => join.onRef('identity.tenant_id', '=', 'slack_dm_channel.tenant_id').onRef('identity.external_id', '=', 'slack_dm_channel.user_id'))
        .select(['slack_dm_channel.tenant_id', 'slack_dm_channel.user_id', 'slack_dm_channel.channel_id'])
        .where('identity.platform', '=', 'slack')
        .where('identity.person_id', '=', personId)
        .execute();
      // Teams references are keyed in lower case (see teams-reference-repo.ts).
      const teamsIds = identities.filter((i) => i.platform === 'teams').map((i) => `${i.tenant_id.toLowerCase()}|${i.external_id.toLowerCase()}`);
      const teamsReferences = teamsIds.length
        ? (await trx.selectFrom('teams_conversation_reference').select(['tenant_id', 'aad_object_id', 'conversation_id']).execute()).filter((r) => teamsIds.includes(`${r.tenant_id}|${r.aad_object_id}`))
        : [];
      const checkins = await trx
        .selectFrom('checkin')
        .select(['placement_id', 'local_date', 'status', 'sent_at', 'reminder_status', 'skip_reason'])
        .where('student_id', '=', personId)
        .orderBy('local_date')
        .execute();
      const pauses = await trx
        .selectFrom('checkin_pause')
        .select(['placement_id', 'from_date', 'to_date', 'reason'])
        .where('placement_id', 'in', trx.selectFrom('placement').select('id').where('student_id', '=', personId))
        .orderBy('from_date')
        .execute();
      return {
        person: toPerson(person),
        identities: identities.map(toIdentity),
        placements: placements.map(toPlacement),
        reflections: reflections.map(toReflection),
        observations: observations.map(toObservation),
        evidenceNotes: evidenceNotes.map(toEvidenceNote),
        auditEntries: auditEntries.map(toAuditEntry),
        deliveryChannels: [
          ...slackChannels.map((c) => ({ platform: 'slack' as const, tenantId: c.tenant_id, userId: c.user_id, conversationId: c.channel_id })),
          ...teamsReferences.map((r) => ({ platform: 'teams' as const, tenantId: r.tenant_id, userId: r.aad_object_id, conversationId: r.conversation_id })),
        ],
        checkins: checkins.map((c) => ({
          placementId: c.placement_id,
          localDate: String(c.local_date),
          status: c.status,
          sentAt: c.sent_at ? c.sent_at.toISOString() : null,
          reminderStatus: c.reminder_status,
          skipReason: c.skip_reason,
        })),
        pauses: pauses.map((p) => ({ placementId: p.placement_id, from: String(p.from_date), to: String(p.to_date), reason: p.reason })),
      };
    });
}
