// Phatic messages recognised however they are written (src/core/understanding/phatic.ts): short,
// every word small talk, one word or emoji marking the kind; anything with content is left alone.
// And the acknowledgement's reply: short, like thanks, without the what-I-do paragraph.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/conversation/command-context.ts';
import { renderPlainText } from '../../src/conversation/render-text.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { smalltalkCommand } from '../../src/core/smalltalk.ts';
import { type PhaticKind, phaticKind, withoutPleasantries } from '../../src/core/understanding/phatic.ts';
import { texts } from '../../src/core/texts.ts';
import type { Person } from '../../src/storage/index.ts';

describe('phaticKind', () => {
  it.each<[string, PhaticKind, Lang]>([
    // The everyday messages that once fell through to question answering.
    ['kiitos, tosi hyvä', 'thanks', 'fi'],
    ['okei selvä 👍', 'ack', 'fi'],
    ['hyvää iltaa sulle', 'greeting', 'fi'],
    ['kiitti paljon avusta!!', 'thanks', 'fi'],
    ['moikka osaava :)', 'greeting', 'fi'],
    ['ok thanks', 'thanks', 'en'],
    ['great, got it', 'ack', 'en'],
    ['cool ty', 'thanks', 'en'],
    ['tack så mycket för hjälpen', 'thanks', 'sv'],
    ['okej toppen', 'ack', 'sv'],
    ['huomenta huomenta', 'greeting', 'fi'],
    ['morjens', 'greeting', 'fi'],
    ['hei vaan', 'greeting', 'fi'],
    ['heh kiitos', 'thanks', 'fi'],
    ['jees', 'ack', 'fi'],
    ['👍', 'ack', 'fi'],
    ['good night', 'bye', 'en'],
    ['have a nice weekend', 'bye', 'en'],
    ['mukavaa viikonloppua', 'bye', 'fi'],
    ['trevlig helg', 'bye', 'sv'],
    // Finnish: spoken, typed without dots, elongated, with typos and emojis.
    ['Kiitos!', 'thanks', 'fi'],
    ['KIITOKSIA PALJON', 'thanks', 'fi'],
    ['kiitos tosi paljon 🙏', 'thanks', 'fi'],
    ['iso kiitos teille kaikille', 'thanks', 'fi'],
    ['kiitoooos', 'thanks', 'fi'],
    ['kiitso', 'thanks', 'fi'],
    ['kitos', 'thanks', 'fi'],
    ['kiittos avusta', 'thanks', 'fi'],
    ['tänks', 'thanks', 'fi'],
    ['ok kiitos', 'thanks', 'fi'],
    ['kiitos hyvää', 'thanks', 'fi'],
    ['kiitos tästä, tosi hyvä :D', 'thanks', 'fi'],
    ['kiitos ja hyvää viikonloppua', 'thanks', 'fi'],
    ['kiitos vielä kerran', 'thanks', 'fi'],
    ['hyvaa iltaa', 'greeting', 'fi'],
    ['moiii', 'greeting', 'fi'],
    ['heii 👋', 'greeting', 'fi'],
    ['no moi', 'greeting', 'fi'],
    ['päivää päivää', 'greeting', 'fi'],
    ['hyvää huomenta kaikille', 'greeting', 'fi'],
    ['moi mitä kuuluu?', 'how-are-you', 'fi'],
    ['mites menee', 'how-are-you', 'fi'],
    ['hei, kuka sä oot?', 'who-are-you', 'fi'],
    ['moi moi', 'bye', 'fi'],
    ['nähdään huomenna!', 'bye', 'fi'],
    ['hyvää yötä', 'bye', 'fi'],
    ['kivaa päivänjatkoa', 'bye', 'fi'],
    ['okei', 'ack', 'fi'],
    ['ok selvä', 'ack', 'fi'],
    ['selvä homma 👌', 'ack', 'fi'],
    ['joo selvä', 'ack', 'fi'],
    ['ai jaa okei', 'ack', 'fi'],
    ['hyvä juttu', 'ack', 'fi'],
    ['okei, hyvä kuulla', 'ack', 'fi'],
    ['mahtavaa 😄', 'ack', 'fi'],
    // English.
    ['thanks!!', 'thanks', 'en'],
    ['thank you so much', 'thanks', 'en'],
    ['thanks a lot for the help', 'thanks', 'en'],
    ['thx osaava', 'thanks', 'en'],
    ['tahnks', 'thanks', 'en'],
    ['cheers mate', 'thanks', 'en'],
    ['much appreciated 🙂', 'thanks', 'en'],
    ['thank you, very good', 'thanks', 'en'],
    ['hey there', 'greeting', 'en'],
    ['good morning everyone', 'greeting', 'en'],
    ['hello', 'greeting', 'en'],
    ["hi, how's it going?", 'how-are-you', 'en'],
    ['hey whats up', 'how-are-you', 'en'],
    ['who are you?', 'who-are-you', 'en'],
    ['bye bye', 'bye', 'en'],
    ['see you tomorrow', 'bye', 'en'],
    ['have a good one', 'bye', 'en'],
    ['ok', 'ack', 'fi'],
    ['okay, got it', 'ack', 'en'],
    ['sounds good 👍', 'ack', 'en'],
    ['alright cool', 'ack', 'en'],
    ['perfect, makes sense', 'ack', 'en'],
    ['no worries', 'ack', 'en'],
    // Swedish.
    ['tack!', 'thanks', 'sv'],
    ['tusen tack för svaret', 'thanks', 'sv'],
    ['tackar', 'thanks', 'sv'],
    ['hejsan', 'greeting', 'sv'],
    ['god morgon allihop', 'greeting', 'sv'],
    ['hej, hur mår du?', 'how-are-you', 'sv'],
    ['vem är du', 'who-are-you', 'sv'],
    ['hej då', 'bye', 'sv'],
    ['ha det bra!', 'bye', 'sv'],
    ['ha en trevlig kväll', 'bye', 'sv'],
    ['okej', 'ack', 'sv'],
    ['uppfattat 👌', 'ack', 'sv'],
    ['jättebra, då förstår jag', 'ack', 'sv'],
    // Emojis and emoticons on their own.
    ['🙏', 'thanks', 'fi'],
    ['👋', 'greeting', 'fi'],
    ['👍🏽👍🏽', 'ack', 'fi'],
    [':)', 'ack', 'fi'],
    ['xD', 'ack', 'fi'],
  ])('"%s" is %s in %s', (text, kind, lang) => {
    expect(phaticKind(text)).toEqual({ kind, lang });
  });

  it('decides by the strongest marker: thanks > bye > how-are-you > greeting > ack', () => {
    expect(phaticKind('moi, kiitos ja hei hei')?.kind).toBe('thanks');
    expect(phaticKind('ok kiitos, nähdään')?.kind).toBe('thanks');
    expect(phaticKind('okei, heippa sitten')?.kind).toBe('bye');
    expect(phaticKind('moi, mitä kuuluu')?.kind).toBe('how-are-you');
    expect(phaticKind('ok moi')?.kind).toBe('greeting');
    expect(phaticKind('hi 👍')?.kind).toBe('greeting');
    expect(phaticKind('👍🙏')?.kind).toBe('thanks');
  });

  it('takes the language of the words, and the fallback when they do not tell', () => {
    expect(phaticKind('ok thanks', 'sv')?.lang).toBe('en');
    expect(phaticKind('tack', 'en')?.lang).toBe('sv');
    expect(phaticKind('kiitos', 'en')?.lang).toBe('fi');
    expect(phaticKind('ok')?.lang).toBe('fi');
    expect(phaticKind('ok', 'en')?.lang).toBe('en');
    expect(phaticKind('👍', 'sv')?.lang).toBe('sv');
    expect(phaticKind('super', 'sv')?.lang).toBe('sv');
  });

  it.each([
    // Content after small talk: a question, a request, a date, an observation.
    'kiitos, mutta mitä arvosanaan 4 vaaditaan',
    'ok mitä seuraavaksi pitää tehdä',
    'hyvä 4 kriteerit',
    'hyvää päivää, mikä on näyttö',
    'selvä, entäs tietoturva',
    'thanks, what about grade 3',
    'ok pause 14.12.-18.12.',
    'kiitos Aino hoiti hyvin',
    'hei, mitä arvosanaan 3 vaaditaan?',
    'moi, kuka on opettajani',
    'ok, selvä. entä arvosana 5?',
    'thanks, but how do I demonstrate my skills',
    'hi, what does grade 4 require',
    'tack, men vad krävs för vitsordet 4',
    'hej, vad är en examensdel',
    'moi oon Aino',
    'tänään oli hyvä päivä',
    'kiitos 1000x',
    'ok 14:30',
    'klo 14:30',
    // Grade words alone, or with only an acknowledgement.
    'hyvä',
    'hyvää',
    'hyvin',
    'kiitettävä',
    'tyydyttävä',
    'kiitettävää?',
    'good',
    'good?',
    'excellent',
    'satisfactory',
    'god',
    'ok hyvä',
    'ok good',
    // Objects of thanks without the thanks; fillers without a marker.
    'help',
    'hi help',
    'moi apua',
    'avusta',
    'ok for the help',
    'tosi paljon',
    'sulle',
    // Nothing at all, or too much.
    '',
    '   ',
    '?',
    '...',
    ':(',
    '🤔',
    'kiitos kiitos kiitos kiitos kiitos tosi tosi paljon paljon',
    `kiitos ${'x'.repeat(400)}`,
  ])('leaves "%s" alone', (text) => {
    expect(phaticKind(text)).toBeNull();
  });
});

describe('the acknowledgement reply', () => {
  const person: Person = { id: 'p1', name: 'Aino Opiskelija', email: null, roles: ['student'], lang: 'fi', timeZone: 'Europe/Helsinki', createdAt: new Date(0) };
  // The smalltalk handler reads only the language (and the actor's name).
  const context = (lang: Lang) => ({ lang, actor: person, today: '2026-12-05' }) as CommandContext;

  it.each<Lang>(['fi', 'en', 'sv'])('is short, like thanks, without what Osaava does (%s)', async (lang) => {
    const t = texts.in(lang);
    const replies = await smalltalkCommand.handle(context(lang), { actor: person, slots: { kind: 'ack' }, subject: null });
    const text = replies.map(renderPlainText).join('\n');
    expect(replies[0]?.lang).toBe(lang);
    expect(text).toContain(t('smalltalkAck'));
    expect(text).not.toContain(t('smalltalkWhatIDo'));
    expect(text).not.toContain(t('smalltalkGreeting', { name: ' Aino' }));
  });

  it('answers a recognised "okei selvä 👍" as the lead wires it: the command with { kind } in the phatic language', async () => {
    const phatic = phaticKind('okei selvä 👍');
    if (!phatic) throw new Error('not recognised');
    const replies = await smalltalkCommand.handleStranger?.(context(phatic.lang), { slots: { kind: phatic.kind } });
    const text = (replies ?? []).map(renderPlainText).join('\n');
    expect(text).toContain(texts.in('fi')('smalltalkAck'));
    expect(text).not.toContain(texts.in('fi')('smalltalkWhatIDo'));
  });

  it('lists ack among the choices of the kind slot', () => {
    const spec = smalltalkCommand.slots.kind;
    expect(spec?.type === 'choice' ? spec.values : []).toContain('ack');
  });
});

describe('withoutPleasantries', () => {
  it.each([
    ['Hei! Voisitko näyttää mun edistymisen, kiitos', 'Voisitko näyttää mun edistymisen'],
    ['hei osaava, tauko 21.12.-1.1. kiitos', 'tauko 21.12.-1.1.'],
    ['moi mitä kuuluu, oon kipee', 'oon kipee'],
    ['Hej! Kan du visa mina framsteg?', 'Kan du visa mina framsteg?'],
    ['ok, näytä edistyminen', 'näytä edistyminen'],
    ['show my progress please!', 'show my progress'],
    ['starta frågorna igen tack', 'starta frågorna igen'],
    ['pause my check-ins, thanks in advance', 'pause my check-ins'],
    ['Aino hoiti kassan hyvin tänään, kiitos vaan', 'Aino hoiti kassan hyvin tänään'],
  ])('"%s" asks "%s"', (text, rest) => {
    expect(withoutPleasantries(text)).toBe(rest);
  });

  it.each(["I'm sick today, no check-in", 'hur går det för Aino', 'miten menee Villellä', 'hyvä 4 kriteerit', 'Hieno raportti Ainolta tänään', 'kiitos avusta', 'no niin, mitä seuraavaksi', 'ok hyvä', 'tauko 14.12.-18.12.'])('"%s" is left as written', (text) => {
    expect(withoutPleasantries(text)).toBe(text);
  });
});
