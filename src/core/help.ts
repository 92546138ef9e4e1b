// "help": what this person can do, by role, in their language.
import type { Person } from '../storage/index.ts';
import { sayIn } from '../i18n/say.ts';
import type { ListItem, Reply } from '../conversation/reply.ts';
import { type CommandContext, message } from '../conversation/command-context.ts';

export function roleHelp(ctx: CommandContext, actor: Person | null): Reply[] {
  const say = sayIn(ctx.lang);
  const items: ListItem[] = [];
  if (!actor) {
    return [message(ctx.lang,
      { type: 'paragraph', text: say(
        'Hei! Olen **Osaava**. Vastaan kysymyksiin tutkinnon osan vaatimuksista ja arvioinnista kenelle tahansa.',
        "Hi! I'm **Osaava**. I answer anyone's questions about a unit's requirements and grading.") },
      { type: 'paragraph', text: enrolmentHint(ctx) },
      { type: 'list', items: [
        { text: say('"Mitä arvosanaan 4 vaaditaan?"', '"What does grade 4 require?"') },
        { text: say('"kaikki ammattitaitovaatimukset"', '"all requirements"') },
        { text: say('"Miten osoitan ammattitaitoni?"', '"How do I demonstrate my skills?"') },
      ] })];
  }
  if (actor.roles.includes('student')) items.push(
    { text: say('**edistymiseni**: mitkä vaatimukset on jo näytetty ja mitkä puuttuvat', '**my progress**: which requirements have evidence and which are missing') },
    { text: say('**reflektoi**: päivän reflektio nyt (muuten kysyn joka työpäivä)', '**reflect**: today\'s reflection now (otherwise I ask every working day)') },
    { text: say('Kun kysely odottaa vastausta, voit myös vain kirjoittaa, mitä teit: täytän lomakkeen puolestasi tarkistettavaksi', 'When a check-in is waiting, you can also just write what you did: I fill in the form for you to check') },
    { text: say('**viikkokooste**: oma viikkosi nyt', '**summary**: your week so far') },
    { text: say('**havaintoni**: työpaikkaohjaajan havainnot sinusta', '**my observations**: your instructor\'s observations about you') },
    { text: say('**olen sairaana tänään** / **tauko 2026-12-01 - 2026-12-05**: ei kyselyä niinä päivinä', '**I am sick today** / **pause 2026-12-01 - 2026-12-05**: no check-in on those days') },
    { text: say('**kyselyn aika 14:30**: milloin kysyn päivän reflektion', '**checkin time 14:30**: when I ask for the daily reflection') },
  );
  if (actor.roles.some((r) => r === 'instructor' || r === 'teacher' || r === 'admin')) items.push(
    { text: say('**havainto Aino: hoiti reklamaation rauhallisesti**: kirjaa havainto, ehdotan vaatimukset', '**observe Aino: handled a complaint calmly**: log an observation; I suggest the requirements') },
    { text: say('**opiskelijani**: opiskelijasi yhdellä silmäyksellä', '**my students**: your students at a glance') },
    { text: say('**edistyminen Aino**: opiskelijan edistyminen', '**progress Aino**: a student\'s progress') },
    { text: say('**viikkokooste Aino**: viikon yhteenveto nyt', '**summary Aino**: the weekly summary now') },
  );
  if (actor.roles.some((r) => r === 'teacher' || r === 'admin')) items.push(
    { text: say('**lisää jakso** opiskelija=… ohjaaja=… työpaikka="…" alku=2026-11-01 loppu=2027-01-31: uusi työpaikkajakso', '**enrol** student=… instructor=… workplace="…" start=2026-11-01 end=2027-01-31: a new placement') },
  );
  if (actor.roles.includes('admin')) items.push(
    { text: say('**yhdistä slack U123ABC aino**: liitä alustan käyttäjä henkilöön', '**link slack U123ABC aino**: link a platform user to a person') },
    { text: say('**vie tiedot aino** / **poista opiskelija aino vahvista**: tietopyynnöt (vienti JSON-muodossa, poisto)', '**export aino** / **erase aino confirm**: data requests (JSON export, erasure)') },
  );
  return [message(ctx.lang,
    { type: 'paragraph', text: say(`Hei ${actor.name.split(' ')[0]}! Näin voit käyttää Osaavaa:`, `Hi ${actor.name.split(' ')[0]}! Here is what you can do:`) },
    { type: 'list', items },
    { type: 'paragraph', text: say(
      'Voit myös kysyä tutkinnon osan vaatimuksista ja arvioinnista, esim. "Mitä arvosanaan 4 vaaditaan?" tai "Pitääkö kilpailijoita kartoittaa?".',
      'You can also ask about the unit\'s requirements and grading, e.g. "What does grade 4 require?" or "Do I need to know about competitors?".') })];
}

export function enrolmentHint(ctx: CommandContext): string {
  return sayIn(ctx.lang)(
    'En vielä tunne sinua, joten en voi näyttää henkilökohtaisia tietoja. Pyydä opettajaasi lisäämään työpaikkajaksosi Osaavaan (sähköpostiosoitteesi avulla yhdistän tilisi automaattisesti).',
    "I don't know you yet, so I can't show personal information. Ask your teacher to add your placement to Osaava (I link your account automatically by your e-mail address).",
  );
}
