// The daily check-in form and its saved reply in each language: Osaava's own words come from the
// check-in catalogue, while the requirements stay in the curriculum's words (Finnish until the
// knowledge base has Swedish; never our English translation for a Swedish reader).
import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../src/conversation/reply.ts';
import { buildCheckinForm, checkinRecordedReply } from '../../../src/features/checkins/checkin-form.ts';
import { CHECKIN_QUESTIONS, questionFor } from '../../../src/features/checkins/checkin-questions.ts';
import { texts } from '../../../src/features/checkins/texts.ts';
import { LANGS } from '../../../src/i18n/lang.ts';
import type { Unit } from '../../../src/knowledge/schema.ts';
import type { Reflection } from '../../../src/storage/index.ts';
import { realKnowledge } from '../../support/knowledge.ts';
import { userText } from '../../../src/conversation/reply.ts';

const { kb } = realKnowledge();
const unit = kb.defaultUnit();
const DATE = '2026-12-04';
const form = (lang: 'fi' | 'en' | 'sv', u: Unit = unit) => buildCheckinForm({ unit: u, placementId: 'pl_1', localDate: DATE, lang, existing: null });
const field = (fields: FormField[], id: string) => {
  const found = fields.find((f) => f.id === id);
  if (!found) throw new Error(`no field ${id}`);
  return found;
};
const requirementGroups = (fields: FormField[]) => {
  const f = field(fields, 'requirements');
  if (f.type !== 'multi-select') throw new Error('requirements is not a multi-select');
  return f.groups;
};

describe('the check-in form in Swedish', () => {
  const sv = form('sv');

  it('has Swedish title, question, labels and button', () => {
    expect(sv.lang).toBe('sv');
    expect(sv.title).toBe('Dagens reflektion 4.12.2026');
    expect(sv.intro[0]).toEqual({ type: 'paragraph', text: questionFor(DATE, 'sv', [unit.id]) });
    expect(CHECKIN_QUESTIONS.map((q) => texts.in('sv')(q.key))).toContain(questionFor(DATE, 'sv', [unit.id]));
    expect(sv.fields.map((f) => f.label)).toEqual([
      'Vad gjorde du i dag?',
      'Vilka yrkeskunnighetskrav berörde ditt arbete?',
      'Hur säker kände du dig?',
      'Vad var svårt?',
      'Behöver du hjälp med något?',
    ]);
    expect(field(sv.fields, 'confidence')).toMatchObject({ minLabel: 'osäker', maxLabel: 'säker' });
    expect(sv.submitLabel).toBe('Spara');
  });

  it('offers the requirements in the curriculum’s Finnish words, never the English translation', () => {
    const groups = requirementGroups(sv.fields);
    expect(groups.map((g) => g.label)).toEqual(unit.sections.map((s) => s.title.fi));
    expect(groups.flatMap((g) => g.options.map((o) => o.label))).toEqual(unit.sections.flatMap((s) => s.requirements.map((r) => r.text.fi)));
  });

  it('uses the curriculum’s Swedish where the knowledge base has it', () => {
    const [first, ...rest] = unit.sections;
    if (!first?.requirements[0]) throw new Error('unit has no requirements');
    const [req, ...others] = first.requirements;
    const withSwedish: Unit = {
      ...unit,
      sections: [{ ...first, title: { ...first.title, sv: 'Kundbetjäning' }, requirements: [{ ...req, text: { ...req.text, sv: 'betjänar kunder' } }, ...others] }, ...rest],
    };
    const groups = requirementGroups(form('sv', withSwedish).fields);
    expect(groups[0]?.label).toBe('Kundbetjäning');
    expect(groups[0]?.options[0]).toEqual({ value: req.id, label: 'betjänar kunder' });
    expect(groups[0]?.options[1]?.label).toBe(others[0]?.text.fi);
  });

  it('keeps the Finnish and English forms as they were', () => {
    const fi = form('fi');
    const en = form('en');
    expect(fi.title).toBe('Päivän reflektio 4.12.2026');
    expect(en.title).toBe('Daily reflection, 4 Dec 2026');
    expect(field(fi.fields, 'text').label).toBe('Mitä teit tänään?');
    expect(field(en.fields, 'requirements').label).toBe('Which requirements did your work touch?');
    expect(requirementGroups(en.fields)[0]?.options[0]?.label).toBe(unit.sections[0]?.requirements[0]?.text.en);
    expect([fi.submitLabel, en.submitLabel]).toEqual(['Tallenna', 'Save']);
  });

  it('says that today’s answer can be edited, in Swedish', () => {
    const reflection = { localDate: DATE, status: 'answered', text: 'Jag hjälpte en kund.', requirementIds: [], confidence: 4 } as unknown as Reflection;
    const editing = buildCheckinForm({ unit, placementId: 'pl_1', localDate: DATE, lang: 'sv', existing: reflection });
    expect(editing.intro[1]).toEqual({ type: 'context', text: 'Du har redan svarat i dag; du kan redigera ditt svar.' });
    expect(field(editing.fields, 'text')).toMatchObject({ initial: 'Jag hjälpte en kund.' });
  });
});

describe('the saved check-in in Swedish', () => {
  it('confirms in Swedish and quotes the requirements in Finnish', () => {
    const req = unit.sections[0]?.requirements[0];
    if (!req) throw new Error('unit has no requirements');
    const reflection = { localDate: DATE, status: 'answered', text: 'Jag hjälpte en kund.', requirementIds: [req.id], confidence: 4, helpNeeded: 'kassasystemet' } as unknown as Reflection;
    const reply = checkinRecordedReply(unit, reflection, 'sv', true);
    expect(reply.blocks).toEqual([
      { type: 'heading', text: 'Reflektionen har sparats ✓' },
      { type: 'context', text: '4.12.2026 · säkerhet 4/5' },
      { type: 'quote', text: userText('Jag hjälpte en kund.') },
      { type: 'list', items: [{ text: req.text.fi, cite: req.id }] },
      { type: 'paragraph', text: `Ditt behov av hjälp förmedlas till din handledare i veckosammandraget: _${userText('kassasystemet')}_` },
      { type: 'context', text: 'Du kan redigera svaret i dag genom att skriva "reflektera".' },
    ]);
    expect(checkinRecordedReply(unit, reflection, 'sv', false).blocks[0]).toEqual({ type: 'heading', text: 'Reflektionen har uppdaterats ✓' });
  });
});

describe('the check-in catalogue', () => {
  it('has a day’s question in every language for every question', () => {
    for (const q of CHECKIN_QUESTIONS) {
      for (const lang of LANGS) expect(texts.in(lang)(q.key).length, `${lang}.${q.key}`).toBeGreaterThan(10);
    }
  });

  it('names every day’s state in every language', () => {
    for (const lang of LANGS) {
      const states = ['answered', 'absent', 'skipped', 'paused', 'missed', 'today', 'coming'].map((state) => texts.in(lang)('weekDay', { date: 'd', state }));
      expect(new Set(states).size, lang).toBe(7);
    }
    expect(texts.in('sv')('weekDay', { date: '4.12.2026', state: 'missed' })).toBe('4.12.2026: inget svar');
  });
});

describe("the day's opening question", () => {
  const days = Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10));
  const customers = texts.in('fi')('questionLearnedAboutCustomers');

  it('asks about customers only a student whose units are about customers, and rotates the rest for everyone', () => {
    const onCustomerUnit = days.map((d) => questionFor(d, 'fi', ['asiakkuuksien-hoitaminen']));
    const elsewhere = days.map((d) => questionFor(d, 'fi', ['tutkinnonosat_106436']));
    expect(onCustomerUnit).toContain(customers);
    expect(elsewhere).not.toContain(customers);
    expect(new Set(elsewhere).size).toBe(CHECKIN_QUESTIONS.filter((q) => !q.forUnits).length);
  });
});
