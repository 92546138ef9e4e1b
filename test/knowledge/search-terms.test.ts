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

  it('lets a Swedish word the base does not know weigh little, so one filler word does not sink the question', () => {
    const [hit] = index.search('vad menas med mångproducentmodellen', { lang: 'sv' });
    expect(hit?.item.id).toBe('TA-60');
    expect(hit?.relevance).toBeGreaterThan(0.5);
    // The same word in a Finnish question still weighs as an unknown word does.
    const [fi] = index.search('monituottajamalli egentligen', { lang: 'fi' });
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
