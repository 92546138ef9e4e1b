// Requests said with their reason and whose account it is ("Ville's old Teams account 29:… is gone,
// remove the link"), a week said in words, notes that open with what the student has, thanks with a
// comment, and lower-case names of someone else: through the chat core as the evaluation runs it.
import { describe, expect, it } from 'vitest';
import { useEvalCoreRoutes } from '../support/routes.ts';

describe('requests with their reason, and remarks around them', () => {
  const { routeOf } = useEvalCoreRoutes();

  it.each([
    // An account id with its owner named beside it; a short Teams id.
    ["Ville's Teams account 29:4kQx is no longer in use, remove the link", 'admin', 'command:unlink'],
    ['Villen vanha Slack-tunnus U07VILLE1 on suljettu, poista liitos', 'admin', 'command:unlink'],
    // An administrator's request with the reason around it.
    ['Ville pyysi tietojensa poistamista ja on eronnut koulusta, poista kaikki hänen tietonsa', 'admin', 'command:erase'],
    ['Ville sent us a data access request yesterday, please export everything about him as JSON', 'admin', 'command:export'],
    // A week in words is a range of days.
    ['ensi viikolla ei kyselyitä, oon kurssilla', 'aino', 'command:pause'],
    ['inga frågor nästa vecka tack', 'aino', 'command:pause'],
    // An instructor's note that opens with what the student has.
    ['ainolla vielä harjoiteltavaa puhelinpalvelussa, jännittää soittaa asiakkaille', 'mikko', 'statement:observations'],
    // Finland-Swedish chat forms ("ja e" is "jag är", "me" "med", "int" "inte").
    ['ja e hemma me feber idag', 'aino', 'command:absent'],
    ['ja kommer int i morgon', 'aino', 'command:absent'],
    ['skicka dagens fråga nu', 'aino', 'command:reflect'],
    // Contractions typed without their apostrophe.
    ['i wont be at work on friday', 'aino', 'command:absent'],
    // The two classifiers agreeing where the plain one alone leans.
    ['send me my weekly summary', 'aino', 'command:summary'],
    ['what did mikko write about me', 'aino', 'command:my-observations'],
    // What we had, the whole day's work listed.
    ['meillä oli tiimipalaveri jossa käytiin läpi asiakaspalautteet', 'aino', 'statement:checkins'],
    ['asiakaspalvelua koko päivä, paljon puheluita', 'aino', 'statement:checkins'],
    ['torstaina en oo töissä, koulussa on koe koko päivän', 'aino', 'command:absent'],
    // Spoken "at first … in the end" is no question.
    ['asiakas oli aluks tosi vihainen mut lopuks tyytyväinen, hoidin sen ihan itse', 'aino', 'statement:checkins'],
  ])('"%s" (as %s) is %s', async (text, as, expected) => {
    expect(await routeOf(text, as)).toBe(expected);
  });

  it.each(['send me a pizza', 'show me my schedule for tomorrow', 'what did the teacher say in class'])('"%s" stays a question though it has a command\'s words', async (text) => {
    expect(await routeOf(text, 'aino')).toBe('question');
  });

  it.each([
    ['kiitos, selkeä vastaus', 'aino'],
    ['thanks, that makes sense now', 'mikko'],
    ['tack, det hjälpte mycket', 'aino'],
    ['kiitti! nyt tajuun', 'liisa'],
  ])('"%s" (as %s) is thanks with a comment: small talk', async (text, as) => {
    expect(await routeOf(text, as)).toBe('command:smalltalk');
  });

  it.each([
    ['kiitos, mitä arvosanaan 5 vaaditaan', 'aino', 'question'],
    ['thanks, what about grade 5', 'aino', 'question'],
    ['kiitos, entä kiitettävä', 'aino', 'question'],
    ['thanks, I finished the customer survey today', 'aino', 'statement:checkins'],
  ])('"%s" (as %s) says more than thanks: %s', async (text, as, expected) => {
    expect(await routeOf(text, as)).toBe(expected);
  });

  it('tells staff asking about their own duties the unit, not a grade of their own; shows how to add a placement asked for by name', async () => {
    expect(await routeOf('mitä mun pitää arvioida näytössä?', 'mikko')).toBe('question');
    expect(await routeOf('lisää uusi jakso villelle', 'liisa')).toBe('clarify:enrol');
  });

  it('asking how the bot works is help, though passages share the words; how something else works is a question', async () => {
    // A guessed help is routed as the help command (for a known user) or as help (for a stranger).
    expect(await routeOf('apua, miten tämä toimii?', null)).toMatch(/^(command:)?help$/);
    expect(await routeOf('hur funkar det här', 'aino')).toMatch(/^(command:)?help$/);
    expect(await routeOf('miten asiakaspalvelu toimii', 'aino')).toBe('question');
  });

  it.each([['en ymmärrä'], ['häh?'], ["I don't get it"], ['jag förstår inte']])('"%s" alone is someone lost: help', async (text) => {
    expect(await routeOf(text, 'aino')).toBe('help');
  });

  it('reads a message addressed to the bot by name without the name ("@Osaava edistymiseni"); the name alone calls for help', async () => {
    expect(await routeOf('@Osaava edistymiseni', 'aino')).toBe('command:progress');
    expect(await routeOf('Osaava, tauko 14.12.-18.12.', 'aino')).toBe('command:pause');
    expect(await routeOf('@Osaava', 'mikko')).toBe('help');
  });

  it('does not answer a question about another student, named in lower case, with the asker\'s own grade', async () => {
    expect(await routeOf('vilket betyg fick ville', 'aino')).toBe('question');
    expect(await routeOf('mikä villen arvosana on', 'aino')).toBe('question');
    // The asker's own grade asked the same way stays theirs.
    expect(await routeOf('vilket vitsord får jag', 'aino')).toBe('command:my-grade');
  });
});
