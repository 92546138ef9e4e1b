// What a submitted check-in card may change: only today or a day whose check-in is still open (no
// backdating by a forged form id), and an older card never wipes what a newer save holds.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FormReply, Reply } from '../../../src/conversation/reply.ts';
import { describeEachBackend } from '../../storage/backends.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';

const AINO = 'pl_demo_aino';
const formOf = (replies: Reply[]) => replies.find((r): r is FormReply => r.kind === 'form');
const text = (replies: Reply[]) => JSON.stringify(replies);

describeEachBackend('submitting a check-in card on %s', (backend) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(backend); // Monday 23.11.2026, 12:00 in Helsinki
  });
  afterAll(async () => t?.close());

  it('refuses a forged card for a weekend day weeks ago, saving nothing', async () => {
    const replies = await t.submit('aino', { formKind: 'checkin', formId: `${AINO}:2026-11-07`, values: { text: 'Kirjoitin takautuvasti', requirements: [] } });
    expect(text(replies)).toContain('ei ole kyselyä');
    expect(await t.store.reflections.findForDay(AINO, '2026-11-07')).toBeNull();
  });

  it('refuses a card for a future day', async () => {
    const replies = await t.submit('aino', { formKind: 'checkin', formId: `${AINO}:2026-11-25`, values: { text: 'Ennakkoon', requirements: [] } });
    expect(text(replies)).toContain('ei ole kyselyä');
  });

  it('merges an older card into the day\'s newer save instead of wiping it, and says so', async () => {
    const original = formOf(await t.say('aino', 'reflektoi'));
    expect(original?.formId).toBe(`${AINO}:2026-11-23`);
    await t.submit('aino', { formKind: 'checkin', formId: original?.formId ?? '', values: { text: 'Hoidin reklamaation', requirements: ['AH-V5', 'AH-H1'], confidence: 5 } });
    // The newer card carries the save's time; the original one, still open above, does not.
    expect(formOf(await t.say('aino', 'reflektoi'))?.formId).toMatch(new RegExp(`^${AINO}:2026-11-23@\\d+$`));
    const replies = await t.submit('aino', { formKind: 'checkin', formId: original?.formId ?? '', values: { text: 'Päivitin asiakastiedot', requirements: [] } });
    const saved = await t.store.reflections.findForDay(AINO, '2026-11-23');
    expect(saved).toMatchObject({ confidence: 5, text: 'Hoidin reklamaation\nPäivitin asiakastiedot' });
    expect(saved?.requirementIds).toEqual(expect.arrayContaining(['AH-V5', 'AH-H1']));
    expect(text(replies)).toContain('yhdistin');
  });

  it('lets the current card replace the answer, as an edit', async () => {
    const current = formOf(await t.say('aino', 'reflektoi'));
    await t.submit('aino', { formKind: 'checkin', formId: current?.formId ?? '', values: { text: 'Korjattu teksti', requirements: ['AH-V5'], confidence: 3 } });
    expect(await t.store.reflections.findForDay(AINO, '2026-11-23')).toMatchObject({ text: 'Korjattu teksti', requirementIds: ['AH-V5'], confidence: 3 });
  });
});
