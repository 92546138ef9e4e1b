import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.ts';

describe('detectLanguage', () => {
  it.each([
    'vad krävs för betyget 4',
    'Vad krävs för betyget 4?',
    'hur visar jag mitt kunnande',
    'vilka är bedömningskriterierna för god 3',
    'vad är skillnaden mellan god 3 och god 4',
    'alla yrkeskunnighetskrav',
    'hur många kompetenspoäng är examensdelen',
    'hur bedöms examensdelen',
    'måste jag kunna sköta reklamationer',
    'behöver jag känna till konkurrenterna',
    'vilken nivå krävs för berömlig 5',
    'hur får jag en femma',
    'när är yrkesprovet',
    'varför behövs bedömning',
    'vad gör min arbetsplatshandledare',
    'hej',
    'tack så mycket',
    'hjälp',
    'sjuk idag',
  ])('%s is Swedish', (text) => {
    expect(detectLanguage(text)).toBe('sv');
  });

  it.each([
    ['What does grade 3 require?', 'en'],
    ['paljonko kello on', 'fi'],
    ['pitääks noudattaa aikatauluja', 'fi'],
    ['tarviiks tietää jotain', 'fi'],
    ['what does grade 4 require', 'en'],
    ['compare grades 2 and 3', 'en'],
    ['do I need to know about competitors?', 'en'],
    ['what is a koulupäivä työpaikalla', 'en'],
    ['what does palveluohjaus mean', 'en'],
    ['is information security part of this unit', 'en'],
    ['how do I demonstrate my skills in this unit', 'en'],
    ['can I get a 5', 'en'],
    ['after', 'en'],
    ['mitä arvosanaan 4 vaaditaan', 'fi'],
    ['hyvä 4 kriteerit', 'fi'],
    ['mita hyva 3 vaatii', 'fi'],
    ['kerro vitsi', 'fi'],
    ['pitääkö kilpailijoita kartoittaa?', 'fi'],
    ['miten osoitan ammattitaitoni', 'fi'],
    ['mitä eroa on kolmosella ja nelosella', 'fi'],
    ['en tiedä mitä tehdä', 'fi'],
    ['en osaa raportoida', 'fi'],
    ['havainto Aino: hoiti reklamaation rauhallisesti', 'fi'],
    ['olen sairaana tänään', 'fi'],
    ['edistyminen Ville', 'fi'],
    ['lisää jakso', 'fi'],
    ['työelämäyhteistyön kriittiset pisteet', 'fi'],
  ])('%s is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('reads å as Swedish and a word shaped like no Finnish word ("krävs", "ställs") as Swedish too', () => {
    expect(detectLanguage('på')).toBe('sv');
    expect(detectLanguage('ställs krav')).toBe('sv');
    expect(detectLanguage('näyttö')).toBe('fi');
  });

  it('reads chat Finnish with no curriculum word as Finnish ("ens viikol oon koulul, ei kyselyi"), and "ens" in Swedish as Swedish', () => {
    expect(detectLanguage('ens viikol oon koulul, ei kyselyi', 'en')).toBe('fi');
    expect(detectLanguage('mutta mä oon kipee', 'en')).toBe('fi');
    expect(detectLanguage('jag är inte ens sjuk', 'fi')).toBe('sv');
  });

  it('falls back to the preferred language when the text shows none', () => {
    expect(detectLanguage('T2', 'en')).toBe('en');
    expect(detectLanguage('T2', 'fi')).toBe('fi');
    expect(detectLanguage('T2', 'sv')).toBe('sv');
  });

  it('does not take a short English or Finnish word for Swedish on the model alone', () => {
    for (const text of ['reminder', 'upgrade', 'Villen', 'Emilia Korhonen']) expect(detectLanguage(text)).not.toBe('sv');
  });
});
