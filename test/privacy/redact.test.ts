import { describe, it, expect } from 'vitest';
import { createRedactor, restore, type NamedPerson } from '../../src/privacy/redact.ts';

const redactor = createRedactor();
const redactText = (text: string, names: readonly NamedPerson[] = []): string => redactor.redact(text, { names }).text;

const people: NamedPerson[] = [
  { name: 'Aino Virtanen', kind: 'student' },
  { name: 'Mikko Korhonen', kind: 'instructor' },
  { name: 'Ville Nieminen', kind: 'student' },
  { name: 'Liisa Mäki', kind: 'teacher' },
];

describe('redact keeps Finnish text intact', () => {
  it('replaces every kind and leaves the rest byte-identical', () => {
    const text =
      'Äänestin Öljysen 010101A123N kanssa, sähköposti äiti.öljynen@esimerkki.fi, puh. 040 123 4567, ' +
      'tili FI21 1234 5600 0007 85 — Ainolle kävi hyvin.';
    const result = redactor.redact(text, { names: people });
    expect(result.text).toBe(
      'Äänestin Öljysen [HETU] kanssa, sähköposti [EMAIL], puh. [PHONE], tili [IBAN] — [STUDENT_1] kävi hyvin.',
    );
    expect(Buffer.from(result.text.split('[IBAN]')[1] ?? '', 'utf8')).toEqual(
      Buffer.from(' — [STUDENT_1] kävi hyvin.', 'utf8'),
    );
    expect(result.counts).toEqual({ hetu: 1, email: 1, phone: 1, iban: 1, student: 1, instructor: 0, teacher: 0, person: 0 });
    expect([...result.mapping]).toEqual([['[STUDENT_1]', 'Aino Virtanen']]);
  });

  it('handles decomposed ä, emoji and Swedish å around matches', () => {
    const decomposed = 'Pa\u0308iva\u0308'; // Päivä in NFD
    const text = `${decomposed} 😀 010101A123N 🇫🇮 Åsa ${decomposed}: 040 123 4567 😀`;
    expect(redactText(text)).toBe(`${decomposed} 😀 [HETU] 🇫🇮 Åsa ${decomposed}: [PHONE] 😀`);
  });

  it('returns text without personal data unchanged', () => {
    const text = 'Tänään opin 15 osp:n tutkinnon osasta, klo 15:00 alkaen 2026-11-23; ainoastaan hyvää.';
    expect(redactText(text, people)).toBe(text);
    expect(redactText('')).toBe('');
  });
});

describe('identity codes', () => {
  it('redacts valid codes and codes with a wrong check character', () => {
    expect(redactText('hetu 131052-308T ja 131052-308U.')).toBe('hetu [HETU] ja [HETU].');
  });

  it('leaves impossible dates alone', () => {
    expect(redactText('koodi 310201A123B')).toBe('koodi 310201A123B');
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['aino.virtanen@koulu.fi', '[EMAIL]'],
    ['Lähetä: äiti.öljynen@esimerkki.fi.', 'Lähetä: [EMAIL].'],
    ['(mikko+placement@työ-paikka.example.com)', '([EMAIL])'],
    ['<ville_n@sub.koulu.fi>, kiitos', '<[EMAIL]>, kiitos'],
  ])('%s', (text, expected) => {
    expect(redactText(text, people)).toBe(expected);
  });

  it('prefers the address over a name inside it', () => {
    const result = redactor.redact('aino.virtanen@koulu.fi', { names: people });
    expect(result.counts.student).toBe(0);
    expect(result.mapping.size).toBe(0);
  });

  it('does not take a lone @ or a handle for an address', () => {
    expect(redactText('@Aino kysyi', [])).toBe('@Aino kysyi');
    expect(redactText('tapaaminen @ 15:00')).toBe('tapaaminen @ 15:00');
  });
});

describe('phone numbers', () => {
  it.each([
    'puh. 040 123 4567.',
    'puh. +358 40 1234567.',
    'puh. 09 1234 5678.',
    'puh. (09) 123 456.',
    'puh. 0401234567.',
    'puh. 040-123 4567.',
    'puh. 00358 40 123 4567.',
    'puh. +358 (0)40 123 4567.',
    'puh. 050 765 4321.',
    'puh. 010 123 4567.',
    'puh. +44 20 7946 0958.',
    'puh. +1 415 555 2671.',
  ])('%s', (text) => {
    expect(redactText(text)).toBe('puh. [PHONE].');
  });

  it('separates numbers in a list', () => {
    expect(redactText('040 123 4567, 050 765 4321; 09 1234 5678')).toBe('[PHONE], [PHONE]; [PHONE]');
    expect(redactText('040 123 4567 050 765 4321')).toBe('[PHONE] [PHONE]');
    expect(redactText('0401234567/0507654321')).toBe('[PHONE]/[PHONE]');
  });

  it.each([
    '15 osp',
    '2026-11-23',
    '29.3.2027',
    '01.02.2026, 08.00-16.00',
    'klo 15:00',
    'klo 8.00–16.00',
    'tilausnumero 123456-7890',
    'Y-tunnus 1234567-8',
    'postinumero 00100 Helsinki',
    'hinta 1 234 567 €',
    'vuonna 2026 kertyi 12345 tuntia',
  ])('leaves %s alone', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('IBANs', () => {
  it.each([
    ['tili FI21 1234 5600 0007 85.', 'tili [IBAN].'],
    ['tili FI2112345600000785.', 'tili [IBAN].'],
    ['tili fi21 1234 5600 0007 85 kiitos', 'tili [IBAN] kiitos'],
    ['konto DE89 3704 0044 0532 0130 00, danke', 'konto [IBAN], danke'],
    ['XX12 FI21 1234 5600 0007 85 ABC', 'XX12 [IBAN] ABC'],
  ])('%s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('does not redact an IBAN whose checksum fails or that runs on', () => {
    for (const text of ['tili FI21 1234 5600 0007 86', 'tili FI2112345600000786', 'tili FI211234560000078512']) {
      const result = redactor.redact(text, {});
      expect(result.counts.iban, text).toBe(0);
      expect(result.text, text).toBe(text);
    }
  });
});

describe('names', () => {
  const placeholderOf = (text: string): string => redactText(text, people);

  it.each([
    'Aino', 'Ainon', 'Ainoa', 'Ainolle', 'Ainolta', 'Ainossa', 'Ainosta', 'Ainolla', 'Ainoon', 'Ainona', 'Ainoksi',
    'Ainokin', 'Ainollekaan', 'AINO', 'aino', 'Aino Virtanen', 'Aino Virtaselle', 'Aino Virtasen', 'Virtanen Aino',
    'Virtanen Ainolle',
  ])('%s → [STUDENT_1]', (form) => {
    expect(placeholderOf(`Kysy ${form}, kiitos.`)).toBe('Kysy [STUDENT_1], kiitos.');
  });

  it.each(['Mikko', 'Mikon', 'Mikolle', 'Mikolta', 'Mikkoa', 'Mikkoon', 'Mikko Korhonen', 'Mikko Korhoselle', 'Mikonhan'])(
    '%s → [INSTRUCTOR_1] (kk → k)',
    (form) => {
      expect(placeholderOf(`Kysy ${form}, kiitos.`)).toBe('Kysy [INSTRUCTOR_1], kiitos.');
    },
  );

  it.each(['Ville', 'Villen', 'Villelle', 'Villeä', 'Villeen', 'Ville Niemiselle'])('%s → [STUDENT_2]', (form) => {
    expect(placeholderOf(`Kysy ${form}, kiitos.`)).toBe('Kysy [STUDENT_2], kiitos.');
  });

  it.each(['Liisa', 'Liisan', 'Liisalle', 'Liisaa', 'Liisa Mäki', 'Liisa Mäen', 'Liisa Mäelle'])('%s → [TEACHER_1]', (form) => {
    expect(placeholderOf(`Kysy ${form}, kiitos.`)).toBe('Kysy [TEACHER_1], kiitos.');
  });

  it('matches whole words only', () => {
    for (const text of ['Ainoastaan', 'ainoat', 'Mikkola', 'Villeneuve', 'Liisanpäivä', 'Ainoaa', 'Villes']) {
      expect(placeholderOf(text), text).toBe(text);
    }
  });

  it('prefers the full name over the first name', () => {
    expect(placeholderOf('Aino Virtanen ja Mikko Korhonen')).toBe('[STUDENT_1] ja [INSTRUCTOR_1]');
  });

  it('gives the same placeholder to one person and numbers people per kind in list order', () => {
    const result = redactor.redact('Ville kysyi Ainolta, ja Aino vastasi Villelle.', { names: people });
    expect(result.text).toBe('[STUDENT_2] kysyi [STUDENT_1], ja [STUDENT_1] vastasi [STUDENT_2].');
    expect(result.counts.student).toBe(4);
    expect([...result.mapping].sort()).toEqual([
      ['[STUDENT_1]', 'Aino Virtanen'],
      ['[STUDENT_2]', 'Ville Nieminen'],
    ]);
  });

  it('keeps placeholders stable across calls with the same list', () => {
    const first = redactor.redact('Ville', { names: people });
    const second = redactor.redact('Aino ja Ville', { names: people });
    expect(first.text).toBe('[STUDENT_2]');
    expect(second.text).toBe('[STUDENT_1] ja [STUDENT_2]');
  });

  it('gives a first name shared by two listed people a placeholder of its own', () => {
    const twoAinos: NamedPerson[] = [
      { name: 'Aino Virtanen', kind: 'student' },
      { name: 'Aino Korhonen', kind: 'instructor' },
    ];
    const result = redactor.redact('Aino Korhonen kertoi, että Ainolle kävi hyvin.', { names: twoAinos });
    expect(result.text).toBe('[INSTRUCTOR_1] kertoi, että [PERSON_1] kävi hyvin.');
    expect(result.mapping.get('[PERSON_1]')).toBe('Aino');
    expect(result.mapping.get('[INSTRUCTOR_1]')).toBe('Aino Korhonen');
  });

  it('handles consonant-final, -s and -nen names', () => {
    const more: NamedPerson[] = [
      { name: 'Kevin Laine', kind: 'student' },
      { name: 'Tuomas Lahti', kind: 'instructor' },
      { name: 'Satu', kind: 'person' },
    ];
    expect(redactText('Kevinille, Keviniä, Kevin Laineelle', more)).toBe('[STUDENT_1], [STUDENT_1], [STUDENT_1]');
    expect(redactText('Tuomaksen, Tuomakselle, Tuomasta, Tuomas Lahden', more)).toBe(
      '[INSTRUCTOR_1], [INSTRUCTOR_1], [INSTRUCTOR_1], [INSTRUCTOR_1]',
    );
    expect(redactText('Sadun ja Satu', more)).toBe('[PERSON_1] ja [PERSON_1]');
  });

  it('ignores empty and duplicate names', () => {
    const result = redactor.redact('Aino', {
      names: [{ name: '  ', kind: 'person' }, { name: 'Aino  Virtanen', kind: 'student' }, { name: 'aino virtanen', kind: 'teacher' }],
    });
    expect(result.text).toBe('[STUDENT_1]');
  });
});

describe('restore', () => {
  it('puts names back and never personal data', () => {
    const text = 'Aino Virtanen (131052-308T, aino@koulu.fi) ja Mikko Korhonen.';
    const result = redactor.redact(text, { names: people });
    expect(result.text).toBe('[STUDENT_1] ([HETU], [EMAIL]) ja [INSTRUCTOR_1].');
    expect(redactor.restore(result.text, result.mapping)).toBe('Aino Virtanen ([HETU], [EMAIL]) ja Mikko Korhonen.');
  });

  it('round-trips text whose names are in their listed form', () => {
    const text = 'Äänestin: Aino Virtanen ja Liisa Mäki sopivat, että Mikko Korhonen ohjaa. Ääkköset pysyvät.';
    const result = redactor.redact(text, { names: people });
    expect(result.text).not.toContain('Aino');
    expect(restore(result.text, result.mapping)).toBe(text);
  });

  it('leaves unknown placeholders and non-name placeholders in the mapping alone', () => {
    const mapping = new Map([
      ['[STUDENT_1]', 'Aino Virtanen'],
      ['[HETU]', '131052-308T'],
    ]);
    expect(restore('[STUDENT_1], [STUDENT_2], [HETU], [student_1]', mapping)).toBe(
      'Aino Virtanen, [STUDENT_2], [HETU], [student_1]',
    );
  });

  it('inserts names literally, even with $ in them', () => {
    expect(restore('[PERSON_1]', new Map([['[PERSON_1]', "$& O'Brien"]]))).toBe("$& O'Brien");
  });
});

describe('phone numbers next to brackets and dashes', () => {
  it.each([
    ['(040 123 4567)', '([PHONE])'],
    ['040 123 4567) 050 765 4321', '[PHONE]) [PHONE]'],
    ['- 040 123 4567 -', '- [PHONE] -'],
    ['soita (09) 123 456 tai', 'soita [PHONE] tai'],
    ['((09) 123 456)', '([PHONE])'],
  ])('%s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});

describe('phone numbers written one after another', () => {
  it.each([
    ['(09) 123 456 – (09) 765 432', '[PHONE] – [PHONE]'],
    ['(09) 123 456) (09) 765 432', '[PHONE]) [PHONE]'],
    ['040 123 4567 +358 50 765 4321', '[PHONE] [PHONE]'],
    ['(09) 123 456 09 1234 5678', '[PHONE] [PHONE]'],
  ])('%s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});

describe('overlapping findings', () => {
  it('takes a code shaped like an identity code for one, not for a phone number', () => {
    const result = redactor.redact('tunnus 010101-1234 ok', {});
    expect(result.text).toBe('tunnus [HETU] ok');
    expect(result.counts.phone).toBe(0);
  });
});
