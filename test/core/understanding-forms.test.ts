// The parts of the understanding step that make it generalise past the phrasings written down:
// words in their spoken, inflected or misspelt forms, small words left out, a date said first, a
// classifier guess only when the message's own words back it, and the statement detectors.
import { describe, expect, it } from 'vitest';
import type { SlotSpecs } from '../../src/conversation/command.ts';
import { createIntentSupport } from '../../src/core/understanding/intent-support.ts';
import { compilePhrasing, matchPhrasing, withDateFirst } from '../../src/core/understanding/phrasing.ts';
import { tokenize } from '../../src/core/understanding/tokens.ts';
import { WORD_SCORE, wordFit, writtenText } from '../../src/core/understanding/word-forms.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { isFirstPersonAccount, nameFollowedByPastVerb, opensAsQuestion } from '../../src/text/statements.ts';

const TODAY = '2026-11-23';
const NO_SLOTS: SlotSpecs = {};
const match = (phrasing: string, text: string, lang: Lang = 'fi', slots: SlotSpecs = NO_SLOTS) => matchPhrasing(compilePhrasing(phrasing, slots, lang), tokenize(text), TODAY);

describe('a word as people write it', () => {
  it.each([
    ['mun', 'minun', WORD_SCORE.written],
    ['oon', 'olen', WORD_SCORE.written],
    ['kipee', 'kipea', WORD_SCORE.written],
    ['edistymista', 'edistyminen', WORD_SCORE.form],
    ['edistymiseni', 'edistyminen', WORD_SCORE.form],
    ['naytas', 'nayta', WORD_SCORE.form],
    ['kyselyita', 'kyselyja', WORD_SCORE.form],
    ['havaintoni', 'havainnot', WORD_SCORE.form],
    ['edistyminen', 'edistyminen', WORD_SCORE.exact],
    ['edistymnen', 'edistyminen', WORD_SCORE.form],
    ['taiko', 'tauko', WORD_SCORE.typo],
  ])('"%s" fits "%s" (fi) with %i', (token, word, score) => {
    expect(wordFit(token, word, 'fi')).toBe(score);
  });

  it.each([
    ['summarize', 'summary', 'en'],
    ['students', 'student', 'en'],
    ['framstegen', 'framsteg', 'sv'],
    ['observationerna', 'observationer', 'sv'],
  ] as const)('"%s" fits "%s" (%s) as another form of it', (token, word, lang) => {
    expect(wordFit(token, word, lang)).toBe(WORD_SCORE.form);
  });

  it.each([
    ['arvostelee', 'arvosana'],
    ['kysya', 'kysely'],
    ['tauon', 'tila'],
  ])('"%s" is not "%s"', (token, word) => {
    expect(wordFit(token, word, 'fi')).toBe(0);
  });

  it('reads a whole text in written forms for the classifier', () => {
    expect(writtenText('Mä haluun täyttää, onks se ok?')).toBe('mina haluan tayttaa onko se ok');
  });
});

describe('matching a message against a phrasing', () => {
  it('takes inflected, spoken and clitic forms, but an exact phrasing scores higher', () => {
    const inflected = match('näytä edistyminen', 'näytäs mun edistymistä');
    const exact = match('näytä edistyminen', 'näytä edistyminen');
    expect(inflected).not.toBeNull();
    expect(exact?.literals).toBeGreaterThan(inflected?.literals ?? Number.POSITIVE_INFINITY);
  });

  it('lets a message leave out one small word of the phrasing, not a word that carries meaning', () => {
    expect(match('fortsätt med frågorna', 'fortsätt frågorna', 'sv')).not.toBeNull();
    expect(match('fortsätt med frågorna', 'med frågorna', 'sv')).toBeNull();
    expect(match('visa mina observationer', 'visa observationerna', 'sv')).not.toBeNull();
    // Only one such word, and the rest must be there.
    expect(match('show me my progress', 'show progress', 'en')).toBeNull();
  });

  it('passes over polite words, but a lone typo among them is too weak', () => {
    expect(match('edistyminen', 'edistymistä pls')).not.toBeNull();
    expect(match('progress', 'could i see my progress', 'en')).not.toBeNull();
    expect(match('tauko', 'taiko pls')).toBeNull();
  });

  it('reads a date said first against a phrasing that has it last', () => {
    const slots: SlotSpecs = { date: { type: 'date', optional: true } };
    const compiled = compilePhrasing('[olen|oon] (poissa|lomalla) {date}', slots, 'fi');
    const dateFirst = withDateFirst(compiled);
    expect(dateFirst).not.toBeNull();
    expect(dateFirst && matchPhrasing(dateFirst, tokenize('huomenna oon poissa'), TODAY)?.slots.date).toBe('2026-11-24');
    expect(withDateFirst(compilePhrasing('{date} poissa', slots, 'fi'))).toBeNull();
  });
});

describe('a classifier guess stands only on the message\'s own words', () => {
  const utterances = {
    fi: [
      { utterance: 'kuka on opettajani', intent: 'my-teacher' },
      { utterance: 'kuka mua opettaa', intent: 'my-teacher' },
      { utterance: 'kuka mua ohjaa', intent: 'my-instructor' },
      { utterance: 'kuka on ohjaajani', intent: 'my-instructor' },
      { utterance: 'kuka arvioi minut', intent: 'my-grade' },
      { utterance: 'kuka on katsonut tietoja', intent: 'audit' },
      { utterance: 'mitä raportoinnista vaaditaan', intent: 'None' },
      { utterance: 'mitä asiakastiedot tarkoittaa', intent: 'None' },
    ],
    en: [
      { utterance: 'who is my teacher', intent: 'my-teacher' },
      { utterance: 'who is my instructor', intent: 'my-instructor' },
      { utterance: 'who grades me', intent: 'my-grade' },
      { utterance: 'who has viewed data', intent: 'audit' },
      { utterance: 'what is the capital of sweden', intent: 'None' },
    ],
    sv: [{ utterance: 'vem är min lärare', intent: 'my-teacher' }],
  };
  const support = createIntentSupport(utterances, 'None');

  it('backs a guess when a word only that command has is in the message', () => {
    expect(support.supports('my-instructor', 'kuka mua ohjaa töissä', 'fi')).toBe(true);
    expect(support.supports('my-teacher', 'who is my teacher again', 'en')).toBe(true);
  });

  it('does not back a guess made on words every question has', () => {
    expect(support.supports('my-teacher', 'who is the president of finland', 'en')).toBe(false);
    expect(support.supports('my-teacher', 'kuka on suomen presidentti', 'fi')).toBe(false);
  });

  it('does not back a guess when the curriculum\'s words outnumber the command\'s', () => {
    expect(support.supports('my-instructor', 'mitä raportoinnista ohjaa asiakastietoja', 'fi')).toBe(false);
  });
});

describe('statements: an account of work done', () => {
  it.each([
    'tänään hoidin kolme asiakasta puhelimessa',
    'selvitin asiakkaan laskutusongelman',
    'olen tänään päivittänyt asiakasrekisteriä',
    'oon hoitanut reklamaatioita koko aamun',
    'kävimme läpi huoltosopimuksia',
    'hoidettiin tänään inventaario',
    'I handled complaints today',
    "I've been answering emails all day",
    'had a meeting with mikko about the campaign',
    'Updated the customer register',
    'idag svarade jag på mejl',
    'jag har uppdaterat kundregistret idag',
  ])('"%s" is a first-person account', (text) => {
    expect(isFirstPersonAccount(text)).toBe(true);
  });

  it.each([
    'mä en tiedä mitä arvosanaan 4 tarvitaan',
    'haluaisin nähdä mun edistymisen',
    'en tuu huomenna töihin',
    'mitä pitää osata',
    'what do I need for grade 3',
  ])('"%s" is not', (text) => {
    expect(isFirstPersonAccount(text)).toBe(false);
  });

  it('reads an instructor\'s words about a named student, in past or perfect, never a question', () => {
    expect(nameFollowedByPastVerb('Aino on tänään hoitanut puhelut itsenäisesti', 'Aino')).toBe(true);
    expect(nameFollowedByPastVerb('aino tänään myi kolme pesukonetta', 'Aino')).toBe(true);
    expect(nameFollowedByPastVerb('Aino har hjälpt många kunder idag', 'Aino')).toBe(true);
    expect(nameFollowedByPastVerb('Ville presented his report to the team', 'Ville')).toBe(true);
    expect(nameFollowedByPastVerb('Miten Aino on pärjännyt', 'Aino')).toBe(false);
    expect(nameFollowedByPastVerb('Aino on tosi hyvä', 'Aino')).toBe(false);
    expect(opensAsQuestion('onks aino ollut paikalla')).toBe(true);
  });

  it.each([
    'Aino osaa jo käyttää kassaa itsenäisesti',
    'Ainolla oli tänään hyvä päivä asiakaspalvelussa',
    'Ainon kanssa kävimme läpi tarjoukset',
    'Aino handles difficult customers really well',
    'Aino hjälper kunderna självständigt nu',
    'idag sålde Aino två diskmaskiner',
  ])('"%s" tells what Aino does or did', (text) => {
    expect(nameFollowedByPastVerb(text, 'Aino')).toBe(true);
  });

  it.each(['Ainon edistyminen', 'Aino ei tullut', 'hur mår Aino idag', 'Aino is great', "Aino's progress"])('"%s" does not', (text) => {
    expect(nameFollowedByPastVerb(text, 'Aino')).toBe(false);
  });
});

describe('tokens', () => {
  it('reads English contractions as their words, where the contraction stood', () => {
    const tokens = tokenize("how's aino doing, cant come");
    expect(tokens.list.map((t) => t.norm)).toEqual(['how', 'is', 'aino', 'doing', 'can', 'not', 'come']);
    expect(tokens.list[1]?.raw).toBe("how's");
  });
});
