// A Swedish reader on Slack: the check-in form as Block Kit and its text modal, the sources label and
// the adapter's own notes, with the curriculum's requirements still quoted in Finnish.
import { describe, expect, it } from 'vitest';
import { parseAction, parseViewMetadata } from '../../../src/adapters/slack/interaction-ids.ts';
import { renderCitations } from '../../../src/adapters/slack/render-blocks.ts';
import { renderFormBlocks, renderFormModal, renderTextModal } from '../../../src/adapters/slack/render-form.ts';
import { everyLanguage } from '../../../src/adapters/slack/texts.ts';
import { buildCheckinForm } from '../../../src/features/checkins/checkin-form.ts';
import { buildObservationForm } from '../../../src/features/observations/observation-form.ts';
import type { Person } from '../../../src/storage/index.ts';
import { realKnowledge } from '../../support/knowledge.ts';
import { buttonsOf } from './fixtures.ts';

const { kb } = realKnowledge();
const unit = kb.defaultUnit();
const form = buildCheckinForm({ unit, placementId: 'pl_1', localDate: '2026-12-04', lang: 'sv', existing: null });
const json = (value: unknown) => JSON.stringify(value);

describe('a Swedish check-in form on Slack', () => {
  const blocks = renderFormBlocks(form);

  it('has the Swedish title, labels and write button, and the requirements in Finnish', () => {
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Dagens reflektion 4.12.2026' } });
    const labels = blocks.flatMap((b) => (b.type === 'input' ? [b.label.text] : []));
    expect(labels).toEqual(['Vilka yrkeskunnighetskrav berörde ditt arbete?', 'Hur säker kände du dig?']);
    const [rating] = blocks.flatMap((b) => (b.type === 'input' && b.element.type === 'radio_buttons' ? [b.element.options.map((o) => o.text.text)] : []));
    expect(rating).toEqual(['1 – osäker', '2', '3', '4', '5 – säker']);
    const firstRequirement = unit.sections[0]?.requirements[0]?.text.fi ?? '';
    expect(json(blocks)).toContain(firstRequirement.slice(0, 40));
    // The text is required and lives in the modal, so the write button is the only one.
    expect(buttonsOf({ blocks }).map((b) => b.text.text)).toEqual(['✏️ Skriv dina svar']);
  });

  it('opens its text modal in Swedish, the language riding in the button', () => {
    const ref = parseAction(buttonsOf({ blocks })[0]);
    if (ref.kind !== 'open-text') throw new Error(`expected the text button, got ${ref.kind}`);
    expect(ref.form.l).toBe('sv');
    const target = { kind: 'message' as const, channel: 'D1', ts: '1.2' };
    const modal = renderTextModal(ref.form, target, { confidence: 4 });
    expect(modal.submit?.text).toBe('Spara');
    expect(modal.close?.text).toBe('Avbryt');
    expect(modal.blocks.filter((b) => b.type === 'input').map((b) => ('label' in b ? b.label.text : ''))).toEqual(['Vad gjorde du i dag?', 'Vad var svårt?', 'Behöver du hjälp med något?']);
    expect(parseViewMetadata(modal.private_metadata ?? '')).toEqual({ k: 'checkin', id: form.formId, target, carried: { confidence: 4 } });
  });

  it('shows the observation form as a Swedish modal', () => {
    const student = { id: 'p1', name: 'Aino' } as Person;
    const observation = buildObservationForm({ unit, placementId: 'pl_1', student, text: 'Hon tog hand om en reklamation lugnt.', suggested: [], lang: 'sv' });
    const modal = renderFormModal(observation, { kind: 'dm' });
    expect(modal.title.text).toBe('Observation: Aino');
    expect(modal.submit?.text).toBe('Spara observationen');
    expect(modal.close?.text).toBe('Avbryt');
    expect(json(modal.blocks)).toContain('Jag hittade inget tydligt yrkeskunnighetskrav för observationen.');
    expect(json(modal.blocks)).toContain(unit.assessment.levels[0]?.name.fi);
  });
});

describe('the Slack adapter’s own words in Swedish', () => {
  it('labels the sources', () => {
    const item = kb.item(unit.sections[0]?.requirements[0]?.id ?? '');
    if (!item) throw new Error('no knowledge item');
    expect(json(renderCitations([kb.cite(item, 'sv')], 'sv'))).toContain('*Källor:*');
  });

  it('writes a note for an unknown reader in every language, Finnish first', () => {
    expect(everyLanguage('failureNote').split('\n')).toEqual([
      'Jokin meni pieleen meidän päässämme. Yritä hetken päästä uudelleen.',
      'Something went wrong on our side. Please try again in a moment.',
      'Något gick fel hos oss. Försök igen om en stund.',
    ]);
    expect(everyLanguage('closeButton', ' / ')).toBe('Sulje / Close / Stäng');
  });
});
