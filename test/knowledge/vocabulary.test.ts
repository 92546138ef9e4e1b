import { describe, expect, it } from 'vitest';
import { boundedDistance, createVocabulary, editsAllowed } from '../../src/knowledge/vocabulary.ts';
import { realKnowledge } from '../support/knowledge.ts';

describe('boundedDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(boundedDistance('kiitettava', 'kiitettava', 2)).toBe(0);
    expect(boundedDistance('kiitetava', 'kiitettava', 2)).toBe(1);
    expect(boundedDistance('raportti', 'raprotti', 2)).toBe(1);
    expect(boundedDistance('tietosuoja', 'tietosuja', 2)).toBe(1);
  });

  it('gives up past the limit', () => {
    expect(boundedDistance('asiakas', 'palvelu', 2)).toBe(3);
    expect(boundedDistance('a', 'abcdefgh', 2)).toBe(3);
  });

  it('allows more edits for longer words', () => {
    expect(editsAllowed(4)).toBe(0);
    expect(editsAllowed(6)).toBe(1);
    expect(editsAllowed(12)).toBe(2);
  });
});

describe('the vocabulary of the knowledge base', () => {
  const { answers } = realKnowledge();
  const v = answers.index.vocabulary;

  it('corrects typos to the nearest written form the base has', () => {
    expect(v.correct('kilpailjoita')).toBe('kilpailijoita');
    expect(v.correct('tyydytävään')).toMatch(/^tyydyttava/);
    expect(v.correct('salasssapitoa')).toMatch(/^salassapito/);
  });

  it('leaves real words that only resemble a known one alone', () => {
    for (const word of ['osaava', 'vitsi', 'presidentti', 'huomenna', 'pizza', 'salary']) expect(v.correct(word)).toBeUndefined();
  });

  it('knows a word by its stem, missing ä/ö included', () => {
    expect(v.knows('tietosuojasta')).toBe(true);
    expect(v.knows('nayttoa')).toBe(true);
    expect(v.knows('kolmosta')).toBe(true);
  });

  it('splits an unknown compound at the known word it starts with', () => {
    expect(v.split('resurssiviisaus')?.[0]).toMatch(/^resurssi/);
    expect(v.split('palautelomake')?.[0]).toMatch(/^palaute/);
    expect(v.split('xyzzyplugh')).toBeUndefined();
  });

  it('builds from any word list', () => {
    const small = createVocabulary(['kilpailija', 'kilpailijoita', 'asiakas']);
    expect(small.knows('kilpailijat')).toBe(true);
    expect(small.correct('kilpailjoita')).toBe('kilpailijoita');
    expect(small.size).toBe(3);
  });
});
