// Commands that need values from the text, written any natural way: the entities are found wherever
// they stand (dates, times, Slack/Teams ids, the actor's people in any case form, an observation's
// text), the classifier reads the message masked, and the guess is taken only when every slot fits.
// Through the chat core as the app composes it, with what each command changes checked in storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormReply, Reply } from '../../src/conversation/reply.ts';
import { findEntities, nameIndex } from '../../src/core/understanding/entities.ts';
import { fillSlots, MISSING } from '../../src/core/understanding/slot-filling.ts';
import { tokenize } from '../../src/core/understanding/tokens.ts';
import { observeCommand } from '../../src/features/observations/observe-command.ts';
import { linkCommand } from '../../src/features/people/admin-commands.ts';
import { createTestCore, type TestCore } from '../support/core.ts';

const formOf = (replies: Reply[]): FormReply | undefined => replies.find((r): r is FormReply => r.kind === 'form');
const initialText = (form: FormReply | undefined, id: string) => {
  const field = form?.fields.find((f) => f.id === id);
  return field?.type === 'text' ? field.initial : undefined;
};
const PEOPLE = [
  { id: 'aino', name: 'Aino Virtanen' },
  { id: 'ville', name: 'Ville Mäkinen' },
  { id: 'sanna', name: 'Sanna Koskinen' },
];
const TODAY = '2026-11-23';
const entitiesOf = (text: string) => findEntities(tokenize(text), TODAY, nameIndex(PEOPLE));
const valuesOf = (filled: ReturnType<typeof fillSlots>) => (filled && typeof filled === 'object' ? filled.values : filled);

describe('entities found anywhere in a message', () => {
  it('reads dates, a range written with a dash, times after "klo", ids and inflected names', () => {
    expect(entitiesOf('tauota kyselyt joulun ajaksi 21.12.–6.1.').dates).toEqual(['2026-12-21', '2027-01-06']);
    expect(entitiesOf('haluun et kysely tulee klo 14.45').times).toEqual(['14:45']);
    // A bare number is no time unless a time word stands before it or am/pm after it.
    expect(entitiesOf('3 päivää').times).toEqual([]);
    expect(entitiesOf('send the check-in at 4pm').times).toEqual(['16:00']);
    expect(entitiesOf('ask me at 9 am').times).toEqual(['09:00']);
    expect(entitiesOf('ask me 12 pm').masked).toBe('ask me xtime');
    expect(entitiesOf('ändra tiden till 9').times).toEqual(['09:00']);
    expect(entitiesOf('från 3 till 5 dagar').times).toEqual([]);
    // "14.-18.12.": the first day shares the month and year of the second.
    expect(entitiesOf('tauko 14.-18.12.')).toMatchObject({ dates: ['2026-12-14', '2026-12-18'], masked: 'tauko xdate - xdate' });
    // A day in words stays a word for the classifier, and is a date only to a command with a date slot.
    expect(entitiesOf('olen kipeä ensi maanantaina')).toMatchObject({ dayWords: ['2026-11-30'], dates: [], masked: 'olen kipeä ensi maanantaina' });
    const link = entitiesOf('linkitä slack-käyttäjä U04ABCD12 villeen');
    expect(link).toMatchObject({ platforms: ['slack'], accounts: ['U04ABCD12'], people: [{ id: 'ville' }] });
    expect(link.masked).toBe('linkitä xplatform xaccount xname');
    expect(entitiesOf('link user 29:1a2bC3d4E5f6 to sanna')).toMatchObject({ platforms: ['teams'], accounts: ['29:1a2bC3d4E5f6'], people: [{ id: 'sanna' }] });
    expect(entitiesOf("delete all of ville's data").people).toMatchObject([{ id: 'ville' }]);
  });

  it('takes what follows a name after ":", "-", "," or "että" as the text', () => {
    expect(entitiesOf('log an observation for Aino: she handled a complaint calmly')).toMatchObject({ text: 'she handled a complaint calmly', masked: 'log an observation for xname : xtext' });
    expect(entitiesOf('kirjaa ainolle havainto et se päivitti asiakasrekisterin').text).toBe('se päivitti asiakasrekisterin');
    expect(entitiesOf('observation for aino, she helped a customer').text).toBe('she helped a customer');
    expect(entitiesOf('miten aino on pärjännyt').text).toBeNull();
  });
});

describe('slots filled from the entities, or no guess', () => {
  const students = new Set(['aino', 'ville']);

  it('fills every slot by type and leaves nothing typed over', () => {
    expect(valuesOf(fillSlots(linkCommand, entitiesOf('linkitä slack-käyttäjä U04ABCD12 villeen'), students))).toEqual({ platform: 'slack', externalId: 'U04ABCD12', person: 'ville' });
    expect(valuesOf(fillSlots(observeCommand, entitiesOf('havainto ainosta: hoiti valituksen rauhallisesti'), students))).toEqual({ student: 'Aino Virtanen', text: 'hoiti valituksen rauhallisesti' });
  });

  it('refuses a missing, ambiguous or unplaced value', () => {
    // No text after the name: the command fits, a value is missing.
    expect(fillSlots(observeCommand, entitiesOf('havainto ainosta'), students)).toBe(MISSING);
    // Two students where one is wanted.
    expect(fillSlots(observeCommand, entitiesOf('havainto ainosta ja villestä: hyvää työtä'), students)).toBe(MISSING);
    // A second account the command has no place for.
    expect(fillSlots(linkCommand, entitiesOf('link slack U04ABCD12 U05ABCD12 to ville'), students)).toBeNull();
    // Sanna is no student: not an observation's subject.
    expect(fillSlots(observeCommand, entitiesOf('observation for sanna: good'), students)).toBeNull();
  });
});

describe('slot commands written any natural way, through the chat core', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore('pglite');
  });
  afterAll(async () => t?.close());

  it.each([
    ['voisitko vaihtaa mun kyselyajan vaikka 15.30', '15:30'],
    ['ändra incheckningstiden till 14.45', '14:45'],
    ['can u change my check in time to 13.15', '13:15'],
    ['send the check-in at 4pm', '16:00'],
  ])('"%s" sets the check-in time', async (text, time) => {
    expect(await t.text('aino', text)).toContain(time);
  });

  it('a guessed absence takes the day written in words ("i have a fever tomorrow")', async () => {
    const other = await createTestCore('pglite');
    try {
      expect(await other.text('aino', 'i have a fever tomorrow')).toContain('No check-in or reminder tomorrow');
    } finally {
      await other.close();
    }
  });

  it('"tauota kyselyt joulun ajaksi 21.12.–23.12." pauses the check-ins for those days', async () => {
    expect(await t.text('aino', 'tauota kyselyt joulun ajaksi 21.12.–23.12.')).toContain('Tauko kirjattu 21.12.2026–23.12.2026');
  });

  it('links Slack and Teams users named in any order and case form', async () => {
    expect(await t.text('admin', 'linkitä slack-käyttäjä U04ABCD12 villeen')).toContain('Yhdistetty: slack U04ABCD12 → Ville');
    expect(await t.text('admin', 'link teams user 29:1a2bC3d4E5f6 to sanna')).toContain('Linked: teams 29:1a2bC3d4E5f6 → Sanna');
    expect((await t.store.people.findByIdentity({ platform: 'slack', tenantId: '', externalId: 'U04ABCD12' }))?.id).toBe('ville');
  });

  it('a guessed erase only asks for its confirmation, even with the confirming word', async () => {
    for (const text of ['poista villen kaikki tiedot', 'poista villen kaikki tiedot vahvista']) {
      expect(await t.text('admin', text)).toContain('poista opiskelija ville vahvista');
    }
    expect(await t.store.people.findById('ville')).not.toBeNull();
  });

  it('a command missing a value, or naming two where one is wanted, is answered with how to write it', async () => {
    expect(await t.text('admin', 'poista ainon ja villen tiedot')).toContain('poista opiskelija aino vahvista');
    expect(await t.store.people.findById('aino')).not.toBeNull();
    expect(await t.text('mikko', 'log an observation')).toContain('log an observation');
  });

  it('an admin command that erases or relinks is not run from an unsure guess; a read that names its student is', async () => {
    // Erase: at most its confirmation step, never from words about something else.
    for (const text of ['mitä mieltä aino on työpaikastaan', 'onko ainon tiedot ajan tasalla']) expect(await t.text('admin', text)).not.toMatch(/poistaa pysyvästi|poistettu/);
    // An export that names its student from a nearly sure guess ("I want to download Aino's data").
    expect(await t.text('admin', 'haluan ladata ainon tiedot')).toContain('Aino Virtanen');
  });

  it('"log an observation for Aino: …" offers the form with the text, nothing saved', async () => {
    const count = async () => (await t.store.observations.listForPlacement('pl_demo_aino', { from: '2026-01-01', to: '2027-12-31' })).length;
    const before = await count();
    const form = formOf(await t.say('mikko', 'log an observation for Aino: she handled a complaint calmly'));
    expect(form?.formKind).toBe('observation');
    expect(initialText(form, 'text')).toBe('she handled a complaint calmly');
    expect(await count()).toBe(before);
  });

  it('a question with a date or a time stays a question', async () => {
    for (const text of ['mitä pitää osata ennen näyttöä 15.12.', 'what do i need to know before the demo on 15.12.', 'mitä kyselyssä kysytään klo 9']) {
      const answer = await t.text('aino', text);
      expect(answer).not.toMatch(/Tauko kirjattu|klo 09:00|Break recorded/);
    }
  });
});
