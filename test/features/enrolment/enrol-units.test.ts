// "lisää jakso" with the units a placement covers: several, by id or name; and a unit the bot does
// not know gets the list of the units it knows, with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, DEMO_NOW, type TestCore } from '../../support/core.ts';
import { knownUnitLines } from '../../../src/features/enrolment/unit-refs.ts';
import type { Unit } from '../../../src/knowledge/schema.ts';
import { realKnowledge } from '../../support/knowledge.ts';
import { UNITS_B_DIR } from '../progress/two-units.ts';

const ENROL = 'lisää jakso opiskelija={email} opiskelijan_nimi="Kaisa Kaksi" ohjaaja=mikko.laine@kodintekniikka.example.fi työpaikka="Varasto ja Asiakas Oy" alku=23.11.2026 loppu=29.1.2027';

describe('enrolling a placement with several units', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore('pglite', DEMO_NOW, { knowledgeDir: UNITS_B_DIR });
  });
  afterAll(async () => t?.close());

  const placementOf = async (email: string) => {
    const student = await t.store.people.findByEmail(email);
    return student ? (await t.store.placements.listByStudent(student.id))[0] : undefined;
  };

  it('takes two units by id and by name, and says which', async () => {
    const text = await t.text('liisa', `${ENROL.replace('{email}', 'kaisa@koulu.fi')} tutkinnon_osa="asiakkuuksien-hoitaminen; Testiosa Beeta"`);
    expect(text).toContain('Työpaikkajakso lisätty');
    expect(text).toContain('Tutkinnon osat: Asiakkuuksien hoitaminen, Testiosa Beeta');
    expect((await placementOf('kaisa@koulu.fi'))?.unitIds).toEqual(['asiakkuuksien-hoitaminen', 'testiosa-beeta']);
    // The new student's card has a picker per unit.
    const card = await t.core.handle({ platform: 'local', userId: 'kaisa', tenantId: '', email: 'kaisa@koulu.fi', text: 'reflektoi' });
    expect(JSON.stringify(card)).toContain('"id":"requirements:testiosa-beeta"');
  });

  it('takes "|" between units and the English field name', async () => {
    const text = await t.text('liisa', `enrol student=eero@koulu.fi student_name="Eero Englanti" workplace="Varasto Oy" start=2026-11-23 end=2027-01-29 units="testiosa-beeta|beeta"`);
    expect(text).toContain('Unit: Test unit Beta');
    expect((await placementOf('eero@koulu.fi'))?.unitIds).toEqual(['testiosa-beeta']);
  });

  it('refuses a unit it does not know, lists the units it knows and stores nothing', async () => {
    const text = await t.text('liisa', `${ENROL.replace('{email}', 'outo@koulu.fi')} tutkinnon_osa="Asiakkuuksien hoitaminen; Myynti ja markkinointi"`);
    expect(text).toContain('Tutkinnon osaa "Myynti ja markkinointi" ei ole tietopohjassa; jaksoa ei lisätty.');
    expect(text).toContain('Osaava tuntee 2 tutkinnon osaa');
    expect(text).toContain('Asiakkuuksien hoitaminen (asiakkuuksien-hoitaminen)');
    expect(text).toContain('Testiosa Beeta (testiosa-beeta)');
    expect(await t.store.people.findByEmail('outo@koulu.fi')).toBeNull();
  });

  it('enrols on the default unit when no unit is named', async () => {
    await t.text('liisa', ENROL.replace('{email}', 'oletus@koulu.fi'));
    expect((await placementOf('oletus@koulu.fi'))?.unitIds).toEqual(['asiakkuuksien-hoitaminen']);
  });
});

describe('the units listed for a name the bot does not know', () => {
  const kb = realKnowledge(UNITS_B_DIR).kb;
  const [ah] = kb.units;
  if (!ah) throw new Error('no unit');
  // A school's base holds hundreds of units: only the likeliest are listed, and how many more there are.
  const many: Unit[] = [...kb.units, ...Array.from({ length: 40 }, (_, i) => ({ ...ah, id: `muu-${i}`, citationPrefix: `M${i}`, name: { fi: `Muu osa ${String(i).padStart(2, '0')}` }, aliases: [] }))];

  it('lists the units whose names share the most words first, and counts the rest', () => {
    const { lines, more } = knownUnitLines(many, ['asiakkuuksien hoito'], 'fi');
    expect(lines[0]).toBe('Asiakkuuksien hoitaminen (asiakkuuksien-hoitaminen)');
    expect(lines).toHaveLength(15);
    expect(more).toBe(many.length - 15);
  });

  it('lists them all when there are few', () => {
    expect(knownUnitLines(kb.units, ['x'], 'en')).toEqual({ lines: ['Managing customer relationships (asiakkuuksien-hoitaminen)', 'Test unit Beta (testiosa-beeta)'], more: 0 });
  });
});
