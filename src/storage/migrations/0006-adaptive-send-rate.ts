import { type Kysely, sql } from 'kysely';

// The send rate that finds the platform's real limit, and how late each send was.
// - send_rate gets the adaptive state shared by every instance (and kept across restarts): the
//   current rate, the rate at which the platform last answered 429 (the ceiling the rate probes
//   towards slowly), when it last changed, which priority is sending (lower kinds wait for it)
//   and how many 429s the key has had.
// - Delivery rows keep their first due time (a rate-limit deferral moves `due_at`), how late the
//   send was against it, and how many 429s it met: the admin's fan-out report reads these.
const statements = [
  sql`ALTER TABLE send_rate
    ADD COLUMN rate_per_second float8,
    ADD COLUMN ceiling_per_second float8,
    ADD COLUMN rate_changed_at timestamptz,
    ADD COLUMN decreased_at timestamptz,
    ADD COLUMN priority int,
    ADD COLUMN priority_until timestamptz,
    ADD COLUMN rate_limited_count int NOT NULL DEFAULT 0`,
  sql`ALTER TABLE checkin
    ADD COLUMN first_due_at timestamptz,
    ADD COLUMN late_ms int,
    ADD COLUMN reminder_first_due_at timestamptz,
    ADD COLUMN reminder_late_ms int,
    ADD COLUMN rate_limited int NOT NULL DEFAULT 0`,
  sql`ALTER TABLE summary_delivery
    ADD COLUMN first_due_at timestamptz,
    ADD COLUMN late_ms int,
    ADD COLUMN rate_limited int NOT NULL DEFAULT 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE summary_delivery DROP COLUMN IF EXISTS first_due_at, DROP COLUMN IF EXISTS late_ms, DROP COLUMN IF EXISTS rate_limited`.execute(db);
  await sql`ALTER TABLE checkin DROP COLUMN IF EXISTS first_due_at, DROP COLUMN IF EXISTS late_ms, DROP COLUMN IF EXISTS reminder_first_due_at,
    DROP COLUMN IF EXISTS reminder_late_ms, DROP COLUMN IF EXISTS rate_limited`.execute(db);
  await sql`ALTER TABLE send_rate DROP COLUMN IF EXISTS rate_per_second, DROP COLUMN IF EXISTS ceiling_per_second, DROP COLUMN IF EXISTS rate_changed_at,
    DROP COLUMN IF EXISTS decreased_at, DROP COLUMN IF EXISTS priority, DROP COLUMN IF EXISTS priority_until, DROP COLUMN IF EXISTS rate_limited_count`.execute(db);
}
