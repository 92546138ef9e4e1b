import { afterEach, expect, it } from 'vitest';
import { describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { createHarness, resetTables } from './harness.ts';

describeEachBackend('summary recipients with two roles on %s', (backend) => {
  const t = useTestDatabase(backend);
  afterEach(() => resetTables(t.db));

  it('gives a student who also instructs someone both their own recap and their instructor summary', async () => {
    const h = createHarness(t.db);
    const teacher = await h.person({ roles: ['teacher'] });
    const mikko = await h.person({ roles: ['instructor'] });
    const ville = await h.person({ roles: ['student', 'instructor'] });
    const emma = await h.person({ roles: ['student'] });
    await h.placement({ studentId: ville, instructorId: mikko, teacherId: teacher, startDate: '2026-11-02', endDate: '2026-12-18' });
    await h.placement({ studentId: emma, instructorId: ville, teacherId: teacher, startDate: '2026-11-02', endDate: '2026-12-18' });
    await h.run('2026-11-06T12:30:00Z');
    const keys = h.keys('summary:');
    console.log(keys);
    expect(keys.filter((k) => k.includes(ville)).sort()).toEqual([`summary:instructor:${ville}:2026-11-02`, `summary:student:${ville}:2026-11-02`]);
  });
});
