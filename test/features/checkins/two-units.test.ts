// A student on two units gets one requirement picker per unit on the daily card (grouped by the
// unit's sections), can tick requirements of both, and a free-text account is matched against both.
// The card stays within Slack's and Teams' limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUIREMENT_OPTIONS, pickedRequirements, requirementFields } from '../../../src/conversation/requirement-field.ts';
import type { FormField, FormReply, Reply } from '../../../src/conversation/reply.ts';
import { createCheckinComposer } from '../../../src/features/checkins/checkin-messages.ts';
import { buildCheckinForm } from '../../../src/features/checkins/checkin-form.ts';
import type { Unit } from '../../../src/knowledge/schema.ts';
import { renderFormBlocks } from '../../../src/adapters/slack/render-form.ts';
import { readFormValues } from '../../../src/adapters/slack/form-values.ts';
import { renderForm } from '../../../src/adapters/teams/render-form.ts';
import { parseSubmission } from '../../../src/adapters/teams/form-inputs.ts';
import { INPUT_ACTION_ID } from '../../../src/adapters/slack/interaction-ids.ts';
import type { TestCore } from '../../support/core.ts';
import { AINO_PLACEMENT, createTwoUnitCore, knowledgeB } from '../progress/two-units.ts';

const kb = knowledgeB();
const ah = kb.unit('asiakkuuksien-hoitaminen') as Unit;
const tb = kb.unit('testiosa-beeta') as Unit;
const formOf = (replies: Reply[]) => replies.find((r): r is FormReply => r.kind === 'form');
const pickers = (form: FormReply | undefined) => (form?.fields ?? []).filter((f): f is Extract<FormField, { type: 'multi-select' }> => f.type === 'multi-select');

describe('the check-in card of a student on two units', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTwoUnitCore(); // Monday 23.11.2026, 12:00 in Helsinki
  });
  afterAll(async () => t?.close());

  it('has one picker per unit, labelled with the unit and grouped by its own sections', async () => {
    const form = formOf(await t.say('aino', 'reflektoi'));
    const [first, second, ...rest] = pickers(form);
    expect(rest).toEqual([]);
    expect(first?.id).toBe('requirements:asiakkuuksien-hoitaminen');
    expect(first?.label).toBe('Asiakkuuksien hoitaminen: mihin vaatimuksiin työsi liittyi?');
    expect(first?.groups.map((g) => g.label)).toEqual(ah.sections.map((s) => s.title.fi));
    expect(second?.id).toBe('requirements:testiosa-beeta');
    expect(second?.label).toBe('Testiosa Beeta: mihin vaatimuksiin työsi liittyi?');
    // Four sections and 28 requirements: nothing assumes three sections or 25 requirements.
    expect(second?.groups.map((g) => g.label)).toEqual(['Tavaran vastaanotto', 'Keräily ja pakkaus', 'Inventointi', 'Työturvallisuus varastossa']);
    expect(second?.groups.flatMap((g) => g.options)).toHaveLength(28);
  });

  it('is what the scheduler sends too', () => {
    const card = createCheckinComposer(kb)({ placementId: AINO_PLACEMENT, localDate: '2026-11-23', lang: 'en', unitIds: ['asiakkuuksien-hoitaminen', 'testiosa-beeta'], variant: 'checkin' });
    expect(pickers(card).map((f) => f.label)).toEqual(['Managing customer relationships: which requirements did your work touch?', 'Test unit Beta: which requirements did your work touch?']);
  });

  it('records requirements of both units and lists them per unit', async () => {
    const form = formOf(await t.say('aino', 'reflektoi'));
    const replies = await t.submit('aino', {
      formKind: 'checkin',
      formId: form?.formId ?? '',
      values: { text: 'Hoidin reklamaation ja purin kuorman', 'requirements:asiakkuuksien-hoitaminen': ['AH-H1'], 'requirements:testiosa-beeta': ['TB-V4', 'TB-NOPE'] },
    });
    expect((await t.store.reflections.findForDay(AINO_PLACEMENT, '2026-11-23'))?.requirementIds).toEqual(['AH-H1', 'TB-V4']);
    const text = JSON.stringify(replies);
    expect(text).toContain('"text":"Asiakkuuksien hoitaminen"');
    expect(text).toContain('"text":"Testiosa Beeta"');
    expect(text).toContain('"cite":"TB-V4"');
    // The next card shows the saved picks in their own unit's picker.
    const again = pickers(formOf(await t.say('aino', 'reflektoi')));
    expect(again.map((f) => f.initial)).toEqual([['AH-H1'], ['TB-V4']]);
  });

  it('fills the card from a free-text account with requirements of the unit it is about', async () => {
    const form = formOf(await t.say('aino', 'Tänään vastaanotin tavaralähetyksen ja tarkistin sen rahtikirjaa vasten'));
    const [customer, warehouse] = pickers(form);
    expect(warehouse?.initial).toContain('TB-V1');
    // What the day already held stays ticked in its own unit.
    expect(customer?.initial).toEqual(['AH-H1']);
  });
});

describe('a two-unit card on the platforms', () => {
  const form = buildCheckinForm({ units: [ah, tb], placementId: 'pl_1', localDate: '2026-11-23', lang: 'fi', existing: null, suggested: ['AH-V1', 'TB-K2'] });

  it('renders on Slack as one select per unit within 100 options each, and reads both back', () => {
    const blocks = renderFormBlocks(form);
    const selects = blocks.flatMap((b) => (b.type === 'input' && b.element.type === 'multi_static_select' ? [{ block: b, element: b.element }] : []));
    expect(selects).toHaveLength(2);
    for (const { element } of selects) {
      const options = (element.option_groups ?? []).flatMap((g) => g.options);
      expect(options.length).toBeLessThanOrEqual(100);
      expect((element.option_groups ?? []).every((g) => g.label.text.length <= 75)).toBe(true);
    }
    expect(selects.map(({ element }) => (element.option_groups ?? []).flatMap((g) => g.options).length)).toEqual([25, 28]);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const state = Object.fromEntries(selects.map(({ block }, i) => [block.block_id, { [INPUT_ACTION_ID]: { type: 'multi_static_select', selected_options: [{ value: i === 0 ? 'AH-V1' : 'TB-K2' }] } }]));
    expect(pickedRequirements(readFormValues(state), 'requirements')).toEqual(['AH-V1', 'TB-K2']);
  });

  it('renders on Teams as a heading per unit and a choice set per section, and merges the picks back', () => {
    const card = renderForm(form);
    // Teams takes a message of about 28 KB, card included.
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
    const sets = JSON.stringify(card.body).match(/"id":"osv:ms:requirements:[^"]+"/g) ?? [];
    expect(sets).toHaveLength(ah.sections.length + tb.sections.length);
    const parsed = parseSubmission({ osaava: 'submit', formKind: 'checkin', formId: form.formId, 'osv:tx:text': 'x', 'osv:ms:requirements:asiakkuuksien-hoitaminen:0': 'AH-V1,AH-V2', 'osv:ms:requirements:testiosa-beeta:1': 'TB-K2' });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(pickedRequirements(parsed.submission.values, 'requirements')).toEqual(['AH-V1', 'AH-V2', 'TB-K2']);
  });

  it('splits a unit with more requirements than one picker holds', () => {
    const big: Unit = {
      ...tb,
      sections: [0, 1, 2].map((s) => ({ id: `big-${s}`, title: { fi: `Osa ${s + 1}` }, aliases: [], requirements: Array.from({ length: 45 }, (_, i) => ({ id: `BIG-${s}-${i}`, text: { fi: `vaatimus ${s}.${i}` }, keywords: [] })) })),
    };
    const fields = requirementFields([big], 'fi', 'requirements', () => 'Vaatimukset', ['BIG-2-44']);
    expect(fields.map((f) => f.id)).toEqual(['requirements', 'requirements:2']);
    expect(fields.map((f) => f.label)).toEqual(['Vaatimukset (1/2)', 'Vaatimukset (2/2)']);
    const counts = fields.map((f) => (f.type === 'multi-select' ? f.groups.reduce((n, g) => n + g.options.length, 0) : 0));
    expect(counts).toEqual([MAX_REQUIREMENT_OPTIONS, 35]);
    expect(fields.map((f) => (f.type === 'multi-select' ? f.initial : []))).toEqual([[], ['BIG-2-44']]);
  });
});
