import { type Kysely, sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { createMaintenance } from '../../src/scheduling/maintenance.ts';
import type { DatabaseSchema } from '../../src/storage/index.ts';
import { describeEachBackend, silentLogger, useTestDatabase } from '../storage/backends.ts';

// The scheduler's nightly maintenance with retention on: it deletes only at night, once a night (in
// slices), on PGlite followed by the vacuum; with retention off it deletes nothing.

const RETENTION = { placementDays: 365, deliveryDays: 90, auditDays: 730 };

async function seedOldAudit(db: Kysely<DatabaseSchema>, n: number): Promise<void> {
  await db.deleteFrom('audit_log').execute();
  await db
    .insertInto('audit_log')
    .values(Array.from({ length: n }, (_, i) => ({ id: `a-old-${i}`, at: new Date('2024-01-01T12:00:00Z'), actor_id: null, action: 'view_summary', subject_person_id: null, details: '{}' })))
    .execute();
  await db.insertInto('audit_log').values({ id: 'a-new', at: new Date('2026-10-01T12:00:00Z'), actor_id: null, action: 'view_summary', subject_person_id: null, details: '{}' }).execute();
}

async function auditRows(db: Kysely<DatabaseSchema>): Promise<number> {
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(db)).rows[0]?.n ?? 0;
}

describeEachBackend('nightly retention in the scheduler maintenance (%s)', (backend) => {
  const t = useTestDatabase(backend);
  beforeEach(async () => seedOldAudit(t.db, 25));

  it('deletes at night only, once a night', async () => {
    const maintenance = createMaintenance({ kind: backend, db: t.db }, silentLogger, { retention: RETENTION });
    await maintenance.runIfDue(new Date('2026-11-02T10:00:00Z'));
    expect(await auditRows(t.db)).toBe(26);

    const night = await maintenance.runIfDue(new Date('2026-11-03T01:00:00Z'));
    expect(night).toBe(backend === 'pglite' ? 'vacuum' : 'retention');
    expect(await auditRows(t.db)).toBe(1);

    // Done for tonight: rows that fall past retention meanwhile wait for the next night.
    await seedOldAudit(t.db, 3);
    expect(await maintenance.runIfDue(new Date('2026-11-03T01:01:00Z'))).toBeNull();
    expect(await auditRows(t.db)).toBe(4);
    expect(await maintenance.runIfDue(new Date('2026-11-04T00:05:00Z'))).toBe(backend === 'pglite' ? 'vacuum' : 'retention');
    expect(await auditRows(t.db)).toBe(1);
  });

  it('deletes nothing with retention off', async () => {
    const maintenance = createMaintenance({ kind: backend, db: t.db }, silentLogger, { retention: null });
    await maintenance.runIfDue(new Date('2026-11-03T01:00:00Z'));
    expect(await auditRows(t.db)).toBe(26);
  });
});
