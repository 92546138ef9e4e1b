import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../../src/features/questions/intent.ts';
import { detectLanguage } from '../../../src/text/language.ts';
import { realKnowledge } from '../../support/knowledge.ts';

const { kb } = realKnowledge();
const intent = (q: string) => detectIntent(kb, kb.defaultUnit(), q);

describe('detectIntent', () => {
  it.each([
    ['hei', 'greeting'],
    ['Hello!', 'greeting'],
    ['kiitos', 'thanks'],
    ['help', 'help'],
    ['apua', 'help'],
    ['mitä osaat', 'help'],
    ['what does grade 4 require', 'grade-criteria'],
    ['compare grades 2 and 3', 'grade-compare'],
    ['what does grade 6 require', 'grade-invalid'],
    ['how is this unit graded', 'grading-overview'],
    ['kaikki ammattitaitovaatimukset', 'all-requirements'],
    ['list all requirements', 'all-requirements'],
    ['mitä tutkinnon osassa vaaditaan', 'all-requirements'],
    ['pitääkö kilpailijoita kartoittaa?', 'requirement-check'],
    ['is information security part of this unit', 'requirement-check'],
    ['miten osoitan ammattitaitoni', 'demonstration'],
    ['how do I demonstrate my skills in this unit', 'demonstration'],
    ['how many competence points is the unit worth', 'unit-facts'],
    ['which qualification does this unit belong to', 'unit-facts'],
    ['what does palveluohjaus mean', 'search'],
    ['hej', 'greeting'],
    ['tack så mycket', 'thanks'],
    ['hjälp', 'help'],
    ['vad krävs för betyget 4', 'grade-criteria'],
    ['vad är skillnaden mellan god 3 och god 4', 'grade-compare'],
    ['vad krävs för betyget 6', 'grade-invalid'],
    ['hur bedöms examensdelen', 'grading-overview'],
    ['alla yrkeskunnighetskrav', 'all-requirements'],
    ['vilka är yrkeskunnighetskraven', 'all-requirements'],
    ['måste jag kartlägga konkurrenterna', 'requirement-check'],
    ['hur visar jag mitt kunnande', 'demonstration'],
    ['när ordnas yrkesprovet', 'demonstration'],
    ['hur många kompetenspoäng är examensdelen', 'unit-facts'],
  ])('%s → %s', (question, kind) => {
    expect(intent(question).kind).toBe(kind);
  });

  it.each([
    ['list the requirements of customer relationship management section', 'hoitaminen'],
    ['mitä valmistautuminen ja työn suunnittelu sisältää', 'valmistautuminen'],
    ['tietojärjestelmät ja raportointi ammattitaitovaatimukset', 'tietojarjestelmat'],
    ['tietojärjestelmien vaatimukset', 'tietojarjestelmat'],
    ['what are the requirements for the preparation and planning section', 'valmistautuminen'],
  ])('%s names the section %s', (question, sectionId) => {
    expect(intent(question)).toEqual({ kind: 'section-requirements', sectionId });
  });

  it.each([
    ['mitä tutkinnon osa Myynti ja asiakaspalvelu vaatii', 'Myynti ja asiakaspalvelu'],
    ['what does the unit Logistics operations require', 'Logistics operations'],
    ['sähköalan perustutkinnon vaatimukset', 'sahkoalan perustutkinnon'],
  ])('%s names a unit we do not hold', (question, name) => {
    expect(intent(question)).toEqual({ kind: 'unknown-unit', name });
  });
});

describe('detectLanguage', () => {
  it.each([
    ['What does grade 3 require?', 'en'],
    ['mitä arvosanaan 4 vaaditaan', 'fi'],
    ['hyvä 4 kriteerit', 'fi'],
    ['mita hyva 3 vaatii', 'fi'],
    ['what is a koulupäivä työpaikalla', 'en'],
    ['what does palveluohjaus mean', 'en'],
    ['kerro vitsi', 'fi'],
    ['do I need to know about competitors?', 'en'],
  ])('%s is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('falls back to the preferred language when the text shows none', () => {
    expect(detectLanguage('T2', 'en')).toBe('en');
    expect(detectLanguage('T2', 'fi')).toBe('fi');
  });
});
