import { describe, expect, it } from 'vitest';
import { stemFi, writtenFinnish } from '../../src/text/normalize.ts';
import { isFunctionWordOf, isStopword } from '../../src/text/stopwords.ts';

describe('writtenFinnish: spoken and chat Finnish in its written form', () => {
  it.each([
    ['onks', 'onko'],
    ['kuuluuks', 'kuuluuko'],
    ['täytyyks', 'taytyyko'],
    ['saaks', 'saako'],
    ['tarviiks', 'tarvitseeko'],
    ['mä', 'mina'],
    ['mun', 'minun'],
    ['sä', 'sina'],
    ['tää', 'tama'],
    ['oon', 'olen'],
    ['tehään', 'tehdaan'],
    ['viis', 'viisi'],
  ])('%s → %s', (spoken, written) => {
    expect(writtenFinnish(spoken)).toBe(written);
  });

  it('leaves written words alone, only folded', () => {
    expect(writtenFinnish('Kilpailijoita')).toBe('kilpailijoita');
    expect(writtenFinnish('näyttö')).toBe('naytto');
  });
});

describe('stemFi joins the forms Snowball leaves apart', () => {
  it.each([
    ['kriittinen', 'kriittisen'],
    ['hoitaminen', 'hoitamisen'],
    ['nelonen', 'nelosen'],
    ['asiakkuus', 'asiakkuuden'],
    ['asiakkuus', 'asiakkuutta'],
    ['asiakkuus', 'asiakkuuksien'],
    ['ohjaus', 'ohjauksen'],
    ['ohjaus', 'ohjausta'],
    ['tieto', 'tiedot'],
    ['hyöty', 'hyödyt'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stemFi(a)).toBe(stemFi(b));
  });

  it('keeps different words apart', () => {
    expect(stemFi('palvelu')).not.toBe(stemFi('palkka'));
    expect(stemFi('tieto')).not.toBe(stemFi('tietoturva'));
  });
});

describe('stopwords', () => {
  it('know the function words of each language, Swedish too', () => {
    expect(isStopword('vilka')).toBe(true);
    expect(isStopword('måste')).toBe(true);
    expect(isStopword('kauanko')).toBe(true);
    expect(isFunctionWordOf('what', 'en')).toBe(true);
    expect(isFunctionWordOf('what', 'fi')).toBe(false);
    expect(isFunctionWordOf('vs', 'en')).toBe(true);
  });

  it('do not swallow topic words', () => {
    for (const w of ['kilpailija', 'tietosuoja', 'raportointi', 'competitor', 'konkurrent']) expect(isStopword(w)).toBe(false);
  });
});
