// A late answer is accepted until the next check-in: a day's reflection stays writable until a
// check-in of a later day has gone out (or is due). The reflection repo itself accepts any past day;
// this is the rule the chat core can check before writing a late answer.
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';

export async function isAnswerWindowOpen(db: Kysely<DatabaseSchema>, placementId: string, localDate: string, now: Date): Promise<boolean> {
  const later = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM checkin
    WHERE placement_id = ${placementId} AND local_date > ${localDate}::date
      AND status IN ('sending', 'sent', 'uncertain', 'answered', 'failed') AND due_at <= ${now}
  `.execute(db);
  return (later.rows[0]?.n ?? 0) === 0;
}
