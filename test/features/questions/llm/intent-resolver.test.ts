import { afterEach, describe, expect, it } from 'vitest';
import { createLlmIntentResolver, type IntentResolver } from '../../../../src/features/questions/llm/intent-resolver.ts';
import { createRedactor } from '../../../../src/privacy/index.ts';
import { httpError, structured, userPromptOf, systemPromptOf, type Responder } from '../../../support/fake-openai.ts';
import { realKnowledge } from '../../../support/knowledge.ts';
import { startHarness, type LlmHarness } from '../../../llm/setup.ts';

const { kb } = realKnowledge();

let harness: LlmHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function resolverAnswering(responder: Responder): Promise<{ h: LlmHarness; resolver: IntentResolver }> {
  harness = await startHarness({ responder });
  return { h: harness, resolver: createLlmIntentResolver({ model: harness.model, kb, logger: harness.log.logger, redactor: createRedactor() }) };
}

describe('the LLM intent resolver', () => {
  it('only takes questions the rules could not place, not deliberate refusals or answered ones', async () => {
    const { h, resolver } = await resolverAnswering(() => structured({ intent: { kind: 'none' } }));
    expect(resolver.canResolve(h.service.plan('kerro vitsi'))).toBe(true);
    expect(resolver.canResolve(h.service.plan('what does grade 6 require'))).toBe(false);
    expect(resolver.canResolve(h.service.plan('mitä arvosanaan 3 vaaditaan'))).toBe(false);
    expect(resolver.canResolve(h.service.plan('moi'))).toBe(false);
  });

  it('maps a loose question to a core intent, validated against the unit\'s sections', async () => {
    const { h, resolver } = await resolverAnswering(() => structured({ intent: { kind: 'section-requirements', sectionId: 'valmistautuminen' } }));
    const plan = h.service.plan('mitä pitää osata ennen kuin alkaa hommiin');
    expect(await resolver.resolve(plan)).toEqual({ kind: 'section-requirements', sectionId: 'valmistautuminen' });
    h.fake.respondWith(() => structured({ intent: { kind: 'grade-criteria', grades: [5, 4, 5] } }));
    expect(await resolver.resolve(plan)).toEqual({ kind: 'grade-criteria', grades: [4, 5] });
    h.fake.respondWith(() => structured({ intent: { kind: 'search', query: 'asiakaspalvelu puhelimessa' } }));
    expect(await resolver.resolve(plan)).toEqual({ kind: 'search', query: 'asiakaspalvelu puhelimessa' });
  });

  it('sends titles, never record texts', async () => {
    const { h, resolver } = await resolverAnswering(() => structured({ intent: { kind: 'none' } }));
    await resolver.resolve(h.service.plan('kerro vitsi'));
    const [request] = h.fake.requests;
    const sent = request ? `${systemPromptOf(request)}\n${userPromptOf(request)}` : '';
    expect(sent).toContain('valmistautuminen: Valmistautuminen ja työn suunnittelu');
    const requirement = kb.item('AH-V1');
    expect(requirement?.kind === 'requirement' && sent.includes(requirement.requirement.text.fi)).toBe(false);
    // Some short records are their own heading; a stretch from inside a longer one must never appear.
    for (const item of kb.items) if (item.kind === 'passage' && item.record.text.length > 200) expect(sent).not.toContain(item.record.text.slice(100, 160));
  });

  it('gives nothing for "none", for a section that does not exist, and for a failing server', async () => {
    const { h, resolver } = await resolverAnswering(() => structured({ intent: { kind: 'none' } }));
    const plan = h.service.plan('kerro vitsi');
    expect(await resolver.resolve(plan)).toBeUndefined();
    h.fake.respondWith(() => structured({ intent: { kind: 'section-requirements', sectionId: 'myynti' } }));
    expect(await resolver.resolve(plan)).toBeUndefined();
    expect(h.log.warnings()).toContainEqual(expect.objectContaining({ code: 'invalid-output' }));
    h.fake.respondWith(() => httpError(401));
    expect(await resolver.resolve(plan)).toBeUndefined();
    expect(h.log.warnings()).toContainEqual(expect.objectContaining({ code: 'auth' }));
  });
});
