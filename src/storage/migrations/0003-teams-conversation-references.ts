import { type Kysely, sql } from 'kysely';

// Teams' proactive messages need the user's 1:1 conversation reference, saved on install and on every
// message. A reference Teams refused (403/404) is marked stale and reported, never retried forever.
const statements = [
  sql`CREATE TABLE teams_conversation_reference (
    tenant_id text NOT NULL,
    aad_object_id text NOT NULL,
    teams_user_id text NOT NULL,
    conversation_id text NOT NULL,
    service_url text NOT NULL,
    channel_id text NOT NULL DEFAULT 'msteams',
    bot_id text NOT NULL,
    locale text,
    updated_at timestamptz NOT NULL,
    stale_reason text,
    stale_at timestamptz,
    PRIMARY KEY (tenant_id, aad_object_id)
  )`,
  sql`CREATE INDEX teams_conversation_reference_stale_idx ON teams_conversation_reference (stale_at) WHERE stale_at IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS teams_conversation_reference`.execute(db);
}
