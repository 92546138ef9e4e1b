// The data paths at scale on the embedded database: 100,000 reflections inserted through Kysely in
// batches, one student's coverage, all weekly aggregates for 10,000 placements, and memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCoverage, createDatabase, weeklyAggregates } from '../src/storage/index.ts';
import { createLogger } from '../src/logging/logger.ts';
import { mb, ms, percentile, type BenchSection } from './report.ts';

const PLACEMENTS = 10_000;
const REFLECTIONS_PER_PLACEMENT = 10;
const BATCH = 2_000;
const REQUIREMENTS = [
  ...Array.from({ length: 7 }, (_, i) => `AH-V${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `AH-H${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `AH-T${i + 1}`),
];

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function benchStorage(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'osaava-bench-'));
  const rssBefore = process.memoryUsage().rss;
  const database = await createDatabase({ dataDir: join(dir, 'pglite'), logger: createLogger({ level: 'silent' }) });
  const rssOpen = process.memoryUsage().rss;
  const { db } = database;
  try {
    const start = '2026-11-02';
    const people = Array.from({ length: PLACEMENTS }, (_, i) => ({ id: `s${i}`, name: `Opiskelija ${i}`, roles: ['student' as const] }));
    for (let i = 0; i < people.length; i += BATCH) await db.insertInto('person').values(people.slice(i, i + BATCH)).execute();
    const placements = people.map((p, i) => ({ id: `pl${i}`, student_id: p.id, workplace_name: `Yritys ${i % 500} Oy`, unit_ids: ['asiakkuuksien-hoitaminen'], start_date: start, end_date: '2027-01-29', status: 'active' as const }));
    for (let i = 0; i < placements.length; i += BATCH) await db.insertInto('placement').values(placements.slice(i, i + BATCH)).execute();

    // 100,000 reflections, two weeks of working days per placement, in batched transactions.
    const rows = [];
    for (let p = 0; p < PLACEMENTS; p++)
      for (let d = 0; d < REFLECTIONS_PER_PLACEMENT; d++) {
        const day = addDays(start, d + Math.floor(d / 5) * 2); // Monday–Friday
        rows.push({
          id: `r${p}-${d}`, placement_id: `pl${p}`, student_id: `s${p}`, local_date: day, status: 'answered' as const,
          text: 'Hoidin asiakkaiden yhteydenottoja ja päivitin asiakastiedot.',
          requirement_ids: [REQUIREMENTS[(p + d) % 25]!, REQUIREMENTS[(p * 7 + d) % 25]!], confidence: 1 + ((p + d) % 5),
        });
      }
    const insertStarted = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      const chunk = rows.slice(i, i + BATCH);
      await db.transaction().execute((trx) => trx.insertInto('reflection').values(chunk).execute());
    }
    const insertMs = performance.now() - insertStarted;
    const rssLoaded = process.memoryUsage().rss;

    for (let i = 0; i < 5; i++) await computeCoverage(db, `pl${i}`, REQUIREMENTS); // warm-up
    const coverageTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await computeCoverage(db, `pl${(i * 37) % PLACEMENTS}`, REQUIREMENTS);
      coverageTimes.push(performance.now() - t0);
    }
    coverageTimes.sort((a, b) => a - b);

    const weekStarted = performance.now();
    const aggregates = await weeklyAggregates(db, '2026-11-09', '2026-11-15');
    const weekMs = performance.now() - weekStarted;
    const rssAfter = process.memoryUsage().rss;
    const p50 = percentile(coverageTimes, 50);
    const p99 = percentile(coverageTimes, 99);
    return {
      title: 'Storage (embedded PGlite)',
      description: `${PLACEMENTS.toLocaleString('en')} placements and ${rows.length.toLocaleString('en')} reflections in a fresh on-disk PGlite database, inserted through Kysely in transactions of ${BATCH.toLocaleString('en')} rows.`,
      rows: [
        { metric: `${rows.length.toLocaleString('en')} reflections inserted`, value: ms(insertMs), target: '', pass: undefined },
        { metric: 'insert rate', value: `${Math.round(rows.length / (insertMs / 1000)).toLocaleString('en')} rows/s` },
        { metric: "one student's coverage p50", value: ms(p50), target: '< 10 ms', pass: p50 < 10 },
        { metric: "one student's coverage p99", value: ms(p99) },
        { metric: `weekly aggregates, ${aggregates.length.toLocaleString('en')} placements`, value: ms(weekMs), target: '< 10 s', pass: weekMs < 10_000 },
        { metric: 'RSS before opening the database', value: mb(rssBefore) },
        { metric: 'RSS with the database open (empty)', value: mb(rssOpen), target: '', pass: undefined },
        { metric: 'RSS after loading the data', value: mb(rssLoaded) },
        { metric: 'RSS after the queries', value: mb(rssAfter) },
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
