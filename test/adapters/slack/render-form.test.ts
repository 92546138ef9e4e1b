import { describe, expect, it } from 'vitest';
import { readFormValues } from '../../../src/adapters/slack/form-values.ts';
import { parseAction, parseViewMetadata } from '../../../src/adapters/slack/interaction-ids.ts';
import { encodeTextModalRef, renderField, renderFormBlocks, renderFormModal, renderInfoModal, renderTextModal } from '../../../src/adapters/slack/render-form.ts';
import type { FormField, FormReply } from '../../../src/conversation/reply.ts';
import { buttonsOf, checkinForm, observationForm, stateFor } from './fixtures.ts';

const rating = (max: number): FormField => ({ type: 'rating', id: 'confidence', label: 'Varmuus', min: 1, max, minLabel: 'epävarma', maxLabel: 'varma', initial: 3, optional: true });

describe('renderField', () => {
  it('renders a grouped multi-select with its initial choices', () => {
    const requirements = checkinForm.fields.find((f) => f.id === 'requirements');
    if (!requirements) throw new Error('fixture lacks requirements');
    const block = renderField(requirements);
    expect(block).toMatchObject({
      type: 'input',
      block_id: 'osaava:m:requirements',
      optional: false,
      element: { type: 'multi_static_select', action_id: 'osaava_input', initial_options: [{ value: 'AH-V2' }] },
    });
    expect(block?.element.type === 'multi_static_select' && block.element.option_groups?.map((g) => g.label.text)).toEqual(['Asiakaspalvelu', 'Raportointi']);
  });

  it('cuts option labels to Slack’s 75 characters', () => {
    const field: FormField = { type: 'select', id: 's', label: 'S', options: [{ value: 'v', label: 'ä'.repeat(100) }], optional: false };
    const block = renderField(field);
    const text = block?.element.type === 'static_select' ? block.element.options?.[0]?.text.text : '';
    expect(text).toHaveLength(75);
    expect(text?.endsWith('…')).toBe(true);
  });

  it('renders a 1–5 rating as radio buttons labelled at both ends, a longer scale as a select', () => {
    const five = renderField(rating(5));
    expect(five?.element.type).toBe('radio_buttons');
    expect(five?.element.type === 'radio_buttons' && five.element.options.map((o) => o.text.text)).toEqual(['1 – epävarma', '2', '3', '4', '5 – varma']);
    expect(five?.element.type === 'radio_buttons' && five.element.initial_option?.value).toBe('3');
    expect(renderField(rating(11))?.element.type).toBe('static_select');
  });

  it('leaves out a multi-select with nothing to pick', () => {
    expect(renderField({ type: 'multi-select', id: 'r', label: 'R', groups: [{ label: 'tyhjä', options: [] }], initial: [], optional: true })).toBeUndefined();
  });

  it('caps a text input at Slack’s 3,000 characters', () => {
    const block = renderField({ type: 'text', id: 't', label: 'T', multiline: true, maxLength: 4000, optional: false });
    expect(block?.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
  });
});

describe('renderFormBlocks', () => {
  it('puts optional long texts behind a button next to the submit button', () => {
    const blocks = renderFormBlocks(checkinForm);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: checkinForm.title } });
    expect(blocks.filter((b) => b.type === 'input').map((b) => b.type === 'input' && b.block_id)).toEqual(['osaava:m:requirements', 'osaava:r:confidence', 'osaava:t:task']);
    const buttons = buttonsOf({ blocks });
    expect(buttons.map((b) => b.action_id)).toEqual(['osaava_form_submit', 'osaava_form_text']);
    expect(parseAction(buttons[1])).toMatchObject({ kind: 'open-text', form: { k: 'checkin', id: checkinForm.formId, f: [{ id: 'learned', ph: 'Kerro omin sanoin' }, { id: 'next' }] } });
  });

  it('offers only the modal button when a long text is required', () => {
    const required: FormReply = { ...checkinForm, fields: checkinForm.fields.map((f) => (f.id === 'learned' ? { ...f, optional: false } : f)) };
    expect(buttonsOf({ blocks: renderFormBlocks(required) }).map((b) => [b.action_id, b.style])).toEqual([['osaava_form_text', 'primary']]);
  });

  it('puts a long prefilled text inline when it cannot ride in a button', () => {
    const form = observationForm('pitkä havainto '.repeat(200));
    expect(encodeTextModalRef(form)).toBeUndefined();
    const blocks = renderFormBlocks(form);
    expect(JSON.stringify(blocks)).toContain('"multiline":true');
    expect(buttonsOf({ blocks }).map((b) => b.action_id)).toEqual(['osaava_form_submit']);
  });

  it('keeps the inputs and buttons within 50 blocks, giving way on the intro', () => {
    const intro = Array.from({ length: 80 }, (_, i) => ({ type: 'paragraph' as const, text: `ohje ${i}` }));
    const blocks = renderFormBlocks({ ...checkinForm, intro });
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('round-trips: what a user picks in the rendered inputs reads back as the core’s values', () => {
    const state = stateFor({ blocks: renderFormBlocks(checkinForm) }, { requirements: ['AH-V1', 'AH-V5'], confidence: '2', task: '' });
    expect(readFormValues(state)).toEqual({ requirements: ['AH-V1', 'AH-V5'], confidence: 2, task: undefined });
  });
});

describe('modal titles', () => {
  it.each([
    ['Päivän reflektio 4.12.2026', 'Päivän reflektio 4.12.'],
    ['Reflektion för 14.12.2026 och mer', 'Reflektion för 14.12.…'],
    ['Check-in', 'Check-in'],
    ['Havainto: Aino Virtanen, Asiakaspalvelu Oy', 'Havainto: Aino Virtanen…'],
  ])('%s → %s, never cut inside a word or a date', (title, fitted) => {
    const view = renderInfoModal(title, 'Sulje', []);
    expect(view.title.text).toBe(fitted);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
  });
});

describe('modals', () => {
  it('renders the whole form as a modal within Slack’s title and button limits', () => {
    const view = renderFormModal(observationForm('Aino hoiti asiakkaan'), { kind: 'dm' });
    // Whole words within 24 characters; the full title heads the modal.
    expect(view.title.text).toBe('Log an observation…');
    expect(view.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Log an observation about Aino Virtanen', emoji: true } });
    expect(view.submit?.text).toBe('Log it');
    expect(view.close?.text).toBe('Cancel');
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Aino hoiti asiakkaan"');
    expect(parseViewMetadata(view.private_metadata ?? '')).toEqual({ k: 'observation', id: 'obs-draft-1', target: { kind: 'dm' } });
  });

  it('carries what was picked in the message in the text modal, unless it would not fit', () => {
    const ref = parseAction(buttonsOf({ blocks: renderFormBlocks(checkinForm) })[1]);
    if (ref.kind !== 'open-text') throw new Error('expected the text button');
    const target = { kind: 'message' as const, channel: 'D1', ts: '1.2' };
    const small = renderTextModal(ref.form, target, { requirements: ['AH-V1'], confidence: 4 });
    expect(parseViewMetadata(small.private_metadata ?? '')).toEqual({ k: 'checkin', id: checkinForm.formId, target, carried: { requirements: ['AH-V1'], confidence: 4 } });
    const huge = renderTextModal(ref.form, target, { requirements: Array.from({ length: 400 }, (_, i) => `AH-REQ-${i}`) });
    expect((huge.private_metadata ?? '').length).toBeLessThanOrEqual(3000);
    expect(parseViewMetadata(huge.private_metadata ?? '')).toEqual({ k: 'checkin', id: checkinForm.formId, target });
  });
});

describe('readFormValues', () => {
  it('skips blocks that are not ours and element states of the wrong shape', () => {
    expect(
      readFormValues({
        someone_else: { a: { type: 'plain_text_input', value: 'x' } },
        'osaava:r:confidence': { osaava_input: { type: 'radio_buttons', selected_option: { value: 'lots' } } },
        'osaava:m:requirements': { osaava_input: { selected_options: 'AH-V1' } },
        'osaava:t:text': { osaava_input: { type: 'plain_text_input', value: 'Päivitin rekisterin' } },
      }),
    ).toEqual({ confidence: undefined, text: 'Päivitin rekisterin' });
    expect(readFormValues('not an object')).toEqual({});
  });
});
