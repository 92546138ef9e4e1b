// Commands written in everyday words that neither a phrasing nor a synonym has (command-synonyms.ts),
// through the chat core as the evaluation runs it: each comes out as its command, and questions that
// share a command's words stay questions.
import { describe, expect, it } from 'vitest';
import { useEvalCoreRoutes } from '../support/routes.ts';

describe('commands said in paraphrase', () => {
  const { routeOf } = useEvalCoreRoutes();

  it.each([
    // absent
    ['lapsi on kuumeessa joten jään kotiin', 'aino', 'command:absent'],
    ['mulla on flunssa, en tuu huomenna', 'aino', 'command:absent'],
    ["I'm not feeling great, staying home today", 'aino', 'command:absent'],
    ["my son is sick so I can't come in", 'aino', 'command:absent'],
    ['barnet är sjukt, jag stannar hemma', 'aino', 'command:absent'],
    // progress
    ['mitä mulla on vielä näyttämättä', 'aino', 'command:progress'],
    ['paljonko mulla on vielä jäljellä vaatimuksista', 'aino', 'command:progress'],
    ['what do i still have left to cover', 'aino', 'command:progress'],
    ['which requirements am i still missing', 'aino', 'command:progress'],
    ['how far along is Ville with his requirements', 'liisa', 'command:progress'],
    ['mitä villeltä puuttuu vielä', 'liisa', 'command:progress'],
    // resume, pause, check-in time, reflect
    ['starta om incheckningarna', 'aino', 'command:resume'],
    ["i'm back, start the check-ins again", 'aino', 'command:resume'],
    ['please pause the questions during my holiday', 'aino', 'command:pause'],
    ['can you send the check-in later', 'aino', 'command:checkin-time'],
    ["let me fill in today's form", 'aino', 'command:reflect'],
    ['jag vill svara på dagens fråga', 'aino', 'command:reflect'],
    // help
    ['mitä komentoja täällä on', 'aino', 'command:help'],
    ['which commands can i use', 'mikko', 'command:help'],
    ['vilka kommandon kan jag använda', 'mikko', 'command:help'],
    ['apua tarvitsen', null, 'help'],
    // summary, observations, students, contacts
    ['miten mun viikko meni', 'aino', 'command:summary'],
    ["give me a recap of Aino's week", 'mikko', 'command:summary'],
    ['sammanfatta Ainos vecka', 'mikko', 'command:summary'],
    ['has my supervisor written anything about me', 'aino', 'command:my-observations'],
    ['ketä opiskelijoita mulla on', 'mikko', 'command:students'],
    ['which trainees do i have', 'mikko', 'command:students'],
    ['vilka praktikanter har jag', 'mikko', 'command:students'],
    ["who's my workplace supervisor", 'aino', 'command:my-instructor'],
    // admin
    ['poista ainon kaikki tiedot', 'admin', 'command:erase'],
    ['radera allt om Aino', 'admin', 'command:erase'],
    ["export all of Aino's data please", 'admin', 'command:export'],
    ['kuka on katsellut ainon tietoja', 'admin', 'command:audit'],
    ['miten kyselyjen lähetys meni', 'admin', 'command:fanout-report'],
    ['vaihda muistutus klo 15', 'aino', 'command:checkin-time'],
    ['en halua kyselyjä 24.12.-27.12.', 'aino', 'command:pause'],
    ['jag kommer inte i morgon, har feber', 'aino', 'command:absent'],
    ['tarviin ohjeita', 'aino', 'command:help'],
    ['what has my instructor said about me', 'aino', 'command:my-observations'],
    ['tiivistelmä ainon viikosta', 'mikko', 'command:summary'],
    ["show me who has viewed Aino's data", 'admin', 'command:audit'],
  ])('"%s" (as %s) is %s', async (text, as, expected) => {
    expect(await routeOf(text, as)).toBe(expected);
  });

  it.each([
    ['mitä työpaikkaohjaukseen kuuluu', 'aino'],
    ['mitä asiakastiedoilla tehdään', 'aino'],
    ['paljonko maksaa bussikortti opiskelijalle', 'aino'],
    ['what do I need to know about customer service', 'aino'],
    ['mitä arvosanaan 4 vaaditaan', 'aino'],
    ['how should I handle customer feedback', 'aino'],
    ['miten käsittelen asiakkaan palautteen', 'aino'],
    ['vilka krav finns för examensdelen', 'aino'],
    ['how do I report a complaint', 'aino'],
    ['miten pidän taukoja työpäivän aikana', 'aino'],
    ['how many breaks do I get at work', 'aino'],
    ['what happens if i miss a day', 'aino'],
    ['voitko tilata mulle taksin', 'aino'],
    ['anna resepti pullaan', 'aino'],
    ['vad ska jag göra om kunden är arg', 'aino'],
    ['how do I export a report from the CRM', 'aino'],
    ['miten asiakkaan tiedot poistetaan', 'admin'],
  ])('"%s" (as %s) stays a question', async (text, as) => {
    expect(await routeOf(text, as)).toBe('question');
  });
});
