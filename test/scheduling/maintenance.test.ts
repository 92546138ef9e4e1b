import { describe, expect, it } from 'vitest';
import { createMaintenance } from '../../src/scheduling/maintenance.ts';
import { silentLogger, useTestDatabase } from '../storage/backends.ts';

describe('embedded database maintenance', () => {
  const t = useTestDatabase('pglite');

  it('analyses at the first tick and vacuums once a night, never in the daytime', async () => {
    const maintenance = createMaintenance({ kind: 'pglite', db: t.db }, silentLogger);
    expect(await maintenance.runIfDue(new Date('2026-11-02T10:00:00Z'))).toBe('analyze');
    expect(await maintenance.runIfDue(new Date('2026-11-02T14:00:00Z'))).toBeNull();
    expect(await maintenance.runIfDue(new Date('2026-11-03T01:00:00Z'))).toBe('vacuum');
    expect(await maintenance.runIfDue(new Date('2026-11-03T02:30:00Z'))).toBeNull();
    expect(await maintenance.runIfDue(new Date('2026-11-04T00:10:00Z'))).toBe('vacuum');
  });

  it('leaves PostgreSQL to its autovacuum', async () => {
    const maintenance = createMaintenance({ kind: 'postgres', db: t.db }, silentLogger);
    expect(await maintenance.runIfDue(new Date('2026-11-03T01:00:00Z'))).toBeNull();
  });
});
