import { describe, expect, it } from 'vitest';
import type { LlmAnswer } from '../../../../src/features/questions/llm/answer-schema.ts';
import { quoteModeFor } from '../../../../src/features/questions/llm/answer-scope.ts';
import { validateLlmAnswer } from '../../../../src/features/questions/llm/validate-answer.ts';
import { realKnowledge } from '../../../support/knowledge.ts';

const { kb, answers } = realKnowledge();

function verdict(question: string, answer: Partial<LlmAnswer>) {
  const plan = answers.plan(question);
  const mode = quoteModeFor(plan) ?? expect.fail(`no LLM answer for ${question}`);
  return validateLlmAnswer({ intro: '', points: [], quotes: [], outro: null, ...answer }, plan, mode, kb);
}

describe('validateLlmAnswer', () => {
  it('shows every planned item for a listing question, whatever the model quotes', () => {
    const v = verdict('mitä valmistautuminen ja työn suunnittelu sisältää', { intro: 'Valmistautumisessa selvitetään ennen kaikkea asiakkuuksia.' });
    expect(v.ok && v.shown.map((i) => i.id)).toEqual(['AH-V1', 'AH-V2', 'AH-V3', 'AH-V4', 'AH-V5', 'AH-V6', 'AH-V7']);
  });

  it('for an open question shows the quotes plus any requirement a point cites', () => {
    const v = verdict('is information security part of this unit', { intro: 'Yes, it is part of the unit.', points: [{ text: 'See the reporting side as well.', cite: ['AH-T3'] }], quotes: [{ id: 'AH-T2' }] });
    // In the plan's order (the closer match, T3 "tietoturvasta", first).
    expect(v.ok && v.shown.map((i) => i.id).sort()).toEqual(['AH-T2', 'AH-T3']);
    expect(v.ok && v.cited.map((i) => i.id).sort()).toEqual(['AH-T2', 'AH-T3']);
  });

  it('rejects an open answer that rests on nothing', () => {
    expect(verdict('what is the monituottajamalli', { intro: 'It is a model with many producers.' })).toEqual({ ok: false, reason: 'nothing-cited', count: 0 });
  });

  it('rejects an empty or an overlong answer', () => {
    expect(verdict('hyvä 4 kriteerit', { intro: '  ' })).toMatchObject({ ok: false, reason: 'empty-answer' });
    expect(verdict('hyvä 4 kriteerit', { intro: 'Hyvä 4 on hyvä. '.repeat(60) })).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('accepts a correct English answer that names the Finnish grade', () => {
    expect(verdict('What does grade 3 require?', { intro: 'For Hyvä 3 you need to work more independently than at grade 2.', points: [{ text: 'Your instructor watches how you handle whole tasks.', cite: ['AH-G3.1'] }] })).toMatchObject({ ok: true });
  });
});
