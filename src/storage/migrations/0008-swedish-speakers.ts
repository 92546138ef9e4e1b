import { type Kysely, sql } from 'kysely';

// Swedish became a language of the bot after 0001 allowed only 'fi' and 'en' for a person: a
// Swedish-speaking user could not be stored. The inline check got PostgreSQL's default name.
const statements = [
  sql`ALTER TABLE person DROP CONSTRAINT IF EXISTS person_lang_check`,
  sql`ALTER TABLE person ADD CONSTRAINT person_lang_check CHECK (lang IN ('fi', 'en', 'sv'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
