import { describe, expect, it } from 'vitest';
import { nameMatches, normalizeName } from '../../src/storage/name-match.ts';

describe('name matching', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizeName('  Äijälä-Öhman, Åsa ')).toBe('aijala ohman asa');
    expect(nameMatches('Ville Mäkinen', 'makinen')).toBe(true);
    expect(nameMatches('Ville Makinen', 'Mäkinen')).toBe(true);
  });

  it('needs every typed word to start a word of the name', () => {
    expect(nameMatches('Aino Virtanen', 'aino')).toBe(true);
    expect(nameMatches('Aino Virtanen', 'Aino V')).toBe(true);
    expect(nameMatches('Aino Virtanen', 'virt')).toBe(true);
    expect(nameMatches('Aino Virtanen', 'ino')).toBe(false);
    expect(nameMatches('Aino Virtanen', 'Aino K')).toBe(false);
    expect(nameMatches('Aino Virtanen', '   ')).toBe(false);
  });
});
