import { type Kysely, sql } from 'kysely';

// Daily check-ins, pauses, weekly summary deliveries and the shared send-rate limiter. The unique
// keys are the exactly-once guarantee (one check-in per placement and local date, one summary per
// recipient, week and role); senders claim rows with FOR UPDATE SKIP LOCKED and a lease. Rows go
// with their placement or person (ON DELETE CASCADE), so erasing a student needs no change here.
const statements = [
  sql`CREATE TABLE checkin (
    id text PRIMARY KEY,
    placement_id text NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
    student_id text NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    local_date date NOT NULL,
    due_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'pending'
      CHECK (status IN ('pending', 'sending', 'sent', 'uncertain', 'answered', 'skipped', 'failed')),
    attempts int NOT NULL DEFAULT 0,
    lease_owner text,
    lease_until timestamptz,
    sent_at timestamptz,
    message_ref text,
    reminder_due_at timestamptz,
    reminder_status text NOT NULL DEFAULT 'none'
      CHECK (reminder_status IN ('none', 'pending', 'sending', 'sent', 'uncertain', 'skipped', 'failed')),
    reminder_sent_at timestamptz,
    resolution text,
    skip_reason text,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT checkin_placement_day_key UNIQUE (placement_id, local_date)
  )`,
  sql`CREATE INDEX checkin_pending_due_idx ON checkin (due_at) WHERE status = 'pending'`,
  sql`CREATE INDEX checkin_reminder_due_idx ON checkin (reminder_due_at) WHERE reminder_status = 'pending'`,
  sql`CREATE INDEX checkin_in_flight_idx ON checkin (lease_until)
    WHERE status IN ('sending', 'uncertain') OR reminder_status IN ('sending', 'uncertain')`,
  // No more: every index is written on each status change of a fan-out (PGlite has no HOT for these).
  // Per-student and per-day lookups go through the placement and its (placement_id, local_date) key.

  sql`CREATE TABLE checkin_pause (
    id text PRIMARY KEY,
    placement_id text NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
    from_date date NOT NULL,
    to_date date NOT NULL,
    reason text NOT NULL CHECK (reason IN ('absent', 'sick', 'paused')),
    created_by text REFERENCES person (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (to_date >= from_date)
  )`,
  sql`CREATE INDEX checkin_pause_placement_idx ON checkin_pause (placement_id, from_date)`,

  sql`CREATE TABLE summary_delivery (
    id text PRIMARY KEY,
    recipient_id text NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    week_start date NOT NULL,
    role text NOT NULL CHECK (role IN ('student', 'instructor', 'teacher')),
    due_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'pending'
      CHECK (status IN ('pending', 'sending', 'sent', 'uncertain', 'skipped', 'failed')),
    attempts int NOT NULL DEFAULT 0,
    lease_owner text,
    lease_until timestamptz,
    sent_at timestamptz,
    message_ref text,
    resolution text,
    skip_reason text,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT summary_delivery_recipient_week_key UNIQUE (recipient_id, week_start, role)
  )`,
  sql`CREATE INDEX summary_delivery_due_idx ON summary_delivery (due_at) WHERE status = 'pending'`,
  sql`CREATE INDEX summary_delivery_in_flight_idx ON summary_delivery (lease_until) WHERE status IN ('sending', 'uncertain')`,

  // A GCRA token bucket per workspace/tenant: next_free_at is the theoretical arrival time,
  // blocked_until the platform's last Retry-After, last_granted what the latest take got. One
  // atomic UPDATE takes tokens.
  sql`CREATE TABLE send_rate (
    key text PRIMARY KEY,
    next_free_at timestamptz NOT NULL,
    blocked_until timestamptz,
    last_granted int NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['send_rate', 'summary_delivery', 'checkin_pause', 'checkin']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
