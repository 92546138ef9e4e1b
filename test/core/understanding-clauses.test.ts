// A command said in one clause with why in another, words the intent model was not taught in that
// form, and times of day in words: the units, then through the chat core as the evaluation runs it.
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/core/understanding/entities.ts';
import { tokenize } from '../../src/core/understanding/tokens.ts';
import { createVocabularyFit } from '../../src/core/understanding/vocabulary-fit.ts';
import { commandClauses, opensAsRequestForm } from '../../src/text/statements.ts';
import { citationsOf } from '../../src/cli/cli-core.ts';
import { describeRoute } from '../eval/corpus.ts';
import { useEvalCoreRoutes } from '../support/routes.ts';

const timesIn = (text: string) => findEntities(tokenize(text), '2026-11-23', new Map()).times;

describe('times of day in words', () => {
  it.each([
    ['siirrä kysely puoli kymmeneen aamulla', ['09:30']],
    ['laita kysely tulemaan neljältä', ['16:00']],
    ['kysy vasta kello kolme', ['15:00']],
    ['kysy kahdeksalta aamulla', ['08:00']],
    ['ask me at four instead', ['16:00']],
    ['half past nine please', ['09:30']],
    ['ändra tiden till halv tio', ['09:30']],
    ['klockan fyra', ['16:00']],
  ])('"%s" → %j', (text, times) => {
    expect(timesIn(text)).toEqual(times);
  });

  it.each([
    'sain palautetta kolmelta asiakkaalta', // from three customers
    'at one point the customer got angry',
    'puoli päivää meni kassalla',
    'kolme asiakasta soitti',
  ])('finds no time in "%s"', (text) => {
    expect(timesIn(text)).toEqual([]);
  });
});

describe('clauses of a request', () => {
  it('splits at sentence ends, commas and reason words, leaving dates and times whole', () => {
    expect(commandClauses('kuumetta 38,5 joten jään tänään kotiin')).toEqual(['kuumetta 38,5', 'jään tänään kotiin']);
    expect(commandClauses('Tulin takaisin jo tänään, voit jatkaa kyselyjä')).toEqual(['Tulin takaisin jo tänään', 'voit jatkaa kyselyjä']);
    expect(commandClauses('tauko 14.12. - 18.12.2026')).toEqual(['tauko 14.12. - 18.12.2026']);
    expect(commandClauses('siirrä kysely klo 9.30. Kiitos!')).toEqual(['siirrä kysely klo 9.30', 'Kiitos']);
    expect(commandClauses("pause 7.12.2026-11.12.2026 please, I'm at school because of exams")).toEqual([
      'pause 7.12.2026-11.12.2026 please',
      "I'm at school",
      'of exams',
    ]);
  });

  it('tells a clause that asks for something done', () => {
    for (const clause of ['voit jatkaa kyselyjä', 'ota tauko pois', 'ei tarvi kysellä', 'please skip today', 'visa mitt vitsord', 'voisitko siirtää kyselyn']) {
      expect(opensAsRequestForm(clause), clause).toBe(true);
    }
    for (const clause of ['tulin takaisin jo tänään', 'olen sairaana', 'I helped a customer', 'jag ringde kunder']) expect(opensAsRequestForm(clause), clause).toBe(false);
  });
});

describe('words fitted to the taught vocabulary', () => {
  const fit = createVocabularyFit(['tee', 'viikkoyhteenveto', 'jatketaan', 'osaa', 'edistyminen', 'progress'], 'fi');

  it('writes another form or a typo of a taught word as that word', () => {
    expect(fit.fit('tee viikkoyhteenvedon')).toBe('tee viikkoyhteenveto');
    expect(fit.fit('nayta edistymiseni')).toBe('nayta edistyminen');
  });

  it('leaves short words and words that only begin alike as written', () => {
    expect(fit.fit('kysy jatkossa')).toBe('kysy jatkossa');
    expect(fit.fit('tutkinnon osassa')).toBe('tutkinnon osassa');
  });
});

describe('commands with their reasons, through the chat core', () => {
  const { routeOf, ask } = useEvalCoreRoutes();

  it.each([
    ['kuumetta 38 astetta joten jään kotiin tänään', 'aino', 'command:absent'],
    ['palasin lomalta eilen, voit taas lähettää kyselyt', 'aino', 'command:resume'],
    ['voisitko tehdä Ainon viikkoyhteenvedon', 'mikko', 'command:summary'],
    ['kysy multa vasta kolmelta, aamut on kiireisiä', 'aino', 'command:checkin-time'],
    ['ändra tiden till halv tio', 'aino', 'command:checkin-time'],
  ])('"%s" (as %s) → %s', async (text, as, expected) => {
    expect(await routeOf(text, as)).toBe(expected);
  });

  it.each([
    // A student asking how to reach their own teacher or instructor by name.
    ['mikä Liisan puhelinnumero on?', 'aino', 'command:my-teacher'],
    ['how do I reach Mikko?', 'aino', 'command:my-instructor'],
    ['hur når jag Liisa?', 'aino', 'command:my-teacher'],
    // The word for students is nobody's name: the overview, not "no student called opiskelijoilla".
    ['miten mun opiskelijoilla menee?', 'liisa', 'command:students'],
    ['how are my students doing?', 'liisa', 'command:students'],
    // A request for help in words.
    ['voitko auttaa?', 'aino', 'command:help'],
    ['could you help me?', 'mikko', 'command:help'],
    // Small talk the lexicon now knows.
    ['thanks, that helped', 'mikko', 'command:smalltalk'],
    ['ootko robotti?', 'aino', 'command:smalltalk'],
    ['vi ses i morgon', 'aino', 'command:smalltalk'],
    ['oops, wrong chat', 'liisa', 'command:smalltalk'],
    ['Kiitos paljon, tää oli tosi hyödyllistä!', 'aino', 'command:smalltalk'],
    ["thank you, you've been a great help", 'mikko', 'command:smalltalk'],
    ['tack så mycket, det var till stor hjälp', 'aino', 'command:smalltalk'],
    ['ok kiitos, siinä kaikki', 'aino', 'command:smalltalk'],
    ['merry christmas!', 'liisa', 'command:smalltalk'],
    ['mitä kaikkea sä osaat?', 'aino', 'command:help'],
    ['are you ChatGPT?', 'aino', 'command:smalltalk'],
    ['mitä mä voin täällä tehdä', 'aino', 'command:help'],
    // An acknowledgement that promises to look later records nothing.
    ["thanks, I'll check it out", 'aino', 'command:smalltalk'],
    ["I'll check it out", 'aino', 'command:smalltalk'],
    ['kiitos, tsekkaan sen', 'aino', 'command:smalltalk'],
    ['tack, jag kollar det', 'aino', 'command:smalltalk'],
    ['ymmärrän, kiitos selityksestä', 'aino', 'command:smalltalk'],
    ['wow, interesting', 'mikko', 'command:smalltalk'],
    // A teacher's own account naming the student is an observation to draft.
    ["Visited Aino's workplace on Friday, she explained their customer care model confidently", 'liisa', 'statement:observations'],
    ['Kävin Ainon työpaikalla, hän esitteli asiakasrekisterin sujuvasti', 'liisa', 'statement:observations'],
    // A day told without a verb and a programme that is no qualification stay accounts.
    ['Not much today, just filing and emails', 'aino', 'statement:checkins'],
    ['We had a team meeting about the new loyalty programme and I presented my survey results', 'aino', 'statement:checkins'],
    // Chat spellings: English abbreviations, Finland-Swedish "ja e".
    ['im off tmrw', 'aino', 'command:absent'],
    ['ja e sjuk idag', 'aino', 'command:absent'],
    ['what can u do', 'mikko', 'command:help'],
    ['oonks mä jo läpi?', 'aino', 'command:my-grade'],
    ['har ja klarat mig?', 'aino', 'command:my-grade'],
    // Progress asked in Swedish.
    ['vilka krav saknas fortfarande för mig?', 'aino', 'command:progress'],
  ])('"%s" (as %s) → %s', async (text, as, expected) => {
    expect(await routeOf(text, as)).toBe(expected);
  });

  it.each([
    // Someone else's call is no contact asked for; a word that only shares a short stem backs no command.
    ['Mikko soittaa asiakkaille aamulla ja mä kuuntelen', 'aino', 'statement:checkins'],
    ['voitko tilata mulle taksin', 'aino', 'question'],
    ['where can I get a bus card?', 'aino', 'question'],
    ['vad ska jag göra om kunden är arg', 'aino', 'question'],
    ['voitko auttaa reklamaation kanssa', 'aino', 'question'],
    ['kiitos, mutta mitä arvosanaan 4 vaaditaan', 'aino', 'question'],
    // Someone else's grade or teacher is not the asker's own data; a help guess needs words about the bot.
    ['what grade did Ville get?', 'aino', 'question'],
    ['mikä arvosana Villellä on?', 'aino', 'question'],
    ["who is Ville's teacher?", 'aino', 'question'],
    ['voitko tehdä mun kotitehtävät?', 'aino', 'question'],
    ['how do I apply for student financial aid?', 'mikko', 'question'],
    // A date that is not the placement's is no one's here; another instructor's student is someone else.
    ['när får jag lön?', 'aino', 'question'],
    // A content word after an acknowledgement is the message: an absence stays an absence.
    ['ok, oon huomenna poissa', 'aino', 'command:absent'],
    ['what grade did Ville get?', 'mikko', 'question'],
    // An instructor asking of their role's duties asks the curriculum, not about their own grade.
    ['mitä mun pitää työpaikkaohjaajana arvioida opiskelijan näytössä', 'mikko', 'question'],
    ['tää oli vaikea päivä kassalla', 'aino', 'statement:checkins'],
    // An account that names today stays an account.
    ['olen tänään päivittänyt asiakasrekisteriä', 'aino', 'statement:checkins'],
    // A clause that asks makes the message a question.
    ['tein asiakaskyselyn, liittyykö se johonkin kriteeriin?', 'aino', 'question'],
  ])('"%s" (as %s) stays %s', async (text, as, expected) => {
    expect(await routeOf(text, as)).toBe(expected);
  });

  it('says it does not know a unit named in English before the word for a unit, citing nothing of its own', async () => {
    const asked = await ask('what are the requirements of the marketing unit?', 'aino');
    expect(describeRoute(asked.routes.at(-1))).toBe('question');
    expect(citationsOf(asked.replies).filter((c) => c.kind === 'requirement' || c.kind === 'criterion')).toEqual([]);
    expect(JSON.stringify(asked.replies)).toContain('\\"marketing\\"');
  });

  it('answers a student asking what they must do for a grade with who decides it and that grade\'s criteria', async () => {
    const asked = await ask('what do i need to do to get a 5?', 'aino');
    expect(describeRoute(asked.routes.at(-1))).toBe('command:my-grade');
    const criteria = citationsOf(asked.replies).filter((c) => c.kind === 'criterion');
    expect(criteria.length).toBeGreaterThan(0);
    expect(criteria.every((c) => c.id.startsWith('AH-G5.'))).toBe(true);
    // Someone the school does not know gets the criteria as an answer to the question.
    const stranger = await ask('what do i need to do to get a 5?', null);
    expect(describeRoute(stranger.routes.at(-1))).toBe('question');
    expect(citationsOf(stranger.replies).filter((c) => c.kind === 'criterion').length).toBe(criteria.length);
  });

  it('answers a student asking whether they get a grade, or when their demonstration is, from their own people', async () => {
    expect(describeRoute((await ask('Saanko Kiitettävän?', 'aino')).routes.at(-1))).toBe('command:my-grade');
    const when = await ask('Milloin mun näyttö on?', 'aino');
    expect(describeRoute(when.routes.at(-1))).toBe('command:my-teacher');
    // First that the bot does not see the date, then who to ask.
    const text = JSON.stringify(when.replies);
    expect(text.indexOf('En näe aikataulujasi')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('En näe aikataulujasi')).toBeLessThan(text.indexOf('Liisa Heikkinen'));
  });
});
