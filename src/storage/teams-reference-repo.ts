// Teams conversation references in the database (the adapter's ConversationReferenceStore).
// Keys are stored lower-cased: Teams is not consistent about the case of GUIDs.
import type { Kysely, Selectable } from 'kysely';
import type { ConversationReferenceStore, StoredConversationReference } from './delivery-channels.ts';
import type { DatabaseSchema, TeamsConversationReferenceTable } from './schema.ts';

function toReference(row: Selectable<TeamsConversationReferenceTable>): StoredConversationReference {
  return {
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    teamsUserId: row.teams_user_id,
    conversationId: row.conversation_id,
    serviceUrl: row.service_url,
    channelId: row.channel_id,
    botId: row.bot_id,
    ...(row.locale ? { locale: row.locale } : {}),
    updatedAt: row.updated_at,
    ...(row.stale_at && row.stale_reason !== null ? { stale: { reason: row.stale_reason, at: row.stale_at } } : {}),
  };
}

export function createTeamsReferenceRepo(db: Kysely<DatabaseSchema>, now: () => Date = () => new Date()): ConversationReferenceStore {
  return {
    async save(r) {
      const values = {
        tenant_id: r.tenantId.toLowerCase(),
        aad_object_id: r.aadObjectId.toLowerCase(),
        teams_user_id: r.teamsUserId,
        conversation_id: r.conversationId,
        service_url: r.serviceUrl,
        channel_id: r.channelId,
        bot_id: r.botId,
        locale: r.locale ?? null,
        updated_at: r.updatedAt,
        stale_reason: null,
        stale_at: null,
      };
      await db
        .insertInto('teams_conversation_reference')
        .values(values)
        .onConflict((oc) => oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet({ ...values }))
        .execute();
    },
    async get(tenantId, aadObjectId) {
      const row = await db
        .selectFrom('teams_conversation_reference')
        .selectAll()
        .where('tenant_id', '=', tenantId.toLowerCase())
        .where('aad_object_id', '=', aadObjectId.toLowerCase())
        .executeTakeFirst();
      return row ? toReference(row) : undefined;
    },
    async markStale(tenantId, aadObjectId, reason, at) {
      await db
        .updateTable('teams_conversation_reference')
        .set({ stale_reason: reason, stale_at: at ?? now() })
        .where('tenant_id', '=', tenantId.toLowerCase())
        .where('aad_object_id', '=', aadObjectId.toLowerCase())
        .execute();
    },
    async listStale() {
      const rows = await db.selectFrom('teams_conversation_reference').selectAll().where('stale_at', 'is not', null).orderBy('stale_at').execute();
      return rows.map(toReference);
    },
  };
}
