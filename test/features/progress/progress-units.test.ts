// "edistymiseni" for a student on two units: how ready each unit is for its skills demonstration,
// then each unit's coverage by its own sections and its own uncovered requirements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageReply } from '../../../src/conversation/reply.ts';
import { sql } from 'kysely';
import { createTestCore, DEMO_NOW, type TestCore } from '../../support/core.ts';
import type { Unit } from '../../../src/knowledge/schema.ts';
import { AINO_PLACEMENT, createTwoUnitCore, knowledgeB } from './two-units.ts';

const kb = knowledgeB();

describe('progress of a student on two units', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTwoUnitCore();
  });
  afterAll(async () => t?.close());

  it('shows each unit with its own coverage and readiness for the demonstration', async () => {
    const ahIds = kb.requirements(kb.unit('asiakkuuksien-hoitaminen') as Unit).map((r) => r.requirement.id);
    const ahCovered = (await t.store.coverage.forPlacement(AINO_PLACEMENT, ahIds)).filter((c) => c.status !== 'uncovered').length;
    expect(ahCovered).toBeGreaterThan(0);
    const text = await t.text('aino', 'edistymiseni');
    expect(text).toContain('Valmius näyttöön, 2 tutkinnon osaa:');
    expect(text).toContain(`Asiakkuuksien hoitaminen: ${ahCovered}/25 · ${25 - ahCovered} vaatimusta vielä ilman näyttöä`);
    expect(text).toContain('Testiosa Beeta: 0/28 · 28 vaatimusta vielä ilman näyttöä');
    expect(text).toContain(`${ahCovered}/25 ammattitaitovaatimusta on näytetty`);
    expect(text).toContain('Tavaran vastaanotto: 0/7');
    expect(text).toContain('Työturvallisuus varastossa: 0/7');
    expect(text).toContain(`Vielä ilman näyttöä (${25 - ahCovered})`);
    expect(text).toContain('Vielä ilman näyttöä (28)');
    expect(text).toContain('[TB-S7]');
  });

  it('counts a requirement of the second unit once it has evidence, and cites the uncovered ones of both', async () => {
    await t.submit('aino', { formKind: 'checkin', formId: `${AINO_PLACEMENT}:2026-11-23`, values: { text: 'Purin kuorman trukilla', 'requirements:testiosa-beeta': ['TB-V4'] } });
    const [reply] = (await t.say('aino', 'my progress')) as MessageReply[];
    const text = JSON.stringify(reply);
    expect(text).toContain('Test unit Beta: **1/28** · 27 requirements still without evidence');
    expect(text).toContain('Receiving goods: **1/7**');
    const cited = new Set(reply?.citations.map((c) => c.id));
    expect(cited.has('TB-V4')).toBe(false);
    expect(cited.has('TB-V1')).toBe(true);
    expect([...cited].some((id) => id.startsWith('AH-'))).toBe(true);
  });

  it("shows the staff the same per unit (the teacher's view)", async () => {
    const text = await t.text('liisa', 'edistyminen Aino');
    expect(text).toContain('Edistyminen: Aino Virtanen');
    expect(text).toContain('Testiosa Beeta: 1/28 · 27 vaatimusta vielä ilman näyttöä');
  });
});

describe('a student on three imported units (test/fixtures/knowledge-multi)', () => {
  let t: TestCore;
  const UNITS = ['asiakkuuksien-hoitaminen', 'tutkinnonosat_106436', 'tutkinnonosat_900003'];
  beforeAll(async () => {
    t = await createTestCore('pglite', DEMO_NOW, { knowledgeDir: 'test/fixtures/knowledge-multi' });
    await sql`UPDATE placement SET unit_ids = ${UNITS}::text[] WHERE id = ${AINO_PLACEMENT}`.execute(t.store.db);
  });
  afterAll(async () => t?.close());

  it('shows the readiness of each unit, whatever its sections, size and scale', async () => {
    const text = await t.text('aino', 'edistymiseni');
    expect(text).toContain('Valmius näyttöön, 3 tutkinnon osaa:');
    expect(text).toContain('Louhintaporaus: 0/21 · 21 vaatimusta vielä ilman näyttöä');
    expect(text).toContain('Työturvallisuuden kehittäminen: 0/3 · 3 vaatimusta vielä ilman näyttöä');
  });

  it('gives the check-in card one picker per unit and the observation form the 1–5 scale', async () => {
    const card = (await t.say('aino', 'reflektoi')).find((r) => r.kind === 'form');
    expect(card?.kind === 'form' && card.fields.filter((f) => f.type === 'multi-select').map((f) => f.id)).toEqual(UNITS.map((id) => `requirements:${id}`));
    const form = (await t.say('mikko', 'havainto Aino: porasi louhintareiät suunnitelman mukaan')).find((r) => r.kind === 'form');
    const level = form?.kind === 'form' ? form.fields.find((f) => f.id === 'level') : undefined;
    expect(level?.type === 'select' && level.options.length).toBe(5);
  });
});
