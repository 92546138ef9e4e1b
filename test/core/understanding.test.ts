// Understanding what people write, through the chat core as the app composes it: small talk,
// personal questions, statements offered as forms, and commands written the way people write them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormReply, Reply } from '../../src/conversation/reply.ts';
import { createTestCore, type TestCore } from '../support/core.ts';

const formOf = (replies: Reply[]): FormReply | undefined => replies.find((r): r is FormReply => r.kind === 'form');
const initialText = (form: FormReply | undefined, id: string) => {
  const field = form?.fields.find((f) => f.id === id);
  return field?.type === 'text' ? field.initial : undefined;
};
const citations = (replies: Reply[]) => replies.flatMap((r) => (r.kind === 'message' ? r.citations : []));

describe('understanding what people write', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore('pglite');
  });
  afterAll(async () => t?.close());

  describe('small talk gets a short friendly answer, never a passage', () => {
    it.each([
      ['moi, mitä kuuluu?', 'fi', 'aino'],
      ['hei', 'fi', 'stranger'],
      ['kiitos paljon!', 'fi', 'mikko'],
      ['hi, how are you?', 'en', 'stranger'],
      ['who are you', 'en', 'aino'],
      ['hej, hur mår du?', 'sv', 'stranger'],
      ['tack så mycket', 'sv', 'liisa'],
      ['kiitos, tosi hyvä', 'fi', 'mikko'],
      ['okei selvä 👍', 'fi', 'aino'],
      ['👍', 'fi', 'aino'],
      ['great, got it', 'en', 'stranger'],
      ['trevlig helg!', 'sv', 'aino'],
    ])('"%s" (%s, as %s)', async (text, lang, user) => {
      const replies = await t.say(user, text);
      expect(replies[0]?.lang).toBe(lang);
      expect(citations(replies)).toEqual([]);
      expect((await t.text(user, text)).split('\n').filter((line) => line.trim()).length).toBeLessThanOrEqual(4);
    });
  });

  describe('personal questions are answered from the asker own data, or redirected', () => {
    it('"Kuka on mun opettaja?" names the student\'s own teacher', async () => {
      expect(await t.text('aino', 'Kuka on mun opettaja?')).toContain('Liisa');
      expect(await t.text('aino', 'who is my instructor')).toContain('Mikko');
      expect(await t.text('ville', 'vem är min handledare')).toContain('Sanna');
    });

    it('"mikä mun arvosana on" says Osaava does not grade and whom to ask, citing nothing', async () => {
      const replies = await t.say('aino', 'mikä mun arvosana on');
      expect(citations(replies)).toEqual([]);
      const text = await t.text('aino', 'mikä mun arvosana on');
      expect(text).toContain('ei anna');
      expect(text).toContain('Liisa');
      expect(await t.text('stranger', 'what is my grade')).toContain('neither gives nor knows grades');
    });

    it('written at length or asking for a contact detail, still the asker\'s own people', async () => {
      expect(await t.text('aino', 'hei kuka mun opettaja oikein on tällä jaksolla?')).toContain('Liisa');
      expect(await t.text('aino', "what's my supervisor's email")).toContain('Mikko');
      expect(await t.text('aino', 'mikä on ohjaajani puhelinnumero')).toContain('Mikko');
    });

    it('a stranger asking for their teacher is told how to get enrolled, and sees no one else\'s data', async () => {
      const text = await t.text('stranger', 'kuka on mun opettaja');
      expect(text).toContain('Pyydä opettajaasi');
      expect(text).not.toContain('Liisa');
    });
  });

  describe('statements become the prefilled form, never saved unasked', () => {
    it('a student telling what she did gets today\'s check-in card with her words, at any time of the placement', async () => {
      const before = await t.store.reflections.findForDay('pl_demo_aino', '2026-11-23');
      const replies = await t.say('aino', 'Lisäksi tein asiakkaalle esitteen uusista palveluista.');
      const form = formOf(replies);
      expect(form?.formKind).toBe('checkin');
      expect(initialText(form, 'text')).toContain('Lisäksi tein asiakkaalle esitteen uusista palveluista.');
      expect(await t.store.reflections.findForDay('pl_demo_aino', '2026-11-23')).toEqual(before);
    });

    it('an instructor writing about his student gets the observation form prefilled, nothing logged', async () => {
      const count = async () => (await t.store.observations.listForPlacement('pl_demo_aino', { from: '2026-01-01', to: '2027-12-31' })).length;
      const before = await count();
      const replies = await t.say('mikko', 'Aino päivitti asiakastiedot CRM:ään tosi huolellisesti tänään');
      const form = formOf(replies);
      expect(form?.formKind).toBe('observation');
      expect(initialText(form, 'text')).toContain('päivitti asiakastiedot');
      expect(await count()).toBe(before);
    });

    it.each([
      ['aino', 'selvitin asiakkaan laskutusongelman', 'checkin'],
      ['aino', "I've been answering customer emails all day", 'checkin'],
      ['aino', 'idag har jag jobbat i kassan', 'checkin'],
      ['mikko', 'Aino on tänään hoitanut puhelut itsenäisesti', 'observation'],
      ['mikko', 'Ainolla oli tänään hyvä päivä asiakaspalvelussa', 'observation'],
      ['mikko', 'idag sålde Aino två diskmaskiner', 'observation'],
    ])('%s writing "%s" gets the %s form prefilled', async (user, text, kind) => {
      const form = formOf(await t.say(user, text));
      expect(form?.formKind).toBe(kind);
      expect(initialText(form, 'text')).toContain(text);
    });

    it('questions and greetings are still not statements', async () => {
      expect(formOf(await t.say('aino', 'mitä arvosanaan 4 vaaditaan'))).toBeUndefined();
      expect(formOf(await t.say('mikko', 'Mitä Aino teki tänään?'))).toBeUndefined();
    });
  });

  describe('commands written the way people write them', () => {
    it.each([
      ['oon kipee', 'parane pian'],
      ['en pääse tänään töihin', 'Poissaolo on kirjattu'],
      ['jag är sjuk i dag', 'krya på dig'],
    ])('"%s" records the absence', async (text, expected) => {
      const other = await createTestCore('pglite');
      try {
        expect(await other.text('aino', text)).toContain(expected);
      } finally {
        await other.close();
      }
    });

    it.each(['voiko työssäoppimisen aikana olla lomalla', 'saako olla sairaana kotona?', 'vad gör jag om jag är sjuk', 'what happens if i am sick on the day of my demonstration?'])(
      '"%s" asks about absences and records none',
      async (text) => {
        const other = await createTestCore('pglite');
        try {
          await other.say('aino', text);
          const [placement] = await other.store.placements.listByStudent('aino');
          expect(placement).toBeDefined();
          expect(await other.store.pauses.list(placement?.id ?? '', '2000-01-01')).toEqual([]);
        } finally {
          await other.close();
        }
      },
    );

    it('a polite request is read without its opening ("kan du visa …" is "visa …"), a polite question stays a question', async () => {
      expect(await t.text('aino', 'voitko kysyä jatkossa vasta 16.30')).toContain('16:30');
      expect(await t.text('liisa', 'kan du visa Villes framsteg?')).toContain('Ville Mäkinen');
      expect(await t.text('aino', 'voisitko selittää mitä palveluohjaus on')).toMatch(/palveluohjau/i);
    });

    it('a request wrapped in a greeting and thanks is still the request', async () => {
      expect(await t.text('aino', 'Hei! Voisitko näyttää mun edistymisen, kiitos')).toBe(await t.text('aino', 'edistymiseni'));
      expect(await t.text('aino', 'Hej! Kan du visa mina framsteg?')).toBe(await t.text('aino', 'visa mina framsteg'));
    });

    it('an enrolment written in words, or with its fields after other words, is the enrolment', async () => {
      const other = await createTestCore('pglite');
      try {
        expect(await other.text('liisa', 'uusi työpaikkajakso: opiskelija ville, ohjaaja sanna, työpaikka Lahden Tilitoimisto Oy, 11.1.2027-26.2.2027')).toContain('Työpaikkajakso lisätty');
        // Never the instructor's observation its names and verbs might look like.
        expect(formOf(await other.say('liisa', 'registrera praktik student=ville instructor=sanna workplace="Byggmax Vasa" start=2027-03-01 end=2027-04-30'))).toBeUndefined();
      } finally {
        await other.close();
      }
    });

    it('takes Finnish dates and times as the bot itself writes them', async () => {
      expect(await t.text('aino', 'tauko 14.12.2026 - 15.12.2026')).toContain('Tauko kirjattu 14.12.2026–15.12.2026');
      expect(await t.text('aino', 'checkin time 9')).toContain('09:00');
      expect(await t.text('aino', 'kyselyn aika klo 14.30')).toContain('14:30');
    });

    it('links a platform user in the Finnish form', async () => {
      expect(await t.text('admin', 'yhdistä slack U0123ABC ville')).toContain('Yhdistetty: slack U0123ABC → Ville');
    });

    it('finds the student named in any case form ("havainto ainosta: …", "progress Villelle")', async () => {
      expect(formOf(await t.say('mikko', 'havainto ainosta: oli tosi reipas asiakaspalvelussa'))?.formKind).toBe('observation');
      expect(await t.text('liisa', 'edistyminen Villelle')).toContain('Ville Mäkinen');
    });

    it('reads "@Aino" as Aino and offers the closest name for a typo', async () => {
      expect(formOf(await t.say('mikko', 'havainto @Aino: hoiti reklamaation rauhallisesti'))?.formKind).toBe('observation');
      expect(await t.text('liisa', 'edistyminen Vile')).toMatch(/Tarkoititko Ville/);
    });

    it.each([
      ['näytäs mun edistymistä', 'edistymiseni'],
      ['haluisin nähdä mun edistymisen', 'edistymiseni'],
      ['onks mulla paljon tekemättä', 'edistymiseni'],
      ['show me my progres', 'my progress'],
      ['visa observationerna', 'visa mina observationer'],
      ['kuka mun ope on', 'kuka on mun opettaja'],
    ])('"%s" (spoken, inflected, misspelt, a word left out) is answered as "%s"', async (variant, written) => {
      expect(await t.text('aino', variant)).toBe(await t.text('aino', written));
    });

    it('reads a date said first and a spoken negation ("huomenna oon poissa", "en tuu huomenna töihin")', async () => {
      const other = await createTestCore('pglite');
      try {
        expect(await other.text('aino', 'huomenna oon poissa')).toContain('Poissaolo on kirjattu');
        expect(await other.text('aino', 'en tuu huomenna töihin')).toContain('parane pian');
      } finally {
        await other.close();
      }
    });

    it('does not take a question sharing a command\'s small words for the command', async () => {
      expect(await t.text('aino', 'who is the president of finland')).not.toContain('Liisa');
      expect(await t.text('aino', 'mitä raportoinnista pitää osata')).not.toBe(await t.text('aino', 'apua'));
      expect(formOf(await t.say('aino', 'mä en tiedä mitä arvosanaan 4 tarvitaan'))).toBeUndefined();
    });

    it('bounds the work on a huge message and answers it', async () => {
      const huge = `${'asiakaspalvelu '.repeat(2600)}?`.slice(0, 40_000);
      const replies = await t.say('aino', huge);
      expect(replies.length).toBeGreaterThan(0);
    });
  });
});
