// Weekly summaries of a student on two units: the week's new evidence, the evidence so far and what
// is still uncovered, each per unit, in the student's recap and in the staff's summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCore } from '../../support/core.ts';
import { AINO_PLACEMENT, createTwoUnitCore } from '../progress/two-units.ts';

describe('weekly summaries of a student on two units', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTwoUnitCore(); // Monday 23.11.2026
    // Evidence for one requirement of each unit today.
    await t.submit('aino', { formKind: 'checkin', formId: `${AINO_PLACEMENT}:2026-11-23`, values: { text: 'Hoidin reklamaation ja purin kuorman', 'requirements:asiakkuuksien-hoitaminen': ['AH-H1'], 'requirements:testiosa-beeta': ['TB-V4'] } });
  });
  afterAll(async () => t?.close());

  it("gives the student's recap per unit", async () => {
    const text = await t.text('aino', 'viikkokooste');
    expect(text).toContain('Asiakkuuksien hoitaminen · Testiosa Beeta · Kodin Tekniikka Oy');
    expect(text).toMatch(/Uutta näyttöä tällä viikolla \(\d+\):\nAsiakkuuksien hoitaminen\n( {2}• .*\n)+Testiosa Beeta\n {2}• purkaa kuorman turvallisesti trukkia käyttäen \[TB-V4\]/);
    expect(text).toMatch(/Asiakkuuksien hoitaminen: näyttöä kertynyt \d+\/25:/);
    expect(text).toContain('Testiosa Beeta: näyttöä kertynyt 1/28:');
    expect(text).toContain('Tavaran vastaanotto: 1/7');
    expect(text).toContain('Testiosa Beeta: vielä ilman näyttöä (27):');
    // The uncovered list is a preview while the end is far: five, then how many more.
    expect(text).toContain('… ja 22 muuta.');
  });

  it("gives the teacher's summary per unit too", async () => {
    const text = await t.text('liisa', 'viikkokooste Aino');
    expect(text).toContain('Testiosa Beeta: näyttöä kertynyt 1/28:');
    expect(text).toContain('Testiosa Beeta: vielä ilman näyttöä (27):');
    expect(text).toMatch(/Asiakkuuksien hoitaminen: (vielä ilman näyttöä \(\d+\)|jokaisesta vaatimuksesta on näyttöä)/);
  });

  it('keeps the one-unit summary as it was for a student on one unit', async () => {
    const text = await t.text('ville', 'viikkokooste');
    expect(text).toMatch(/Näyttöä kertynyt yhteensä \d+\/25:/);
    expect(text).not.toContain('Testiosa Beeta');
  });
});
