import { describe, expect, it } from 'vitest';
import { MAX_QUERY_WORDS } from '../../src/knowledge/search-index.ts';
import { realKnowledge } from '../support/knowledge.ts';

const { answers } = realKnowledge();
const index = answers.index;
const top = (q: string, kinds?: ('requirement' | 'passage')[]) => index.search(q, { lang: 'fi', ...(kinds ? { kinds } : {}) })[0];

describe('the query analysis', () => {
  it('writes spoken Finnish out and corrects typos against the base', () => {
    const a = index.analyze('tarviiks mun tietää kilpailjoista', 'fi');
    expect(a.text).toBe('tarvitseeko minun tietaa kilpailijoista');
    expect(a.words.find((w) => w.raw === 'kilpailjoista')).toMatchObject({ corrected: true, known: true });
  });

  it('reads spoken forms only in Finnish text', () => {
    expect(index.analyze('the sun is up', 'en').text).toBe('the sun is up');
  });

  it('gives an English or Swedish word the glossary\'s Finnish terms', () => {
    const sv = index.analyze('konkurrenterna', 'sv').words[0];
    expect(sv?.known).toBe(true);
    expect(sv?.stems).toContain('kilpailij');
    const en = index.analyze('data protection', 'en').words;
    expect(en.every((w) => w.stems.includes('tietosuo'))).toBe(true);
  });

  it('analyses a bounded part of a long text', () => {
    const a = index.analyze('asiakas '.repeat(5_000), 'fi');
    expect(a.truncated).toBe(true);
    expect(a.words.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
  });
});

describe('retrieval and its relevance', () => {
  it('finds the requirement from inflected, compound and misspelt words', () => {
    expect(top('asiakastiedoilla', ['requirement'])?.item.id).toBe('AH-V3');
    expect(top('resurssiviisaus', ['requirement'])?.item.id).toBe('AH-H10');
    expect(top('salasssapito', ['requirement'])?.item.id).toBe('AH-H1');
    expect(top('raportoinnista', ['requirement'])?.item.id).toBe('AH-T5');
  });

  it('weighs a word the base does not know more than the words it shares', () => {
    const shared = top('asiakaspalvelija');
    const withUnknown = top('asiakaspalvelijan eläkeikä');
    expect(shared?.relevance).toBe(1);
    expect(withUnknown?.relevance).toBeLessThan(0.5);
    expect(withUnknown?.knownRelevance).toBe(1);
    expect(withUnknown?.unknown).toEqual(['eläkeikä']);
  });

  it('counts a glossary phrase as one topic', () => {
    const hit = index.search('customer service worker wages', { lang: 'en' })[0];
    expect(hit?.matched).toEqual(['customer service worker']);
    expect(hit?.relevance).toBeLessThan(0.5);
  });

  it('tells Finnish terms from English ones', () => {
    expect(index.languageEvidence(index.analyze('palveluohjaus vs asiakasohjaus', 'en'))).toEqual({ fi: 2, en: 0 });
    expect(index.languageEvidence(index.analyze('excellent criteria', 'en')).en).toBeGreaterThan(0);
  });
});
