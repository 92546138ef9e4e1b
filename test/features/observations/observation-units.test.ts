// Observations of a student on two units: requirements of either unit can be picked (one picker per
// unit), suggestions come from both, and the indication of level follows the units' grading scale
// (a pass/fail unit has no grades 1–5 to indicate).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormField, FormReply, Reply } from '../../../src/conversation/reply.ts';
import { buildObservationForm } from '../../../src/features/observations/observation-form.ts';
import type { Unit } from '../../../src/knowledge/schema.ts';
import type { Person } from '../../../src/storage/index.ts';
import type { TestCore } from '../../support/core.ts';
import { AINO_PLACEMENT, createTwoUnitCore, knowledgeB } from '../progress/two-units.ts';

const kb = knowledgeB();
const ah = kb.unit('asiakkuuksien-hoitaminen') as Unit;
const tb = kb.unit('testiosa-beeta') as Unit;
const formOf = (replies: Reply[]) => replies.find((r): r is FormReply => r.kind === 'form');
const field = (form: FormReply | undefined, id: string): FormField | undefined => form?.fields.find((f) => f.id === id);

describe('observations of a student on two units', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTwoUnitCore();
  });
  afterAll(async () => t?.close());

  it('offers both units, suggests from both, and grades 1–5 from the unit graded so', async () => {
    const form = formOf(await t.say('mikko', 'havainto Aino: purki kuorman trukilla turvallisesti ja hoiti asiakkaan reklamaation'));
    const customer = field(form, 'requirements:asiakkuuksien-hoitaminen');
    const warehouse = field(form, 'requirements:testiosa-beeta');
    expect(customer?.label).toBe('Ammattitaitovaatimukset: Asiakkuuksien hoitaminen');
    expect(warehouse?.type === 'multi-select' && warehouse.initial).toContain('TB-V4');
    const level = field(form, 'level');
    expect(level?.type === 'select' && level.options.map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('saves requirements of both units with the level, and lists them per unit', async () => {
    const replies = await t.submit('mikko', { formKind: 'observation', formId: AINO_PLACEMENT, values: { text: 'Purki kuorman ja hoiti reklamaation', 'requirements:asiakkuuksien-hoitaminen': ['AH-H1'], 'requirements:testiosa-beeta': ['TB-V4', 'XX-1'], level: '4' } });
    const text = JSON.stringify(replies);
    expect(text).toContain('"text":"Testiosa Beeta"');
    expect(text).toContain('Tason arvio: Hyvä 4');
    const [saved] = await t.store.observations.listForPlacement(AINO_PLACEMENT, { from: '2026-11-23', to: '2026-11-23' }, { visibleToStudentOnly: false });
    expect(saved).toMatchObject({ requirementIds: ['AH-H1', 'TB-V4'], level: 4 });
  });

  it('has no grade select, and keeps no level, when every unit of the placement is pass/fail', async () => {
    const student = { id: 'aino', name: 'Aino Virtanen' } as Person;
    const form = buildObservationForm({ units: [tb], placementId: AINO_PLACEMENT, student, text: 'x', suggested: [], lang: 'fi' });
    expect(form.fields.map((f) => f.id)).toEqual(['text', 'requirements']);
    expect(buildObservationForm({ unit: ah, placementId: AINO_PLACEMENT, student, text: 'x', suggested: [], lang: 'fi' }).fields.map((f) => f.id)).toEqual(['text', 'requirements', 'level']);

    await sql`UPDATE placement SET unit_ids = ARRAY['testiosa-beeta'] WHERE id = ${AINO_PLACEMENT}`.execute(t.store.db);
    await t.submit('mikko', { formKind: 'observation', formId: AINO_PLACEMENT, values: { text: 'Keräsi tilauksen oikein', requirements: ['TB-K1'], level: '5' } });
    const all = await t.store.observations.listForPlacement(AINO_PLACEMENT, { from: '2026-11-23', to: '2026-11-23' }, { visibleToStudentOnly: false });
    expect(all.find((o) => o.text === 'Keräsi tilauksen oikein')).toMatchObject({ requirementIds: ['TB-K1'], level: null });
  });
});
