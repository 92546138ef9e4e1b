import { type Kysely, sql } from 'kysely';

// The DM channel (`D…`) between the bot and each Slack user. Osaava posts to the user id, so Slack
// opens the DM itself; but reading the DM back (conversations.history, to tell whether a send whose
// answer was lost arrived) needs the channel id, and the app may not open conversations (no im:write).
// It is learned from chat.postMessage's answers and from the user's own DMs.
const statements = [
  sql`CREATE TABLE slack_dm_channel (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    channel_id text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS slack_dm_channel`.execute(db);
}
