import { describe, it, expect } from 'vitest';
import { findHetus, hetuCheckCharacter, isValidHetu } from '../../src/privacy/henkilotunnus.ts';

const texts = (text: string): string[] => findHetus(text).map((m) => m.text);

describe('hetuCheckCharacter', () => {
  it('indexes the nine digits mod 31 into the check alphabet', () => {
    expect(hetuCheckCharacter('131052308')).toBe('T'); // 131052308 mod 31 = 25
    expect(hetuCheckCharacter('010101123')).toBe('N');
    expect(hetuCheckCharacter('000000000')).toBe('0');
    expect(hetuCheckCharacter('000000030')).toBe('Y'); // index 30, the last character
    expect(hetuCheckCharacter('000000016')).toBe('H'); // G is skipped
  });

  it('rejects anything but nine digits', () => {
    expect(() => hetuCheckCharacter('13105230')).toThrow(RangeError);
  });
});

describe('isValidHetu', () => {
  it('accepts the official example and every century sign', () => {
    expect(isValidHetu('131052-308T')).toBe(true);
    for (const sign of ['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F']) {
      expect(isValidHetu(`010101${sign}123N`), sign).toBe(true);
    }
  });

  it('accepts lower-case signs and check characters', () => {
    expect(isValidHetu('010101a123n')).toBe(true);
    expect(isValidHetu('131052-308t')).toBe(true);
  });

  it('rejects a wrong check character, an unknown sign, a false date or extra text', () => {
    expect(isValidHetu('131052-308U')).toBe(false);
    expect(isValidHetu('010101G123N')).toBe(false);
    expect(isValidHetu('010101Z123N')).toBe(false);
    expect(isValidHetu('310201A123X')).toBe(false); // 31 February
    expect(isValidHetu(' 131052-308T')).toBe(false);
    expect(isValidHetu('131052-308T1')).toBe(false);
  });

  it('knows leap years per century', () => {
    expect(isValidHetu(`290200A123${hetuCheckCharacter('290200123')}`)).toBe(true); // 2000
    expect(isValidHetu(`290200-123${hetuCheckCharacter('290200123')}`)).toBe(false); // 1900
    expect(isValidHetu(`290296-123${hetuCheckCharacter('290296123')}`)).toBe(true); // 1996
  });
});

describe('findHetus', () => {
  it('finds codes with every century sign', () => {
    const signs = ['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F'];
    const text = signs.map((sign) => `010101${sign}123N`).join(' ja ');
    expect(texts(text)).toHaveLength(signs.length);
  });

  it('finds a code whose check character is wrong and says so', () => {
    expect(findHetus('tunnus 131052-308U, kiitos')).toEqual([
      { start: 7, end: 18, text: '131052-308U', checkValid: false },
    ]);
    expect(findHetus('131052-308T')[0]?.checkValid).toBe(true);
  });

  it('finds codes next to punctuation and inside words', () => {
    expect(texts('(131052-308T)')).toEqual(['131052-308T']);
    expect(texts('hetu:131052-308T.')).toEqual(['131052-308T']);
    expect(texts('hetu131052-308T')).toEqual(['131052-308T']);
    expect(texts('131052-308Tkanssa')).toEqual(['131052-308T']);
    expect(texts('"010101a123n"')).toEqual(['010101a123n']);
  });

  it('reports UTF-16 indices that slice the code out of Finnish text', () => {
    const text = 'Äänestäjä Öljynen 😀 131052-308T, sähköposti';
    const [match] = findHetus(text);
    expect(match).toBeDefined();
    expect(text.slice(match?.start, match?.end)).toBe('131052-308T');
  });

  it('ignores dates that do not exist', () => {
    expect(texts('310201A123B')).toEqual([]); // 31 February
    expect(texts('320101A123B')).toEqual([]);
    expect(texts('011301A123B')).toEqual([]);
    expect(texts('000101A123B')).toEqual([]);
    expect(texts(`290200-123${hetuCheckCharacter('290200123')}`)).toEqual([]); // 1900 was no leap year
  });

  it('does not touch ordinary numbers', () => {
    for (const text of [
      '15 osp',
      '2026-11-23',
      'klo 15:00',
      'tilausnumero 123456-7890',
      'Y-tunnus 1234567-8',
      'puh. 040 123 4567',
      '010101-12345', // a digit after the check character: a longer number
      '1131052-308T', // a digit before
      '131052 308T',
      '131052G308T',
    ]) {
      expect(texts(text), text).toEqual([]);
    }
  });
});
