import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-checkins.ts';
import * as m0003 from './migrations/0003-teams-conversation-references.ts';
import * as m0004 from './migrations/0004-slack-dm-channels.ts';
import * as m0005 from './migrations/0005-slack-events.ts';
import * as m0006 from './migrations/0006-adaptive-send-rate.ts';
import * as m0007 from './migrations/0007-retention.ts';
import * as m0008 from './migrations/0008-swedish-speakers.ts';
import type { DatabaseSchema } from './schema.ts';

// Migrations live in code (not a folder scan) so that bundling or a changed cwd cannot lose one.
// Names sort in the order they run.
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-checkins': m0002,
  '0003-teams-conversation-references': m0003,
  '0004-slack-dm-channels': m0004,
  '0005-slack-events': m0005,
  '0006-adaptive-send-rate': m0006,
  '0007-retention': m0007,
  '0008-swedish-speakers': m0008,
};

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; safe to call on every start (a no-op when nothing is pending). */
export async function migrate(db: Kysely<DatabaseSchema>): Promise<MigrationReport> {
  const migrator = await createMigrator(db);
  return toReport(await migrator.migrateToLatest());
}

async function createMigrator(db: Kysely<DatabaseSchema>): Promise<Migrator> {
  // Pin the bookkeeping tables to the current schema: Kysely otherwise looks for them in every schema,
  // which misfires when several schemas of one database hold an Osaava (tests, staging).
  const row = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  const schema = row.rows[0]?.schema ?? 'public';
  return new Migrator({
    db,
    migrationTableSchema: schema,
    // 0002 was registered after 0003 existed: a database that already ran 0003 runs it afterwards.
    allowUnorderedMigrations: true,
    provider: { getMigrations: async () => migrations },
  });
}

function toReport(result: MigrationResultSet): MigrationReport {
  if (result.error !== undefined) {
    const failed = result.results?.find((it) => it.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed`, { cause: result.error });
  }
  return { applied: (result.results ?? []).filter((it) => it.status === 'Success').map((it) => it.migrationName) };
}
