import { type Kysely, sql } from 'kysely';

// Slack delivers an event at least once: it retries (X-Slack-Retry-Num, Socket Mode's retry_attempt)
// when it thinks the first delivery failed, and several Osaava processes may share one app. Each event
// id is claimed here before anything acts on it; `done` once it was handled. A claim that never became
// `done` (the process died) may be taken over by a later retry.
const statements = [
  sql`CREATE TABLE slack_event (
    event_id text PRIMARY KEY,
    status text NOT NULL CHECK (status IN ('claimed', 'done')),
    claimed_at timestamptz NOT NULL,
    finished_at timestamptz,
    attempts integer NOT NULL DEFAULT 1
  )`,
  sql`CREATE INDEX slack_event_claimed_at_idx ON slack_event (claimed_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS slack_event`.execute(db);
}
