import { type Kysely, sql } from 'kysely';

// The first schema. Plain PostgreSQL that PGlite runs unchanged; one statement per query because
// PGlite's extended-protocol `query` takes a single statement.
const statements = [
  sql`CREATE TABLE person (
    id text PRIMARY KEY,
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    email text CHECK (email IS NULL OR char_length(email) <= 320),
    roles text[] NOT NULL DEFAULT '{}'
      CHECK (roles <@ ARRAY['student', 'instructor', 'teacher', 'admin']::text[]),
    lang text NOT NULL DEFAULT 'fi' CHECK (lang IN ('fi', 'en')),
    time_zone text NOT NULL DEFAULT 'Europe/Helsinki',
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE UNIQUE INDEX person_email_key ON person (lower(email)) WHERE email IS NOT NULL`,

  sql`CREATE TABLE identity (
    platform text NOT NULL CHECK (platform IN ('local', 'slack', 'teams')),
    tenant_id text NOT NULL DEFAULT '',
    external_id text NOT NULL,
    person_id text NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (platform, tenant_id, external_id)
  )`,
  sql`CREATE INDEX identity_person_idx ON identity (person_id)`,

  sql`CREATE TABLE placement (
    id text PRIMARY KEY,
    student_id text NOT NULL REFERENCES person (id),
    method text NOT NULL DEFAULT 'osaamisenhankkimistapa_koulutussopimus'
      CHECK (method IN ('osaamisenhankkimistapa_koulutussopimus', 'osaamisenhankkimistapa_oppisopimus')),
    workplace_name text NOT NULL CHECK (char_length(workplace_name) BETWEEN 1 AND 200),
    workplace_business_id text CHECK (workplace_business_id ~ '^[0-9]{7}-[0-9]$'),
    instructor_id text REFERENCES person (id) ON DELETE SET NULL,
    teacher_id text REFERENCES person (id) ON DELETE SET NULL,
    unit_ids text[] NOT NULL DEFAULT '{}',
    start_date date NOT NULL,
    end_date date NOT NULL,
    working_days int[] NOT NULL DEFAULT '{1,2,3,4,5}'
      CHECK (cardinality(working_days) > 0 AND working_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]),
    checkin_time text NOT NULL DEFAULT '15:00' CHECK (checkin_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    part_time_percentage int NOT NULL DEFAULT 100 CHECK (part_time_percentage BETWEEN 1 AND 100),
    key_work_tasks text[] NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'active', 'completed', 'interrupted')),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (end_date >= start_date)
  )`,
  sql`CREATE INDEX placement_student_idx ON placement (student_id, start_date)`,
  sql`CREATE INDEX placement_instructor_idx ON placement (instructor_id)`,
  sql`CREATE INDEX placement_teacher_idx ON placement (teacher_id)`,
  sql`CREATE INDEX placement_dates_idx ON placement (start_date, end_date)`,

  sql`CREATE TABLE reflection (
    id text PRIMARY KEY,
    placement_id text NOT NULL REFERENCES placement (id),
    student_id text NOT NULL REFERENCES person (id),
    local_date date NOT NULL,
    status text NOT NULL CHECK (status IN ('answered', 'skipped', 'absent')),
    text text NOT NULL DEFAULT '' CHECK (char_length(text) <= 4000),
    requirement_ids text[] NOT NULL DEFAULT '{}',
    confidence int CHECK (confidence BETWEEN 1 AND 5),
    hard text CHECK (char_length(hard) <= 2000),
    help_needed text CHECK (char_length(help_needed) <= 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reflection_placement_day_key UNIQUE (placement_id, local_date)
  )`,
  sql`CREATE INDEX reflection_student_idx ON reflection (student_id, local_date)`,
  sql`CREATE INDEX reflection_date_idx ON reflection (local_date)`,

  sql`CREATE TABLE observation (
    id text PRIMARY KEY,
    placement_id text NOT NULL REFERENCES placement (id),
    student_id text NOT NULL REFERENCES person (id),
    author_id text NOT NULL REFERENCES person (id),
    observed_at timestamptz NOT NULL,
    text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000),
    requirement_ids text[] NOT NULL DEFAULT '{}',
    level int CHECK (level BETWEEN 1 AND 5),
    visible_to_student boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX observation_placement_idx ON observation (placement_id, observed_at)`,
  sql`CREATE INDEX observation_student_idx ON observation (student_id)`,
  sql`CREATE INDEX observation_observed_at_idx ON observation (observed_at)`,

  sql`CREATE TABLE evidence_note (
    id text PRIMARY KEY,
    placement_id text NOT NULL REFERENCES placement (id),
    requirement_id text NOT NULL,
    kind text NOT NULL DEFAULT 'otherwise' CHECK (kind IN ('otherwise')),
    text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
    author_id text REFERENCES person (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX evidence_note_placement_idx ON evidence_note (placement_id, requirement_id)`,

  // No foreign keys: the log outlives the people it mentions (an erasure anonymises, never deletes, it).
  sql`CREATE TABLE audit_log (
    id text PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id text,
    action text NOT NULL,
    subject_person_id text,
    details jsonb NOT NULL DEFAULT '{}'::jsonb
  )`,
  sql`CREATE INDEX audit_log_subject_idx ON audit_log (subject_person_id, at)`,
  sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id)`,
  sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'evidence_note', 'observation', 'reflection', 'placement', 'identity', 'person']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
