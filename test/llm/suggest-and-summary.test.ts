import { afterEach, describe, expect, it } from 'vitest';
import { LlmError } from '../../src/llm/chat-model.ts';
import { suggestRequirementsWithLlm } from '../../src/requirement-suggestions/suggest-with-llm.ts';
import { writeSummaryNarrative, type SummaryFigures } from '../../src/features/summaries/summary-narrative.ts';
import { createRedactor } from '../../src/privacy/index.ts';
import { structured, systemPromptOf, userPromptOf, type Responder } from '../support/fake-openai.ts';
import { startHarness, type LlmHarness } from './setup.ts';

let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function modelAnswering(responder: Responder) {
  harness = await startHarness({ responder });
  return { h: harness, deps: { model: harness.model, redactor: createRedactor() } };
}

async function rejection(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

const candidates = [
  { id: 'AH-H6', text_fi: 'noudattaa sovittuja aikatauluja' },
  { id: 'AH-V3', text_fi: 'hyödyntää valitun asiakkuuden asiakastietoja' },
];

describe('suggestRequirementsWithLlm', () => {
  it('returns the suggested candidate ids, once each', async () => {
    const { h, deps } = await modelAnswering(() => structured({ ids: ['AH-V3', 'AH-V3', 'AH-H6'] }));
    const ids = await suggestRequirementsWithLlm(deps, { text: 'Päivitin asiakasrekisteriä ja pysyin aikataulussa.', lang: 'fi', candidates });
    expect(ids).toEqual(['AH-V3', 'AH-H6']);
    expect(systemPromptOf(h.fake.requests[0] ?? expect.fail('no request'))).toContain('[AH-V3] hyödyntää valitun asiakkuuden asiakastietoja');
  });

  it('rejects a reply naming an id that was not a candidate', async () => {
    const { deps } = await modelAnswering(() => structured({ ids: ['AH-H6', 'AH-T9'] }));
    expect(await rejection(suggestRequirementsWithLlm(deps, { text: 'Pysyin aikataulussa.', lang: 'fi', candidates }))).toMatchObject({ code: 'invalid-output' });
  });

  it('sends nothing when there is nothing to suggest from', async () => {
    const { h, deps } = await modelAnswering(() => structured({ ids: [] }));
    expect(await suggestRequirementsWithLlm(deps, { text: '   ', lang: 'fi', candidates })).toEqual([]);
    expect(await suggestRequirementsWithLlm(deps, { text: 'Pysyin aikataulussa.', lang: 'fi', candidates: [] })).toEqual([]);
    expect(h.fake.requests).toHaveLength(0);
  });
});

const figures: SummaryFigures = {
  weekStart: '2026-03-02', weekEnd: '2026-03-06',
  reflections: { answered: 4, skipped: 1, absent: 0 }, observations: 2,
  requirementsTouched: [{ id: 'AH-H6', text: 'noudattaa sovittuja aikatauluja' }],
  confidenceAvg: 3.5, confidenceAvgPrevious: 3.25,
};

describe('writeSummaryNarrative', () => {
  it('writes from the figures with a placeholder and puts the name back', async () => {
    const { h, deps } = await modelAnswering(() => structured({ paragraph: '[STUDENT_1] vastasi 4 päivän pohdintaan ja sai 2 havaintoa työpaikkaohjaajalta.' }));
    const paragraph = await writeSummaryNarrative(deps, { lang: 'fi', student: { name: 'Aino Virtanen' }, figures });
    expect(paragraph).toBe('Aino Virtanen vastasi 4 päivän pohdintaan ja sai 2 havaintoa työpaikkaohjaajalta.');
    const sent = h.fake.requests.map((r) => r.rawBody).join('\n');
    expect(sent).not.toMatch(/Aino|Virtanen/);
    expect(userPromptOf(h.fake.requests[0] ?? expect.fail('no request'))).toContain('4 answered, 1 skipped, 0 absent');
  });

  it('rejects a number that is not in the figures', async () => {
    const { deps } = await modelAnswering(() => structured({ paragraph: '[STUDENT_1] vastasi 7 pohdintaan tällä viikolla.' }));
    expect(await rejection(writeSummaryNarrative(deps, { lang: 'fi', student: { name: 'Aino Virtanen' }, figures }))).toMatchObject({ code: 'invalid-output' });
  });

  it('rejects a paragraph about someone else', async () => {
    const { deps } = await modelAnswering(() => structured({ paragraph: '[STUDENT_2] vastasi pohdintoihin tällä viikolla ahkerasti.' }));
    expect(await rejection(writeSummaryNarrative(deps, { lang: 'fi', student: { name: 'Aino Virtanen' }, figures }))).toMatchObject({ code: 'invalid-output' });
  });

  it('rejects a paragraph in the wrong language', async () => {
    const { deps } = await modelAnswering(() => structured({ paragraph: 'This week [STUDENT_1] answered most of the check-ins and got feedback from the instructor.' }));
    expect(await rejection(writeSummaryNarrative(deps, { lang: 'fi', student: { name: 'Aino Virtanen' }, figures }))).toMatchObject({ code: 'invalid-output' });
  });
});
