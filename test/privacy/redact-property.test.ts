import { describe, it, expect } from 'vitest';
import { createRedactor, type NamedPerson } from '../../src/privacy/redact.ts';

// Seeded, so a failure reproduces (mulberry32).
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty pool');
  return item;
};

const people: NamedPerson[] = [
  { name: 'Aino Virtanen', kind: 'student' },
  { name: 'Mikko Korhonen', kind: 'instructor' },
];

// Finnish filler that holds no personal data; each starts and ends with a letter or punctuation.
const fillers = [
  'Äänestin', 'öljyä', 'kävin', 'työpaikalla', 'tänään', 'säätö', 'pöytä', 'Åland', 'hyvä', 'päivä',
  'jäätelö', 'ääni', '😀', 'naïve', 'Ääkköset', 'työssäoppiminen', 'opintopisteitä 15 osp', 'klo 15:00 alkaen',
  'päivänä 2026-11-23 klo', 'ja', '—', '«lainaus»', 'Pa\u0308iva\u0308', 'ainoastaan', 'tilaus 123456-7890 nyt',
  'Mikkola', 'hyvää työtä', 'ÖÖ', 'å', 'kysyin: miksi?', '🇫🇮', 'asiakaspalvelu', 'yö',
];

const personalData: { raw: string; placeholder: string }[] = [
  { raw: '010101A123N', placeholder: '[HETU]' },
  { raw: '131052-308U', placeholder: '[HETU]' },
  { raw: 'äiti.öljynen@esimerkki.fi', placeholder: '[EMAIL]' },
  { raw: 'mikko@työpaikka.fi', placeholder: '[EMAIL]' },
  { raw: '040 123 4567', placeholder: '[PHONE]' },
  { raw: '+358 40 1234567', placeholder: '[PHONE]' },
  { raw: '(09) 123 456', placeholder: '[PHONE]' },
  { raw: '09 1234 5678', placeholder: '[PHONE]' },
  { raw: '0401234567', placeholder: '[PHONE]' },
  { raw: '+44 20 7946 0958', placeholder: '[PHONE]' },
  { raw: 'DE89 3704 0044 0532 0130 00', placeholder: '[IBAN]' },
  { raw: 'FI21 1234 5600 0007 85', placeholder: '[IBAN]' },
  { raw: 'FI2112345600000785', placeholder: '[IBAN]' },
  { raw: 'Ainolle', placeholder: '[STUDENT_1]' },
  { raw: 'Aino Virtanen', placeholder: '[STUDENT_1]' },
  { raw: 'Mikon', placeholder: '[INSTRUCTOR_1]' },
  { raw: 'Mikko Korhoselle', placeholder: '[INSTRUCTOR_1]' },
];

const separators = [' ', ', ', ' (', ') ', '. ', ' – ', '\n', ': ', ' "', '" ', ' ä ', '; '];

describe('redact on random Finnish sentences', () => {
  const redactor = createRedactor();

  it('changes only the personal data, every character around it stays', () => {
    const random = createRandom(20261123);
    for (let round = 0; round < 500; round += 1) {
      let input = '';
      let expected = '';
      const parts = 2 + Math.floor(random() * 10);
      for (let part = 0; part < parts; part += 1) {
        const separator = part === 0 ? '' : pick(random, separators);
        input += separator;
        expected += separator;
        if (random() < 0.4) {
          const item = pick(random, personalData);
          input += item.raw;
          expected += item.placeholder;
        } else {
          const filler = pick(random, fillers);
          input += filler;
          expected += filler;
        }
      }
      expect(redactor.redact(input, { names: people }).text, JSON.stringify(input)).toBe(expected);
    }
  });

  it('returns random letter soup without personal data unchanged', () => {
    const random = createRandom(7);
    const alphabet = [...'abcdefghijklmnopqrstuvwxyzåäöÅÄÖ .,;:!?-–—()"\'\n', '😀', '🇫🇮', 'e\u0301', 'ß', 'ŋ'];
    for (let round = 0; round < 500; round += 1) {
      const length = Math.floor(random() * 80);
      const text = Array.from({ length }, () => pick(random, alphabet)).join('');
      expect(redactor.redact(text, { names: people }).text, JSON.stringify(text)).toBe(text);
    }
  });
});
