import { describe, it, expect } from 'vitest';
import { finnishNameForms } from '../../src/privacy/finnish-name-forms.ts';

describe('finnishNameForms', () => {
  it.each([
    ['Aino', 'given', ['Aino', 'Ainon', 'Ainoa', 'Ainolle', 'Ainolta', 'Ainossa', 'Ainoon', 'Ainona', 'Ainoksi']],
    ['Mikko', 'given', ['Mikon', 'Mikolle', 'Mikkoa', 'Mikkoon', 'Mikkona']],
    ['Pekka', 'given', ['Pekan', 'Pekalle', 'Pekkaa']],
    ['Antti', 'given', ['Antin', 'Antille', 'Anttia']],
    ['Virta', 'family', ['Virran', 'Virralle', 'Virtaa']],
    ['Virtanen', 'family', ['Virtasen', 'Virtaselle', 'Virtasta', 'Virtaseen', 'Virtasena']],
    ['Mäki', 'family', ['Mäen', 'Mäelle', 'Mäkeä', 'Mäkeen']],
    ['Laine', 'family', ['Laineen', 'Laineelle', 'Lainetta']],
    ['Tuomas', 'given', ['Tuomaksen', 'Tuomakselle', 'Tuomasta', 'Tuomakseen', 'Tuomasin']],
    ['Kevin', 'given', ['Kevinin', 'Kevinille', 'Keviniä', 'Keviniin']],
  ] as const)('%s (%s)', (word, role, expected) => {
    const forms = finnishNameForms(word, role);
    for (const form of expected) expect(forms, form).toContain(form);
  });

  it('gives surname forms only to surnames', () => {
    expect(finnishNameForms('Onni', 'given')).not.toContain('Onnen');
    expect(finnishNameForms('Onni', 'given')).toContain('Onnin');
  });

  it('does not list compounds or longer words', () => {
    const forms = finnishNameForms('Aino', 'given');
    expect(forms).not.toContain('Ainoastaan');
    expect(forms).not.toContain('Ainoat');
  });
});
