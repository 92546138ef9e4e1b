// An enrolment is one transaction: the people created (or given a role), the placement and its audit
// entry are stored together or not at all. The failure is injected at the very last step, the audit
// insert, with a constraint only this test adds.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, OPEN_TIMEOUT } from '../../storage/backends.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';

const ENROL = 'lisää jakso opiskelija={s}@koulu.fi opiskelijan_nimi="Uusi Opiskelija" ohjaaja={i}@yritys.fi ohjaajan_nimi="Uusi Ohjaaja" työpaikka="{w}" alku=1.12.2026 loppu=26.2.2027';
const enrolText = (key: string) => ENROL.replace('{s}', `s-${key}`).replace('{i}', `i-${key}`).replace('{w}', `Testi ${key} Oy`);

describeEachBackend('an enrolment is all or nothing on %s', (backend) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(backend);
  }, OPEN_TIMEOUT);
  afterAll(async () => t?.close());

  const placementsAt = async (workplace: string) => (await t.store.placements.listAll()).filter((p) => p.workplaceName === workplace);

  it('stores the new people, the placement and its audit entry', async () => {
    expect(await t.text('liisa', enrolText('ok'))).toContain('Työpaikkajakso lisätty');
    const student = await t.store.people.findByEmail('s-ok@koulu.fi');
    const instructor = await t.store.people.findByEmail('i-ok@yritys.fi');
    expect(student?.roles).toEqual(['student']);
    expect(instructor?.roles).toEqual(['instructor']);
    const [placement] = await placementsAt('Testi ok Oy');
    expect(placement).toMatchObject({ studentId: student?.id, instructorId: instructor?.id, teacherId: 'liisa', startDate: '2026-12-01' });
    const entries = await t.store.audit.listAbout(student!.id);
    expect(entries.map((e) => [e.actorId, e.action, e.details])).toEqual([['liisa', 'enrol_placement', { placementId: placement!.id }]]);
  });

  it('leaves no person, no placement and no role change when the last step fails', async () => {
    await sql`ALTER TABLE audit_log ADD CONSTRAINT test_no_enrolment CHECK (action <> 'enrol_placement') NOT VALID`.execute(t.store.db);
    try {
      // Through the chat: the teacher is told it failed, and nothing of it is stored.
      const reply = await t.text('liisa', enrolText('fail'));
      expect(reply).not.toContain('lisätty');
      expect(await t.store.people.findByEmail('s-fail@koulu.fi')).toBeNull();
      expect(await t.store.people.findByEmail('i-fail@yritys.fi')).toBeNull();
      expect(await placementsAt('Testi fail Oy')).toEqual([]);

      // The repository directly, with a role added to someone known (as an admin's enrolment does).
      await expect(t.store.placements.enrol({
        actorId: 'admin',
        student: { create: { name: 'Toinen Uusi', email: 's-repo@koulu.fi', roles: ['student'] } },
        instructor: { id: 'liisa', addRole: 'instructor' },
        placement: { teacherId: 'liisa', workplaceName: 'Testi repo Oy', startDate: '2026-12-01', endDate: '2027-02-26' },
      })).rejects.toThrow(/test_no_enrolment/);
      expect(await t.store.people.findByEmail('s-repo@koulu.fi')).toBeNull();
      expect((await t.store.people.findById('liisa'))?.roles).toEqual(['teacher']);
      expect(await placementsAt('Testi repo Oy')).toEqual([]);
    } finally {
      await sql`ALTER TABLE audit_log DROP CONSTRAINT test_no_enrolment`.execute(t.store.db);
    }

    // The same enrolment goes through once the audit can be written, with the role change recorded.
    const result = await t.store.placements.enrol({
      actorId: 'admin',
      student: { create: { name: 'Toinen Uusi', email: 's-repo@koulu.fi', roles: ['student'] } },
      instructor: { id: 'liisa', addRole: 'instructor' },
      placement: { teacherId: 'liisa', workplaceName: 'Testi repo Oy', startDate: '2026-12-01', endDate: '2027-02-26' },
    });
    expect(result.instructor?.roles).toEqual(['teacher', 'instructor']);
    const [entry] = await t.store.audit.listAbout(result.student.id);
    expect(entry?.details).toEqual({ placementId: result.placement.id, rolesAdded: [{ personId: 'liisa', role: 'instructor' }] });
    expect(await t.text('liisa', enrolText('fail'))).toContain('Työpaikkajakso lisätty');
  });

  it('refuses the same person as student and instructor before storing anything', async () => {
    const reply = await t.text('liisa', 'lisää jakso opiskelija=sama@koulu.fi opiskelijan_nimi="Sama Henkilö" ohjaaja=sama@koulu.fi työpaikka="Testi sama Oy" alku=1.12.2026 loppu=26.2.2027');
    expect(reply).toContain('sama henkilö');
    expect(await t.store.people.findByEmail('sama@koulu.fi')).toBeNull();
  });
});
