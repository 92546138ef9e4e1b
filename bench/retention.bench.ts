// A simulated year of 10,000 placements on the embedded database with the nightly retention: do the
// tables stay at the retention's size? Placements of 12–36 weeks start through the year; each
// working day every live placement gets its check-in row and (most days) a reflection, each week an
// observation, and on Fridays the summaries (a delivery row per recipient, two audit entries per
// student shown to staff). Rows are inserted in bulk as the scheduler and the chat would leave them
// (not through the chat). Retention runs after every simulated day, as the scheduler runs it each
// night; the vacuum that follows it on PGlite runs once a simulated week here (nightly in the app),
// to keep the benchmark's run time reasonable. The periods are shorter than the defaults, so that
// every rule deletes within the year (with the default 365 days nothing of a placement would be
// due in the first year).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { createLogger } from '../src/logging/logger.ts';
import { maintainEmbeddedDatabase } from '../src/scheduling/index.ts';
import { createDatabase, type DatabaseSchema } from '../src/storage/index.ts';
import { applyRetention, cutoffDate, RETENTION_TABLES, type RetentionPolicy, type RetentionTable, tablesTouched } from '../src/storage/retention.ts';
import { mb, ms, percentile, type BenchSection } from './report.ts';

const PLACEMENTS = Number(process.env.BENCH_RETENTION_PLACEMENTS ?? 10_000);
const YEAR_START = '2026-08-03'; // a Monday
const DAYS = 364;
const POLICY: RetentionPolicy = { placementDays: 60, deliveryDays: 35, auditDays: 120, batchRows: 5_000 };
const CHUNK = 1_000;
const DAY_MS = 86_400_000;

const dayAt = (offset: number): string => new Date(Date.parse(`${YEAR_START}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
/** 1 = Monday … 7 = Sunday. */
const isoDow = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

interface Plan {
  index: number;
  start: number;
  end: number;
}

/** Placement i: 12–36 weeks, starting on a Monday, spread so that starts and ends fall through the year. */
function planOf(index: number): Plan {
  const weeks = 12 + ((index * 7919) % 25);
  const latestStartWeek = Math.max(0, Math.floor(DAYS / 7) - weeks);
  // Some began before the year (their ends fall in it), the rest start in it.
  const startWeek = ((index * 104_729) % (latestStartWeek + 20)) - 20;
  return { index, start: startWeek * 7, end: startWeek * 7 + weeks * 7 - 3 };
}

const answered = (p: number, d: number): boolean => (p * 31 + d * 17) % 100 < 85;

async function insertAll(db: Kysely<DatabaseSchema>, table: keyof DatabaseSchema, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) await sql`INSERT INTO ${sql.table(table)} ${valuesOf(rows.slice(i, i + CHUNK))}`.execute(trx);
  });
}

/** `(cols) VALUES (…), (…)` of plain rows with the same keys. */
function valuesOf(rows: readonly Record<string, unknown>[]) {
  const columns = Object.keys(rows[0] ?? {});
  const tuples = rows.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`);
  return sql`(${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(tuples)}`;
}

interface TableSize {
  rows: number;
  bytes: number;
}

async function totalBytesOf(db: Kysely<DatabaseSchema>): Promise<number> {
  const r = await sql<{ bytes: string }>`SELECT sum(pg_total_relation_size(t::regclass))::text AS bytes FROM unnest(${[...RETENTION_TABLES]}::text[]) t`.execute(db);
  return Number(r.rows[0]?.bytes ?? 0);
}

async function sizes(db: Kysely<DatabaseSchema>): Promise<Record<RetentionTable, TableSize>> {
  const size = async (table: RetentionTable): Promise<TableSize> => {
    const r = await sql<{ n: number; bytes: string }>`SELECT (SELECT count(*)::int FROM ${sql.table(table)}) AS n, pg_total_relation_size(${table}::regclass)::text AS bytes`.execute(db);
    return { rows: r.rows[0]?.n ?? 0, bytes: Number(r.rows[0]?.bytes ?? 0) };
  };
  return {
    audit_log: await size('audit_log'), summary_delivery: await size('summary_delivery'), checkin: await size('checkin'), checkin_pause: await size('checkin_pause'),
    evidence_note: await size('evidence_note'), observation: await size('observation'), reflection: await size('reflection'), placement: await size('placement'),
  };
}

export async function benchRetention(): Promise<BenchSection> {
  const logger = createLogger({ level: 'silent' });
  const dir = mkdtempSync(join(tmpdir(), 'osaava-bench-retention-'));
  const database = await createDatabase({ dataDir: join(dir, 'pglite'), logger });
  try {
    const { db } = database;
    const instructors = PLACEMENTS / 8;
    const teachers = PLACEMENTS / 25;
    const people = [
      ...Array.from({ length: PLACEMENTS }, (_, i) => ({ id: `s${i}`, name: `Opiskelija ${i}`, roles: ['student'] })),
      ...Array.from({ length: instructors }, (_, i) => ({ id: `i${i}`, name: `Ohjaaja ${i}`, roles: ['instructor'] })),
      ...Array.from({ length: teachers }, (_, i) => ({ id: `t${i}`, name: `Opettaja ${i}`, roles: ['teacher'] })),
    ];
    await insertAll(db, 'person', people);
    const plans = Array.from({ length: PLACEMENTS }, (_, i) => planOf(i));
    await insertAll(
      db,
      'placement',
      plans.map((p) => ({
        id: `pl${p.index}`, student_id: `s${p.index}`, instructor_id: `i${p.index % instructors}`, teacher_id: `t${p.index % teachers}`, workplace_name: `Yritys ${p.index % 700} Oy`,
        unit_ids: ['asiakkuuksien-hoitaminen'], start_date: dayAt(p.start), end_date: dayAt(p.end), status: 'active',
      })),
    );

    // What retention should leave at the end, counted as the rows are written.
    const written: Record<RetentionTable, number> = { audit_log: 0, summary_delivery: 0, checkin: 0, checkin_pause: 0, evidence_note: 0, observation: 0, reflection: 0, placement: PLACEMENTS };
    const count = (table: RetentionTable, n: number) => {
      written[table] += n;
    };
    const nightMs: number[] = [];
    const vacuumMs: number[] = [];
    const quarters: number[] = [];
    const touched = new Set<RetentionTable>();
    const insertStarted = performance.now();
    let insertMs = 0;

    for (let d = 0; d < DAYS; d++) {
      const date = dayAt(d);
      const dow = isoDow(date);
      const live = plans.filter((p) => p.start <= d && d <= p.end);
      const t0 = performance.now();
      if (dow <= 5) {
        const checkins = live.map((p) => ({
          id: `c${p.index}-${d}`, placement_id: `pl${p.index}`, student_id: `s${p.index}`, local_date: date, due_at: new Date(`${date}T13:00:00Z`), expires_at: new Date(`${date}T22:00:00Z`),
          status: answered(p.index, d) ? 'answered' : 'sent', sent_at: new Date(`${date}T13:00:05Z`), message_ref: `1733${p.index}.${d}`, reminder_status: answered(p.index, d) ? 'none' : 'sent',
        }));
        await insertAll(db, 'checkin', checkins);
        count('checkin', checkins.length);
        const reflections = live
          .filter((p) => answered(p.index, d))
          .map((p) => ({
            id: `r${p.index}-${d}`, placement_id: `pl${p.index}`, student_id: `s${p.index}`, local_date: date, status: 'answered', text: 'Hoidin asiakkaiden yhteydenottoja ja tein huoltotilauksia.',
            requirement_ids: ['AH-V1', 'AH-H3'], confidence: 1 + ((p.index + d) % 5), help_needed: (p.index + d) % 41 === 0 ? 'Tarvitsen apua raportoinnissa.' : null,
          }));
        await insertAll(db, 'reflection', reflections);
        count('reflection', reflections.length);
      }
      if (dow === 3) {
        const observations = live.map((p) => ({
          id: `o${p.index}-${d}`, placement_id: `pl${p.index}`, student_id: `s${p.index}`, author_id: `i${p.index % instructors}`, observed_at: new Date(`${date}T10:00:00Z`), text: 'Hyvää asiakaspalvelua.', requirement_ids: ['AH-V2'], level: 3,
        }));
        await insertAll(db, 'observation', observations);
        count('observation', observations.length);
      }
      if (dow === 5) {
        const monday = dayAt(d - 4);
        const recipients = new Map<string, string>();
        for (const p of live) {
          recipients.set(`s${p.index}`, 'student');
          recipients.set(`i${p.index % instructors}`, 'instructor');
          recipients.set(`t${p.index % teachers}`, 'teacher');
        }
        const deliveries = [...recipients].map(([id, role]) => ({ id: `sd-${id}-${d}`, recipient_id: id, week_start: monday, role, due_at: new Date(`${date}T12:00:00Z`), expires_at: new Date(`${date}T23:00:00Z`), status: 'sent', sent_at: new Date(`${date}T12:01:00Z`) }));
        await insertAll(db, 'summary_delivery', deliveries);
        count('summary_delivery', deliveries.length);
        const at = new Date(`${date}T12:01:00Z`);
        const audit = live.flatMap((p) => [
          { id: `a-i${p.index}-${d}`, at, actor_id: `i${p.index % instructors}`, action: 'view_summary', subject_person_id: `s${p.index}`, details: '{"relation":"instructor","scheduled":true}' },
          { id: `a-t${p.index}-${d}`, at, actor_id: `t${p.index % teachers}`, action: 'view_summary', subject_person_id: `s${p.index}`, details: '{"relation":"teacher","scheduled":true}' },
        ]);
        await insertAll(db, 'audit_log', audit);
        count('audit_log', audit.length);
      }
      // A sick week now and then, and an "otherwise" note at the end.
      const pauses = live.filter((p) => d === p.start + 30 && p.index % 3 === 0).map((p) => ({ id: `pa${p.index}`, placement_id: `pl${p.index}`, from_date: date, to_date: dayAt(d + 4), reason: 'sick' }));
      await insertAll(db, 'checkin_pause', pauses);
      count('checkin_pause', pauses.length);
      const notes = live.filter((p) => d === p.end).map((p) => ({ id: `n${p.index}`, placement_id: `pl${p.index}`, requirement_id: 'AH-T1', kind: 'otherwise', text: 'Osoitettu muulla tavoin.' }));
      await insertAll(db, 'evidence_note', notes);
      count('evidence_note', notes.length);
      insertMs += performance.now() - t0;

      if ((d + 1) % 30 === 0) process.stderr.write(`retention bench: day ${d + 1} of ${DAYS}, ${((performance.now() - insertStarted) / 1000).toFixed(0)} s\n`);
      // The night after the day.
      const night = new Date(`${dayAt(d + 1)}T01:00:00Z`);
      const report = await applyRetention(db, POLICY, night);
      nightMs.push(report.ms);
      for (const table of tablesTouched(report)) touched.add(table);
      if (isoDow(date) === 7) {
        const v0 = performance.now();
        await maintainEmbeddedDatabase(database, [...touched]);
        vacuumMs.push(performance.now() - v0);
        touched.clear();
        // The files' size through the year: it should level off once the rules delete as much as is written.
        if ((d + 1) % 91 === 0) quarters.push(await totalBytesOf(db));
      }
    }
    const simulatedMs = performance.now() - insertStarted;
    // The last night's vacuum, as the scheduler runs it after retention.
    await maintainEmbeddedDatabase(database, [...touched]);

    const end = new Date(`${dayAt(DAYS)}T01:00:00Z`);
    const expected = expectedRows(plans, end);
    const after = await sizes(db);
    // The same rows written compactly (VACUUM FULL): how much free space the files carry.
    await sql`VACUUM FULL`.execute(db);
    const compact = await sizes(db);

    const rows = (table: RetentionTable) => after[table].rows;
    const allMatch = RETENTION_TABLES.every((t) => rows(t) === expected[t]);
    const totalBytes = RETENTION_TABLES.reduce((s, t) => s + after[t].bytes, 0);
    const compactBytes = RETENTION_TABLES.reduce((s, t) => s + compact[t].bytes, 0);
    const totalWritten = RETENTION_TABLES.reduce((s, t) => s + written[t], 0);
    const totalKept = RETENTION_TABLES.reduce((s, t) => s + rows(t), 0);
    const perRow = compactBytes / Math.max(1, totalKept);
    const halfYearBytes = quarters[1] ?? totalBytes;
    const sortedNights = [...nightMs].sort((a, b) => a - b);
    const steady = [...nightMs.slice(-60)].sort((a, b) => a - b);
    return {
      title: 'Retention over a simulated year (embedded PGlite)',
      description:
        `${PLACEMENTS.toLocaleString('en')} placements of 12–36 weeks starting and ending through ${DAYS} simulated days (${instructors.toLocaleString('en')} instructors, ${teachers} teachers): ` +
        'a check-in row every working day, a reflection on 85 % of them, an observation a week, summary delivery rows and two audit entries per student every Friday, ' +
        'a sick week for a third, an evidence note at the end, inserted in bulk (not through the chat). The retention runs after every simulated day as the scheduler does each night; ' +
        `the vacuum that follows it on PGlite runs once a simulated week here (nightly in the app), to keep the run short. Periods shortened so that every rule deletes within the year: ` +
        `placements ${POLICY.placementDays} days after their end, check-in and summary rows ${POLICY.deliveryDays} days after their day, audit entries after ${POLICY.auditDays} days ` +
        `(defaults 365 / 90 / 730). "Expected" is what those rules keep of what was written, counted as it was written. Compact = the same rows after VACUUM FULL.`,
      rows: [
        ...RETENTION_TABLES.map((t) => ({
          metric: `${t}: rows at the end (written in the year ${written[t].toLocaleString('en')}; expected ${expected[t].toLocaleString('en')})`,
          value: `${rows(t).toLocaleString('en')} rows, ${mb(after[t].bytes)} (compact ${mb(compact[t].bytes)})`,
        })),
        { metric: 'every table holds exactly what the retention keeps', value: allMatch ? 'yes' : 'no', target: 'all tables', pass: allMatch },
        { metric: `rows kept of rows written in the year`, value: `${totalKept.toLocaleString('en')} of ${totalWritten.toLocaleString('en')}` },
        { metric: 'size of these tables after 13, 26, 39 and 52 weeks (each after that week\'s vacuum), and at the end', value: [...quarters, totalBytes].map(mb).join(', ') },
        {
          metric: 'size at the end against the size after 26 weeks (the second half writes as much as the first, and retention deletes as much)',
          value: `${(totalBytes / halfYearBytes).toFixed(2)} ×`,
          target: '≤ 1.1 ×',
          pass: totalBytes <= 1.1 * halfYearBytes,
        },
        { metric: 'without retention the same tables would hold about', value: mb(totalWritten * perRow) },
        // Plain VACUUM makes the space of deleted rows reusable but gives no file back: the files keep the size of the
        // busiest weeks (their high-water mark), which is more than what the last night keeps.
        { metric: 'size at the end against the compact size of what is kept (the high-water mark of the busiest weeks)', value: `${(totalBytes / compactBytes).toFixed(2)} ×` },
        { metric: 'one nightly retention run: median over the year', value: ms(percentile(sortedNights, 50)) },
        { metric: 'one nightly retention run: median of the last 60 nights (steady state)', value: ms(percentile(steady, 50)) },
        { metric: 'one nightly retention run: slowest', value: ms(sortedNights.at(-1) ?? 0), target: '< 20 s (one scheduler slice)', pass: (sortedNights.at(-1) ?? 0) < 20_000 },
        { metric: 'weekly VACUUM (ANALYZE) of the churning and retention tables: median', value: ms(percentile([...vacuumMs].sort((a, b) => a - b), 50)) },
        { metric: 'simulated year in all (bulk inserts, retention, vacuums)', value: `${(simulatedMs / 1000).toFixed(0)} s (inserts ${(insertMs / 1000).toFixed(0)} s)` },
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the rules keep at `now` of what the year wrote. */
function expectedRows(plans: readonly Plan[], now: Date): Record<RetentionTable, number> {
  const endedBefore = cutoffDate(now, POLICY.placementDays);
  const deliveryBefore = cutoffDate(now, POLICY.deliveryDays);
  const auditBefore = now.getTime() - POLICY.auditDays * DAY_MS;
  const out: Record<RetentionTable, number> = { audit_log: 0, summary_delivery: 0, checkin: 0, checkin_pause: 0, evidence_note: 0, observation: 0, reflection: 0, placement: 0 };
  const recipientsByFriday = new Map<number, Set<string>>();
  for (const p of plans) {
    const kept = dayAt(p.end) >= endedBefore;
    if (kept) out.placement += 1;
    for (let d = Math.max(0, p.start); d <= Math.min(DAYS - 1, p.end); d++) {
      const date = dayAt(d);
      const dow = isoDow(date);
      if (dow <= 5 && kept) {
        if (date >= deliveryBefore) out.checkin += 1;
        if (answered(p.index, d)) out.reflection += 1;
      }
      if (dow === 3 && kept) out.observation += 1;
      if (dow === 5) {
        if (new Date(`${date}T12:01:00Z`).getTime() >= auditBefore) out.audit_log += 2;
        const set = recipientsByFriday.get(d) ?? new Set<string>();
        set.add(`s${p.index}`).add(`i${p.index % (PLACEMENTS / 8)}`).add(`t${p.index % (PLACEMENTS / 25)}`);
        recipientsByFriday.set(d, set);
      }
      if (kept && d === p.start + 30 && p.index % 3 === 0) out.checkin_pause += 1;
      if (kept && d === p.end) out.evidence_note += 1;
    }
  }
  for (const [d, set] of recipientsByFriday) if (dayAt(d - 4) >= deliveryBefore) out.summary_delivery += set.size;
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const section = await benchRetention();
  for (const row of section.rows) process.stdout.write(`${row.metric}: ${row.value}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}\n`);
}
