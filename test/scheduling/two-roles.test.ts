// A person with two roles keeps both: a student who also instructs someone (Ville, say) gets their own
// recap on summary day as well as their instructor's summary, each about the right people.
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
    const ville = await h.person({ name: 'Ville Kaksirooli', roles: ['student', 'instructor'] });
    const emma = await h.person({ name: 'Emma Ohjattava', roles: ['student'] });
    await h.placement({ studentId: ville, instructorId: mikko, teacherId: teacher, startDate: '2026-11-02', endDate: '2026-12-18' });
    await h.placement({ studentId: emma, instructorId: ville, teacherId: teacher, startDate: '2026-11-02', endDate: '2026-12-18' });
    await h.run('2026-11-06T12:30:00Z'); // Friday 14:30 in Helsinki

    expect(h.keys(`summary:`).filter((k) => k.includes(ville)).sort()).toEqual([`summary:instructor:${ville}:2026-11-02`, `summary:student:${ville}:2026-11-02`]);
    const toVille = h.messenger.deliveries().filter((d) => d.userId === `U${ville}`).map((d) => d.replies[0]);
    expect(toVille).toEqual(expect.arrayContaining(['message:Viikkosi 2.11.2026–8.11.2026', 'message:Viikkokooste 2.11.2026–8.11.2026']));
    // Everyone else gets theirs too: Mikko about Ville, the teacher about both, Emma her recap.
    expect(h.keys('summary:').sort()).toEqual([
      `summary:instructor:${mikko}:2026-11-02`, `summary:instructor:${ville}:2026-11-02`,
      `summary:student:${emma}:2026-11-02`, `summary:student:${ville}:2026-11-02`,
      `summary:teacher:${teacher}:2026-11-02`,
    ].sort());
    // A second pass adds nothing.
    await h.run('2026-11-06T13:30:00Z');
    expect(h.keys('summary:')).toHaveLength(5);
  });
});
