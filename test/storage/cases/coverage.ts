import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  computeCoverage,
  createEvidenceNoteRepo,
  createObservationRepo,
  createReflectionRepo,
  isStorageError,
} from '../../../src/storage/index.ts';
import { type StorageContext, createTestClock } from '../backends.ts';
import { createPlacementFixture } from '../fixtures.ts';

export function coverageCases(t: StorageContext): void {
  it('derives workplace / otherwise / uncovered per requirement, with counts and the last date', async () => {
    const { placement, instructor, teacher } = await createPlacementFixture(t.db);
    const clock = createTestClock('2026-03-30T10:00:00Z');
    const reflections = createReflectionRepo(t.db, clock);
    const observations = createObservationRepo(t.db, clock);
    const notes = createEvidenceNoteRepo(t.db, clock);
    const reflect = (localDate: string, requirementIds: string[], status: 'answered' | 'skipped' = 'answered') =>
      reflections.upsertForDay({ placementId: placement.id, localDate, status, text: 'x', requirementIds });
    const observe = (authorId: string, day: string, requirementIds: string[]) =>
      observations.create({ placementId: placement.id, authorId, text: 'y', requirementIds, observedAt: new Date(`${day}T10:00:00Z`) });

    await reflect('2026-03-11', ['AH-V1']); // Wednesday: a working day
    await reflect('2026-03-12', ['AH-V1', 'AH-V3']);
    await reflect('2026-03-14', ['AH-V2']); // Saturday: not one of the placement's working days
    await reflect('2026-03-13', ['AH-V7'], 'skipped');
    await observe(instructor.id, '2026-03-20', ['AH-V3']);
    await observe(teacher.id, '2026-03-19', ['AH-V4']); // the teacher is not the workplace instructor
    await observe(instructor.id, '2026-03-18', ['AH-V6']);
    await notes.create({ placementId: placement.id, requirementId: 'AH-V5', text: 'Verkkokurssi suoritettu.', authorId: teacher.id });
    await notes.create({ placementId: placement.id, requirementId: 'AH-V6', text: 'Myös kurssilla.', authorId: teacher.id });

    const other = await createPlacementFixture(t.db);
    await createReflectionRepo(t.db, clock).upsertForDay({
      placementId: other.placement.id,
      localDate: '2026-03-11',
      status: 'answered',
      requirementIds: ['AH-H1'],
    });

    const coverage = await computeCoverage(t.db, placement.id, ['AH-V3', 'AH-V1', 'AH-V2', 'AH-V4', 'AH-V5', 'AH-V6', 'AH-V7', 'AH-H1']);
    expect(coverage).toEqual([
      { requirementId: 'AH-V3', status: 'workplace', reflections: 1, observations: 1, otherwiseNotes: 0, lastDate: '2026-03-20' },
      { requirementId: 'AH-V1', status: 'workplace', reflections: 2, observations: 0, otherwiseNotes: 0, lastDate: '2026-03-12' },
      { requirementId: 'AH-V2', status: 'uncovered', reflections: 1, observations: 0, otherwiseNotes: 0, lastDate: '2026-03-14' },
      { requirementId: 'AH-V4', status: 'uncovered', reflections: 0, observations: 1, otherwiseNotes: 0, lastDate: '2026-03-19' },
      { requirementId: 'AH-V5', status: 'otherwise', reflections: 0, observations: 0, otherwiseNotes: 1, lastDate: '2026-03-30' },
      { requirementId: 'AH-V6', status: 'workplace', reflections: 0, observations: 1, otherwiseNotes: 1, lastDate: '2026-03-30' },
      { requirementId: 'AH-V7', status: 'uncovered', reflections: 0, observations: 0, otherwiseNotes: 0, lastDate: null },
      { requirementId: 'AH-H1', status: 'uncovered', reflections: 0, observations: 0, otherwiseNotes: 0, lastDate: null },
    ]);
    expect(await computeCoverage(t.db, placement.id, [])).toEqual([]);
    await expect(computeCoverage(t.db, 'pl_missing', ['AH-V1'])).rejects.toSatisfy((error) => isStorageError(error, 'not_found'));
  });
}

// Speed is shown by `npm run bench` (bench/storage.bench.ts); this checks the query's answers at scale.
export function coveragePerformanceCases(t: StorageContext): void {
  it(
    'computes one student’s coverage correctly among 100,000 reflections',
    async () => {
      await t.db.transaction().execute(async (trx) => {
        // PGlite runs as a superuser: skip the per-row foreign-key triggers while bulk-loading
        // consistent rows (they dominate the load time in WASM; the rows reference existing ids).
        if (t.backend === 'pglite') await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await sql`INSERT INTO person (id, name, roles)
          SELECT 'perf-s-' || g, 'Perf ' || g, ARRAY['student'] FROM generate_series(1, 1000) g`.execute(trx);
        await sql`INSERT INTO placement (id, student_id, instructor_id, workplace_name, start_date, end_date, status)
          SELECT 'perf-pl-' || g, 'perf-s-' || g, 'perf-s-1', 'Perf Oy', DATE '2025-01-06', DATE '2025-12-31', 'active'
          FROM generate_series(1, 1000) g`.execute(trx);
        await sql`INSERT INTO reflection (id, placement_id, student_id, local_date, status, text, requirement_ids, confidence)
          SELECT 'perf-r-' || p || '-' || d, 'perf-pl-' || p, 'perf-s-' || p, DATE '2025-01-06' + d, 'answered',
                 'Hoidin asiakkaiden yhteydenottoja.',
                 ARRAY['AH-V' || (1 + (p + d) % 7), 'AH-H' || (1 + (p * d) % 12), 'AH-T' || (1 + d % 6)],
                 1 + (p + d) % 5
          FROM generate_series(0, 99) d, generate_series(1, 1000) p`.execute(trx);
      });
      await sql`ANALYZE`.execute(t.db);
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reflection`.execute(t.db);
      expect(count.rows[0]?.n).toBeGreaterThanOrEqual(100_000);

      const requirementIds = [
        ...Array.from({ length: 7 }, (_, i) => `AH-V${i + 1}`),
        ...Array.from({ length: 12 }, (_, i) => `AH-H${i + 1}`),
        ...Array.from({ length: 6 }, (_, i) => `AH-T${i + 1}`),
      ];
      for (let i = 0; i < 5; i += 1) {
        const coverage = await computeCoverage(t.db, `perf-pl-${500 + i}`, requirementIds);
        expect(coverage).toHaveLength(25);
        expect(coverage.reduce((sum, row) => sum + row.reflections, 0)).toBe(300);
      }
    },
    120_000,
  );
}
