import { describe, expect, it } from 'vitest';
import { realKnowledge } from '../support/knowledge.ts';

const { answers } = realKnowledge();
const index = answers.index;

describe('reading a question the way it is written', () => {
  it('writes a long spoken word out into the question word it stands for, anywhere in the question', () => {
    const a = index.analyze('mita palveluohjaus tarkottaa', 'fi');
    expect(a.words.find((w) => w.raw === 'tarkottaa')).toMatchObject({ written: 'tarkoittaa', stop: true });
    // A short content word stays what it is: "sähköä" is no "saako".
    expect(index.analyze('mita sahkoa', 'fi').words[1]?.stop).toBe(false);
  });

  it("reads Swedish question frames as function words, and lets one topic word not carry a Swedish command", () => {
    for (const q of ['vad menas med mångproducentmodellen', 'vad är mångproducentmodellen egentligen']) {
      const [hit] = index.search(q, { lang: 'sv' });
      expect(hit?.item.id, q).toBe('TA-60');
      expect(hit?.relevance, q).toBeGreaterThan(0.5);
    }
    // "frågan" is in the glossary, the rest is not in the base: not a question about a passage.
    const [command] = index.search('kan du skicka frågan kl 14 i stället', { lang: 'sv' });
    expect(command?.relevance ?? 0).toBeLessThan(0.5);
    // The same word in a Finnish question still weighs as an unknown word does.
    const [fi] = index.search('monituottajamalli ungefär', { lang: 'fi' });
    expect(fi?.relevance).toBeLessThan(0.5);
  });

  it('keeps a question of only words the base does not know unanswered', () => {
    expect(index.search('vem är Finlands president', { lang: 'sv' })).toEqual([]);
  });
});

describe('glossary terms of several words', () => {
  it('ranks the passage named by the whole term before one sharing a word of it', () => {
    const hits = index.search('vad betyder utvecklande respons', { lang: 'sv' });
    expect(hits[0]?.item.id).toBe('HP-CP6');
    expect(hits.findIndex((h) => h.item.id === 'HP-09')).toBeGreaterThan(0);
  });

  it('matches a passage holding only some of the term\'s words by half', () => {
    const hits = index.search('utvecklande respons', { lang: 'sv', limit: 40 });
    // "kehittävä työntutkimus" and no feedback: kehittävä without palaute.
    expect(hits.find((h) => h.item.id === 'UY-05')?.relevance).toBe(0.5);
    expect(hits.find((h) => h.item.id === 'HP-CP6')?.relevance).toBe(1);
  });
});
