// How the last check-in fan-out went, for the admin's "fan-out report": the latest local day whose
// check-ins came due, counted from the delivery rows (sent, still waiting, unreachable, failed),
// their lateness against the first due time (migration 0006), the 429s they met, and the rate each
// workspace/tenant has learnt.
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

export interface FanoutReport {
  localDate: string;
  planned: number;
  sent: number;
  waiting: number;
  unreachable: number;
  failed: number;
  skipped: number;
  lateP50Ms: number | null;
  lateP95Ms: number | null;
  rateLimited: number;
  /** Messages a second each workspace/tenant key sends at now. */
  rates: { key: string; perSecond: number }[];
}

export interface FanoutReportRepo {
  /** The latest day whose check-ins were due by `now`; null before the first one. */
  lastFanout(now: Date): Promise<FanoutReport | null>;
}

interface Row {
  planned: number;
  sent: number;
  waiting: number;
  unreachable: number;
  failed: number;
  skipped: number;
  p50: number | null;
  p95: number | null;
  rate_limited: number | null;
}

export function createFanoutReportRepo(db: Kysely<DatabaseSchema>): FanoutReportRepo {
  return {
    async lastFanout(now) {
      const day = await sql<{ day: string | null }>`
        SELECT to_char(max(local_date), 'YYYY-MM-DD') AS day FROM checkin WHERE coalesce(first_due_at, due_at) <= ${now}
      `.execute(db);
      const localDate = day.rows[0]?.day ?? null;
      if (!localDate) return null;
      const counts = await sql<Row>`
        SELECT count(*)::int AS planned,
          count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent,
          count(*) FILTER (WHERE status IN ('pending', 'sending', 'uncertain'))::int AS waiting,
          count(*) FILTER (WHERE status = 'failed' AND last_error LIKE 'unreachable%')::int AS unreachable,
          count(*) FILTER (WHERE status = 'failed' AND (last_error IS NULL OR last_error NOT LIKE 'unreachable%'))::int AS failed,
          count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY late_ms) AS p50,
          percentile_cont(0.95) WITHIN GROUP (ORDER BY late_ms) AS p95,
          sum(rate_limited)::int AS rate_limited
        FROM checkin WHERE local_date = ${localDate}::date
      `.execute(db);
      const row = counts.rows[0];
      const rates = await db.selectFrom('send_rate').select(['key', 'rate_per_second']).where('rate_per_second', 'is not', null).orderBy('key').execute();
      return {
        localDate,
        planned: row?.planned ?? 0,
        sent: row?.sent ?? 0,
        waiting: row?.waiting ?? 0,
        unreachable: row?.unreachable ?? 0,
        failed: row?.failed ?? 0,
        skipped: row?.skipped ?? 0,
        lateP50Ms: row?.p50 === null || row?.p50 === undefined ? null : Number(row.p50),
        lateP95Ms: row?.p95 === null || row?.p95 === undefined ? null : Number(row.p95),
        rateLimited: row?.rate_limited ?? 0,
        rates: rates.map((r) => ({ key: r.key, perSecond: Number(r.rate_per_second) })),
      };
    },
  };
}
