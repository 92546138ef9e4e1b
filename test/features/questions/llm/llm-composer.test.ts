import { afterEach, describe, expect, it } from 'vitest';
import { renderPlainText } from '../../../../src/conversation/render-text.ts';
import type { LlmAnswer } from '../../../../src/features/questions/llm/answer-schema.ts';
import { delayed, echoResponder, httpError, completion, offeredIds, structured, userPromptOf, type Responder } from '../../../support/fake-openai.ts';
import { realKnowledge } from '../../../support/knowledge.ts';
import { startHarness, type LlmHarness } from '../../../llm/setup.ts';

const { kb, answers: deterministic } = realKnowledge();

let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(responder: Responder, options: { timeoutMs?: number } = {}): Promise<LlmHarness> {
  harness = await startHarness({ responder, ...options });
  return harness;
}

const answerWith = (answer: LlmAnswer): Responder => () => structured(answer);

/** The deterministic reply, for comparing a fallback with the floor. */
const floorFor = async (question: string) => (await deterministic.answer(question)).reply;

describe('the LLM composer behind the answer service', () => {
  it('uses the model\'s text and prints the knowledge base\'s own wording for what it quotes', async () => {
    const h = await start(answerWith({
      intro: 'Grade 3 asks you to work independently and to judge your own work realistically.',
      points: [{ text: 'Independence is the big step up from grade 2.', cite: ['AH-G3.1'] }],
      quotes: [{ id: 'AH-G3.1' }],
      outro: 'Ask your instructor which tasks count as a whole work task.',
    }));
    const answer = await h.service.answer('What does grade 3 require?');
    expect(answer.composer).toBe('llm');
    const text = renderPlainText(answer.reply);
    expect(text).toContain('Grade 3 asks you to work independently');
    // Every criterion of the level is shown verbatim, in Finnish with the translation.
    for (const id of ['AH-G3.1', 'AH-G3.2', 'AH-G3.3', 'AH-G3.4', 'AH-G3.5']) {
      const item = kb.cite(kb.item(id) ?? expect.fail(id), 'en');
      expect(text).toContain(item.text_fi);
      expect(text).toContain(item.text_en);
    }
    expect(answer.reply.citations.map((c) => c.id)).toEqual(['AH-G3.1', 'AH-G3.2', 'AH-G3.3', 'AH-G3.4', 'AH-G3.5']);
    expect(answer.reply.lang).toBe('en');
  });

  it('sends only the plan\'s items, never the rest of the knowledge base', async () => {
    const h = await start(echoResponder);
    await h.service.answer('pitääkö noudattaa aikatauluja');
    expect(h.fake.requests).toHaveLength(1);
    const sent = h.fake.requests[0] ?? expect.fail('no request');
    expect(offeredIds(sent)).toEqual(['AH-H6']);
    // AH-V1 is another requirement of the unit; it has no business in this prompt.
    expect(userPromptOf(sent)).not.toContain('selvittää organisaation tapoja');
  });

  it('shows only what the model quotes when the question is open', async () => {
    const h = await start(answerWith({ intro: 'Yes: information security is part of the unit.', points: [], quotes: [{ id: 'AH-T2' }], outro: null }));
    const answer = await h.service.answer('is information security part of this unit');
    expect(answer.composer).toBe('llm');
    expect(answer.reply.citations.map((c) => c.id)).toEqual(['AH-T2']);
  });

  it('rejects an answer citing an id it was not given, and gives the deterministic answer', async () => {
    const h = await start(answerWith({ intro: 'Grade 3 is about independence.', points: [{ text: 'Work independently.', cite: ['AH-G9.9'] }], quotes: [], outro: null }));
    const answer = await h.service.answer('What does grade 3 require?');
    expect(answer.composer).toBe('deterministic');
    expect(answer.reply).toEqual(await floorFor('What does grade 3 require?'));
    const warning = h.log.warnings().find((l) => l.msg.startsWith('llm answer rejected'));
    expect(warning).toMatchObject({ reason: 'unknown-citation', count: 1, intent: 'grade-criteria' });
    // The reason is logged, never the texts.
    expect(h.log.lines.join('\n')).not.toContain('Work independently');
    expect(h.log.lines.join('\n')).not.toContain('What does grade 3 require');
  });

  it('rejects a quote of an id that was not given (an existing record of another grade)', async () => {
    const h = await start(answerWith({ intro: 'Here are the criteria.', points: [], quotes: [{ id: 'AH-G5.4' }], outro: null }));
    const answer = await h.service.answer('What does grade 3 require?');
    expect(answer.composer).toBe('deterministic');
    expect(h.log.warnings()).toContainEqual(expect.objectContaining({ reason: 'unknown-quote' }));
  });

  it('falls back on output that is not valid JSON, and on JSON of the wrong shape', async () => {
    const h = await start(() => completion('{"intro": "Grade 3'));
    expect((await h.service.answer('What does grade 3 require?')).composer).toBe('deterministic');
    h.fake.respondWith(() => structured({ intro: 'Hi', points: 'none', quotes: [] }));
    expect((await h.service.answer('What does grade 3 require?')).composer).toBe('deterministic');
    expect(h.log.warnings().filter((l) => l.code === 'invalid-output')).toHaveLength(2);
  });

  it('falls back when the text states a criterion that is not among the cited ones', async () => {
    // The question is grade 3; the intro slips in grade 5's development proposals.
    const h = await start(answerWith({
      intro: 'For grade 3 you also present well-founded development proposals concerning the work and its environment.',
      points: [], quotes: [], outro: null,
    }));
    const answer = await h.service.answer('What does grade 3 require?');
    expect(answer.composer).toBe('deterministic');
    expect(h.log.warnings()).toContainEqual(expect.objectContaining({ reason: 'uncited-claim' }));
  });

  it('falls back when the text states a requirement it does not cite', async () => {
    const h = await start(answerWith({
      intro: 'Kyllä, tietoturva kuuluu tutkinnon osaan.',
      points: [{ text: 'Lisäksi opiskelija noudattaa sovittuja aikatauluja.', cite: ['AH-T2'] }],
      quotes: [{ id: 'AH-T2' }], outro: null,
    }));
    expect((await h.service.answer('kuuluuko tietoturva tähän tutkinnon osaan')).composer).toBe('deterministic');
    expect(h.log.warnings()).toContainEqual(expect.objectContaining({ reason: 'uncited-claim' }));
  });

  it('falls back when the text is not in the question\'s language', async () => {
    const h = await start(answerWith({ intro: 'Arvosanaan 3 vaaditaan itsenäistä työskentelyä ja realistista itsearviointia.', points: [], quotes: [], outro: null }));
    const answer = await h.service.answer('What does grade 3 require?');
    expect(answer.composer).toBe('deterministic');
    expect(h.log.warnings()).toContainEqual(expect.objectContaining({ reason: 'wrong-language' }));
  });

  it('retries a timeout twice, then gives the deterministic answer', async () => {
    const h = await start(() => delayed(3_000, structured({ intro: 'late', points: [], quotes: [], outro: null })), { timeoutMs: 200 });
    const answer = await h.service.answer('mitä arvosanaan kiitettävä 5 vaaditaan');
    expect(answer.composer).toBe('deterministic');
    expect(h.fake.requests).toHaveLength(3);
    expect(h.log.warnings()).toContainEqual(expect.objectContaining({ code: 'timeout' }));
  });

  it('retries 429 and 500 twice each, then gives the deterministic answer', async () => {
    const h = await start(() => httpError(429, { retryAfter: 0 }));
    expect((await h.service.answer('hyvä 4 kriteerit')).composer).toBe('deterministic');
    expect(h.fake.requests).toHaveLength(3);
    h.fake.respondWith(() => httpError(500));
    expect((await h.service.answer('hyvä 4 kriteerit')).composer).toBe('deterministic');
    expect(h.fake.requests).toHaveLength(6);
    expect(h.log.warnings().map((l) => l.code)).toEqual(expect.arrayContaining(['rate-limited', 'unavailable']));
  });

  it('sends nothing for replies the deterministic composer keeps', async () => {
    const h = await start(echoResponder);
    // Swedish answers too: the uncited-claim check reads Finnish and English only.
    for (const question of ['moi', 'kerro vitsi', 'what does grade 6 require', 'kiitos', 'vad krävs för betyget 4']) {
      expect(h.composer.canCompose(h.service.plan(question))).toBe(false);
      expect((await h.service.answer(question)).composer).toBe('deterministic');
    }
    expect(h.fake.requests).toHaveLength(0);
  });
});
