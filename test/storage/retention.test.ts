import { type Kysely, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { type DatabaseSchema, eraseStudent, exportStudent } from '../../src/storage/index.ts';
import { applyRetention, cutoffDate, type RetentionPolicyInput } from '../../src/storage/retention.ts';
import { describeEachBackend, useTestDatabase } from './backends.ts';

// The nightly retention (src/storage/retention.ts) on both backends, at 2027-06-15 with the default
// periods: placements that ended before 2026-06-15 go with all their rows; check-in and summary rows
// of days before 2027-03-17 go; audit entries written before 2025-06-15 go. Everything else stays.

const NOW = new Date('2027-06-15T01:00:00Z');
const POLICY: RetentionPolicyInput = { placementDays: 365, deliveryDays: 90, auditDays: 730 };

function days(from: string, to: string, step = 1): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += step * 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

interface Seeded {
  /** Ended 2026-05-08: past retention. */
  expired: string;
  /** Ended 2026-12-18: inside retention. */
  ended: string;
  /** 2026-08-03 … 2027-12-17: going on. */
  ongoing: string;
}

async function seed(db: Kysely<DatabaseSchema>): Promise<Seeded> {
  await db
    .insertInto('person')
    .values([
      { id: 'st-a', name: 'Aino Vanha', email: 'aino.vanha@example.fi', roles: ['student'] },
      { id: 'st-b', name: 'Ville Kesken', email: 'ville.kesken@example.fi', roles: ['student'] },
      { id: 'in-1', name: 'Mikko Ohjaaja', roles: ['instructor'] },
      { id: 'te-1', name: 'Liisa Opettaja', roles: ['teacher'] },
    ])
    .execute();
  const placement = (id: string, studentId: string, start: string, end: string, status: 'active' | 'completed') => ({
    id, student_id: studentId, instructor_id: 'in-1', teacher_id: 'te-1', workplace_name: 'Kodin Tekniikka Oy', unit_ids: ['asiakkuuksien-hoitaminen'], start_date: start, end_date: end, status,
  });
  await db
    .insertInto('placement')
    .values([
      placement('pl-expired', 'st-a', '2026-03-02', '2026-05-08', 'completed'),
      placement('pl-ended', 'st-a', '2026-09-07', '2026-12-18', 'completed'),
      placement('pl-ongoing', 'st-b', '2026-08-03', '2027-12-17', 'active'),
    ])
    .execute();
  const daily = [
    ['pl-expired', 'st-a', days('2026-03-02', '2026-05-08')],
    ['pl-ended', 'st-a', days('2026-09-07', '2026-12-18')],
    ['pl-ongoing', 'st-b', days('2026-08-03', '2027-06-14')],
  ] as const;
  for (const [placementId, studentId, dates] of daily) {
    await db
      .insertInto('reflection')
      .values(dates.map((d) => ({ id: `r-${placementId}-${d}`, placement_id: placementId, student_id: studentId, local_date: d, status: 'answered' as const, text: 'Asensin kodinkoneita.', confidence: 4 })))
      .execute();
    await db
      .insertInto('checkin')
      .values(
        dates.map((d) => ({
          id: `c-${placementId}-${d}`, placement_id: placementId, student_id: studentId, local_date: d,
          due_at: new Date(`${d}T12:00:00Z`), expires_at: new Date(`${d}T21:00:00Z`), status: 'answered' as const,
        })),
      )
      .execute();
    await db
      .insertInto('observation')
      .values(dates.filter((_, i) => i % 7 === 0).map((d) => ({ id: `o-${placementId}-${d}`, placement_id: placementId, student_id: studentId, author_id: 'in-1', observed_at: new Date(`${d}T10:00:00Z`), text: 'Hyvää työtä.' })))
      .execute();
    await db.insertInto('evidence_note').values({ id: `n-${placementId}`, placement_id: placementId, requirement_id: 'AH-V1', kind: 'otherwise', text: 'Osoitettu muuten.' }).execute();
    await db.insertInto('checkin_pause').values({ id: `p-${placementId}`, placement_id: placementId, from_date: dates[3] ?? '', to_date: dates[4] ?? '', reason: 'sick' }).execute();
  }
  const summary = (id: string, recipient: string, week: string) => ({
    id, recipient_id: recipient, week_start: week, role: recipient === 'in-1' ? ('instructor' as const) : ('student' as const),
    due_at: new Date(`${week}T12:00:00Z`), expires_at: new Date(`${week}T23:00:00Z`), status: 'sent' as const,
  });
  await db
    .insertInto('summary_delivery')
    .values([summary('s-old-b', 'st-b', '2027-01-04'), summary('s-old-i', 'in-1', '2027-01-04'), summary('s-new-b', 'st-b', '2027-06-07'), summary('s-new-i', 'in-1', '2027-06-07')])
    .execute();
  const audit = (id: string, at: string, subject: string) => ({ id, at: new Date(at), actor_id: 'in-1', action: 'view_summary', subject_person_id: subject, details: '{}' });
  await db
    .insertInto('audit_log')
    .values([audit('a-2025-01', '2025-01-10T12:00:00Z', 'st-a'), audit('a-2025-05', '2025-05-30T12:00:00Z', 'st-b'), audit('a-2026-01', '2026-01-10T12:00:00Z', 'st-a'), audit('a-2027-05', '2027-05-10T12:00:00Z', 'st-b')])
    .execute();
  return { expired: 'pl-expired', ended: 'pl-ended', ongoing: 'pl-ongoing' };
}

async function count(db: Kysely<DatabaseSchema>, table: keyof DatabaseSchema, placementId?: string): Promise<number> {
  const where = placementId === undefined ? sql`true` : table === 'placement' ? sql`id = ${placementId}` : sql`placement_id = ${placementId}`;
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

async function idsOf(db: Kysely<DatabaseSchema>, table: 'summary_delivery' | 'audit_log'): Promise<string[]> {
  const result = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} ORDER BY id`.execute(db);
  return result.rows.map((r) => r.id);
}

describeEachBackend('retention (%s)', (backend) => {
  const t = useTestDatabase(backend);
  let before: Record<string, number>;

  beforeAll(async () => {
    await seed(t.db);
    before = { ongoingReflections: await count(t.db, 'reflection', 'pl-ongoing'), ongoingCheckins: await count(t.db, 'checkin', 'pl-ongoing'), endedReflections: await count(t.db, 'reflection', 'pl-ended') };
  });

  it('reports the cut-off dates of the default periods', () => {
    expect(cutoffDate(NOW, 365)).toBe('2026-06-15');
    expect(cutoffDate(NOW, 90)).toBe('2027-03-17');
  });

  it('deletes nothing while the budget allows no batch, and says it is not done', async () => {
    const report = await applyRetention(t.db, POLICY, NOW, { budgetMs: 0 });
    expect(report.complete).toBe(false);
    expect(report.batches).toBe(0);
    expect(await count(t.db, 'placement')).toBe(3);
  });

  it('deletes what is past retention in small batches, and keeps what is inside it', async () => {
    const report = await applyRetention(t.db, { ...POLICY, batchRows: 7 }, NOW);
    expect(report.complete).toBe(true);
    // 68 days of reflections of the expired placement at 7 a batch, and so on: many batches, each bounded.
    expect(report.batches).toBeGreaterThan(40);

    // The placement that ended over a year ago is gone with everything recorded in it.
    for (const table of ['placement', 'reflection', 'observation', 'evidence_note', 'checkin', 'checkin_pause'] as const) expect(await count(t.db, table, 'pl-expired'), table).toBe(0);
    expect(report.deleted.placement).toBe(1);
    expect(report.deleted.reflection).toBe(68);
    expect(report.deleted.evidence_note).toBe(1);
    expect(report.deleted.checkin_pause).toBe(1);

    // The placement that ended half a year ago keeps its content; its check-in rows are past the delivery period.
    expect(await count(t.db, 'placement', 'pl-ended')).toBe(1);
    expect(await count(t.db, 'reflection', 'pl-ended')).toBe(before.endedReflections);
    expect(await count(t.db, 'observation', 'pl-ended')).toBeGreaterThan(0);
    expect(await count(t.db, 'evidence_note', 'pl-ended')).toBe(1);
    expect(await count(t.db, 'checkin_pause', 'pl-ended')).toBe(1);
    expect(await count(t.db, 'checkin', 'pl-ended')).toBe(0);

    // The ongoing placement keeps everything it recorded, however old; only check-in rows of days
    // before the delivery period's cut-off went.
    expect(await count(t.db, 'placement', 'pl-ongoing')).toBe(1);
    expect(await count(t.db, 'reflection', 'pl-ongoing')).toBe(before.ongoingReflections);
    expect(await count(t.db, 'observation', 'pl-ongoing')).toBe(46);
    expect(await count(t.db, 'evidence_note', 'pl-ongoing')).toBe(1);
    expect(await count(t.db, 'checkin_pause', 'pl-ongoing')).toBe(1);
    const recentCheckins = days('2027-03-17', '2027-06-14').length;
    expect(await count(t.db, 'checkin', 'pl-ongoing')).toBe(recentCheckins);
    expect(before.ongoingCheckins).toBeGreaterThan(recentCheckins);
    const oldest = await sql<{ d: string }>`SELECT min(local_date)::text AS d FROM checkin`.execute(t.db);
    expect(oldest.rows[0]?.d).toBe('2027-03-17');

    expect(await idsOf(t.db, 'summary_delivery')).toEqual(['s-new-b', 's-new-i']);
    expect(await idsOf(t.db, 'audit_log')).toEqual(['a-2026-01', 'a-2027-05']);
    // People stay: the school's roster is not retention's to delete.
    expect(await count(t.db, 'person')).toBe(4);
  });

  it('is idempotent: a second run finds nothing more', async () => {
    const report = await applyRetention(t.db, POLICY, NOW);
    expect(report.complete).toBe(true);
    expect(Object.values(report.deleted).every((n) => n === 0)).toBe(true);
    expect(await count(t.db, 'placement')).toBe(2);
  });

  it('leaves export and erasure working', async () => {
    const exported = await exportStudent(t.db, 'st-a');
    expect(exported.placements.map((p) => p.id)).toEqual(['pl-ended']);
    expect(exported.reflections).toHaveLength(before.endedReflections ?? 0);
    expect(exported.checkins).toEqual([]);
    expect(exported.auditEntries.map((a) => a.id)).toEqual(['a-2026-01']);

    const erased = await eraseStudent(t.db, 'st-b', { purge: false });
    expect(erased.placements).toBe(1);
    expect(await count(t.db, 'checkin', 'pl-ongoing')).toBe(0);
    expect(await count(t.db, 'person')).toBe(3);
  });
});
