import { describe, expect, it } from 'vitest';
import { realKnowledge } from '../../support/knowledge.ts';

const { answers } = realKnowledge();
const answerOf = async (q: string) => (await answers.answer(q)).plan;

describe('questions about the supporting documents, written as students write them', () => {
  it.each([
    ['mita palveluohjaus tarkottaa', 'TA-13'],
    ['vad är lösningsorientering egentligen', 'TA-24'],
    ['mitä tarkoittaa ratkaisukeskeisyys', 'TA-24'],
    ['vad betyder utvecklande respons', 'HP-CP6'],
    ['vad är en kund egentligen', 'TA-07'],
  ])('answers the definition question "%s" from the passage about the concept (%s)', async (q, id) => {
    const plan = await answerOf(q);
    expect(plan.outcome).toBe('answered');
    expect(plan.items[0]?.id).toBe(id);
  });

  it('answers "how long" with the passage that gives the duration', async () => {
    const plan = await answerOf('kuinka pitkään kehittämiskokeilu kestää');
    expect(plan.items[0]?.id).toBe('UY-14');
  });

  it('reads where and how skills are shown, in Swedish and with a typo in English, as the ways of demonstrating', async () => {
    for (const q of ['var visar man sitt kunnande', 'hur visar jag min yrkeskunnighet', 'where do i show my skils']) {
      const plan = await answerOf(q);
      expect(plan.intent.kind, q).toBe('demonstration');
    }
  });

  it.each([
    ['behöver man hålla tidtabellen', 'AH-H6'],
    ['behöver jag hålla kontakten med kunden', 'AH-H3'],
  ])('finds the requirement a Swedish yes/no question "%s" asks about (%s)', async (q, id) => {
    const plan = await answerOf(q);
    expect(plan.intent.kind).toBe('requirement-check');
    expect(plan.items.map((i) => i.id)).toContain(id);
  });

  it('still declines a Swedish question about something the base does not hold', async () => {
    const plan = await answerOf('vad kostar en kaffe i kundtjänsten');
    expect(plan.outcome).not.toBe('answered');
  });
});
