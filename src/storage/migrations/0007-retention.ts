import { type Kysely, sql } from 'kysely';

// The nightly retention (src/storage/retention.ts) finds the placements that ended long enough ago by
// their end date; their rows in the other tables through each table's placement index. Old audit
// entries go by audit_log_at_idx, old summary rows by a scan of that small table, and old check-ins
// through their placement's (placement_id, local_date) key: no new index on the check-in table,
// which the fan-out updates most.
const statements = [sql`CREATE INDEX IF NOT EXISTS placement_end_date_idx ON placement (end_date)`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS placement_end_date_idx`.execute(db);
}
