// Phatic messages however they are written: "kiitti paljon avusta!!", "okei selvä 👍", "trevlig helg".
// A message is small talk when it is short, every word of it is in the small lexicon below, and at
// least one word (or emoji) marks a kind. Everything else, a single word of content included
// ("kiitos, mutta mitä arvosanaan 4 vaaditaan"), is left to the rest of the chat.
import { type Lang, LANGS } from '../../i18n/lang.ts';
import { editDistance } from '../../text/edit-distance.ts';
import { foldDiacritics, words } from '../../text/normalize.ts';

/** The kinds of small talk, strongest first: a message that thanks and greets is thanks. */
export const PHATIC_KINDS = ['thanks', 'bye', 'how-are-you', 'who-are-you', 'greeting', 'ack'] as const;
export type PhaticKind = (typeof PHATIC_KINDS)[number];
export interface Phatic {
  kind: PhaticKind;
  lang: Lang;
}


/**
 * What a lexicon entry is: a marker of a kind; a `filler` that goes with any marker ("tosi", "so much");
 * an `object` of thanks, only with thanks ("avusta", "for the help"); a `grade` word, only with a
 * marker stronger than an acknowledgement ("kiitos, tosi hyvä" is thanks, a lone "hyvä" is a grade).
 */
type Role = PhaticKind | 'filler' | 'object' | 'grade';

/** Phrases per language and role, comma-separated; words are matched folded (ä → a) and lower-case. */
const LEXICON: Record<Lang, Partial<Record<Role, string>>> = {
  fi: {
    thanks: `kiitos, kiitti, kiitoksia, kiitokset, kiitoksii, kiitsi, kiitän, kitos, kitti, kiitos kiitos, tänks, tänx, tänkyy`,
    bye: `nähdään, nähään, nähdää, näkemiin, näkemisiin, kuulemiin, hei hei, heihei, moi moi, moimoi, moikka moikka,
      heippa heippa, tsau, tsaukki, tsaukkis, heido, öitä, hyviä öitä, hyvät yöt, palataan, palaillaan, moi sitten,
      hei sitten, heippa sitten, moikka sitten, nähdään huomenna, nähdään taas, nähdään pian, huomiseen, ensi kertaan,
      ens kertaan`,
    'how-are-you': `mitä kuuluu, mitäs kuuluu, mitä sulle kuuluu, mitä sinulle kuuluu, mitä kuuluu sulle, mitä teille kuuluu,
      miten menee, mites menee, miten sulla menee, miten sinulla menee, miten voit, miten voitte, kuis menee, kuinka menee,
      kuinka voit, kuis kulkee, miten kulkee`,
    'who-are-you': `kuka olet, kuka sinä olet, kuka sä oot, kuka sää oot, kuka oot, kuka sä olet, kuka te olette, mikä olet,
      mikä sinä olet, mikä sä oot, mikä sä olet, mikä oot, mikä tämä on, mikä tää on, mikä osaava on, mikä on osaava,
      kuka on osaava, oletko botti, ootko botti, oletko robotti, ootko robotti, oletko ihminen, ootko ihminen, mikä botti tää on,
      mikä tää botti on, mikä tämä botti on, mikä botti tämä on, mitä teet, mitä sä teet, mitä sinä teet, mitä te teette, ootko tekoäly, oletko tekoäly, ootko chatgpt, oletko chatgpt,
      kuka teki sut, kuka sut teki, kuka sinut teki, kuka sinut on tehnyt`,
    greeting: `moi, moikka, moikku, moikkis, moro, moro moro, morjens, morjes, morjesta, terve, terve terve, terveppä,
      tervehdys, tervehdyksiä, hei, heii, heippa, heissan, heips, hellurei, hoi, päivää, huomenta, huomenia, iltaa,
      iltapäivää, hyvää huomenta, hyvää päivää, hyvää iltaa, hyvää iltapäivää`,
    ack: `ok, okei, okey, oki, okki, okke, okidoki, selvä, selvää, selvis, selkis, selvä pyy, selvä homma, asia selvä,
      joo, juu, jep, jeps, jepjep, jees, jes, jess, jee, jippii, hyvä on, hyvä juttu, hyvä kuulla, kiva kuulla, kiva juttu,
      hieno juttu, hienoa, hieno, kiva, kivaa, mahtavaa, mahtava, loistavaa, loistava, upeaa, upea, huippua, huippu,
      siistiä, siisti, täydellistä, täydellinen, super, superia, timanttia, ymmärrän, ymmärretty, ymmärsin, tajuan,
      tajusin, aha, ahaa, aijaa, ai jaa, sovittu, just niin, justiinsa, niinpä, no niin, hyvin menee, hyvää kuuluu,
      ihan hyvin, olet paras, oot paras, oot kova, hyvä botti, hyvin tehty, hyvää työtä, hieno homma, tää auttoi, tämä auttoi, se auttoi, auttoi,
      tästä oli apua, siitä oli apua, oli apua, hups, hupsis, ups, sori, sorry, anteeksi, väärä chatti, väärä kanava, testi, testaus, lol, xd, haha, hahaha, hehe, heheh, hyödyllistä, hyödyllinen, oli hyödyllistä, tosi hyödyllistä, siinä kaikki, ei muuta, ei mitään, ei tarvii, toimii, se toimii,
      homma hoidossa, homma selvä, hauska tutustua, mukava tutustua, kiva tutustua, nyt ymmärrän, ymmärrän nyt, tsekkaan, tsekkaan sen, katon, katon sen, katson, katson sen, katsotaan, teen sen, teen niin,
      oho, en tiennytkään, enpä tiennyt, mielenkiintoista, kiinnostavaa, hyötyä, on hyötyä, tästä on hyötyä, siitä on hyötyä`,
    filler: `tosi, todella, ihan, oikein, aivan, kovasti, paljon, paljo, paljoo, tuhannesti, mahottomasti, hirveesti,
      hirveästi, vaan, vaa, vain, sulle, sinulle, teille, kaikille, myös, kans, kanssa, samoin, taas, vielä, kerran,
      jälleen, no, niin, nii, nyt, sitten, ja, iso, isot, suuri, suuret, lämmin, lämpimät, heh, hah, hih, hihi, osaava, osaavalle, botti, botille, tää, tämä, oli, varmasti, myöhemmin, huomenna`,
    object: `avusta, avustasi, avustanne, avustas, neuvoista, neuvosta, vastauksesta, vastauksista, vastauksestasi,
      tiedosta, tiedoista, infosta, tästä, siitä, tuosta, selityksestä, selityksistä, vinkistä, vinkeistä`,
    grade: `hyvä, hyvää, hyvin, kiitettävä, kiitettävää, tyydyttävä, erinomainen, erinomaista, välttävä`,
  },
  en: {
    thanks: `thanks, thank you, thank u, thankyou, thanku, thank, thx, thnx, thnks, thanx, tnx, ty, tysm, tyvm, cheers,
      many thanks, thanks a million, no thanks, appreciate it, i appreciate it, much appreciated, appreciated`,
    bye: `bye, bye bye, byebye, goodbye, good bye, see you, see ya, see u, cya, see you later, see you soon,
      see you tomorrow, have a nice one, have a good one, have a great one, later, laters, catch you later, talk later, talk to you later, ttyl, take care, good night,
      goodnight, night, nite, night night, gn, farewell`,
    'how-are-you': `how are you, how are u, how r u, how r you, how are you doing, how you doing, how are things,
      hows it going, how is it going, hows things, hows life, how have you been, how do you do, whats up, what is up,
      wassup, sup, whats new, hows your day, how is your day`,
    'who-are-you': `who are you, who r u, what are you, what is osaava, whats osaava, who is osaava, what is this, whats this, are you a bot,
      are you a robot, are you human, are you a human, are you real, are you an ai, are you chatgpt, are you gpt, are you an ai bot, are you artificial intelligence,
      who made you, who built you, who created you, what bot is this, what kind of bot are you`,
    greeting: `hi, hello, hey, heya, hiya, howdy, yo, greetings, good morning, morning, good afternoon, afternoon,
      good evening, evening, good day, hi there, hello there, hey there`,
    ack: `ok, okay, okey, okie, okies, k, kk, okidoki, okey dokey, okie dokie, alright, allright, all right, right, sure,
      got it, gotcha, i got it, i get it, i see, understood, noted, fine, cool, great, nice, awesome, perfect, super,
      sweet, lovely, brilliant, wonderful, fantastic, amazing, sounds good, sounds great, looks good, all good,
      good to know, makes sense, that makes sense, fair enough, yeah, yep, yup, yea, roger, will do, no problem,
      no worries, np, im fine, i am fine, im good, doing well, doing good, not bad, pretty good, nice one, wow, aha,
      you are awesome, youre awesome, you rock, good job, great job, well done, nice work, good bot, you are the best, youre the best, that helped, this helped, it helped, that was helpful, very helpful,
      helpful, oops, whoops, sorry, my bad, wrong chat, wrong channel, test, testing, lol, lmao, xd, haha, hehe, useful, very useful, that was useful,
      thats all, that is all, nothing else, that will be all, it works, works now, works, great help, a great help, big help, a big help,
      youve been a great help, you have been a great help, you were a great help, nice to meet you, pleased to meet you, good to meet you,
      ill check it, ill check it out, ill check, will check, will do it, ill do that, ill do it, ill have a look, ill take a look,
      interesting, very interesting, thats interesting, i didnt know that, didnt know that`,
    filler: `so, soo, much, very, really, a lot, lots, loads, tons, a ton, a bunch, again, man, mate, buddy, dude, bot,
      everyone, everybody, all, guys, folks, too, also, and, then, oh, ah, well, indeed,
      you too, and you, same to you, to you, osaava, tomorrow, for explaining, explaining`,
    object: `for, the, help, your, answer, answers, reply, info, information, tip, tips, advice, that, this`,
    grade: `good, excellent, satisfactory`,
  },
  sv: {
    thanks: `tack, tackar, tack tack, tusen tack, stort tack, tack ska du ha, jättetack, tacksam`,
    bye: `hej då, hejdå, hej hej, hejhej, vi ses, ses, vi hörs, hörs, ha det, ha det bra, ha det så bra, ha det gott, adjö,
      god natt, godnatt, sov gott, ses imorgon, vi ses imorgon, ses sen, vi ses sen, ses i morgon, vi ses i morgon`,
    'how-are-you': `hur mår du, hur mår ni, hur är det, hur går det, hur är läget, läget, hur har du det, hur står det till,
      hur är det med dig`,
    'who-are-you': `vem är du, vad är du, vad är osaava, vem är osaava, vad är det här, är du en bot, är du en robot, är du människa,
      vad är det här för bot, vad är det för bot, är du chatgpt, är du en ai, är du ai, vem gjorde dig, vem har gjort dig`,
    greeting: `hej, hejsan, tjena, tjenare, tja, tjabba, hallå, halloj, morrn, morsning, god morgon, godmorgon, god dag,
      goddag, god kväll, godkväll, god eftermiddag, hej på dig`,
    ack: `ok, okej, okey, okejdå, okidoki, japp, jepp, jaha, aha, precis, toppen, perfekt, kanon, fint, bra, jättebra,
      superbra, utmärkt, uppfattat, förstått, förstår, jag förstår, då förstår jag, fattar, jag fattar, grymt, schysst,
      härligt, coolt, absolut, visst, låter bra, det låter bra, inga problem, ingen fara, najs, nice, super, allt bra,
      bra jobbat, snyggt, du är bäst, det hjälpte, det var till hjälp, hoppsan, oj, förlåt, ursäkta, fel chatt, test, testar, xd, haha, hehe, till stor hjälp, det var till stor hjälp, stor hjälp, det fungerar, det funkar, funkar,
      det var allt, inget mer, trevligt att träffas, kul att träffas, jag kollar, jag kollar det, kollar, jag tittar på det, intressant, vad intressant, det visste jag inte`,
    filler: `så, mycket, jättemycket, verkligen, igen, alla, allihop, allihopa, er, dig, du, bara, nu, då, ju, väl, och, ja,
      detsamma, till dig, osaava, senare, imorgon`,
    object: `för, hjälpen, svaret, svar, informationen, infon, tipset, tipsen, det`,
    grade: `god, nöjaktig, berömlig`,
  },
};

/** Good wishes for what comes next ("mukavaa viikonloppua", "have a nice weekend", "trevlig helg"): goodbyes. */
const WISHES: Record<Lang, { forms: readonly string[]; adjectives: readonly string[]; nouns: readonly string[] }> = {
  fi: {
    forms: ['{a} {n}'],
    adjectives: ['hyvää', 'mukavaa', 'kivaa', 'hauskaa', 'leppoisaa', 'rentoa', 'aurinkoista', 'ihanaa', 'antoisaa'],
    nouns: ['viikonloppua', 'viikonloppuu', 'vkloppua', 'päivänjatkoa', 'illanjatkoa', 'jatkoa', 'jatkoja', 'yötä', 'lomaa', 'kesää', 'joulua', 'viikkoa', 'päivää', 'iltaa', 'työpäivää'],
  },
  en: {
    forms: ['{a} {n}', 'have a {a} {n}', 'enjoy your {n}', 'enjoy the {n}'],
    adjectives: ['nice', 'good', 'great', 'lovely', 'wonderful', 'fine', 'happy', 'merry'],
    nouns: ['weekend', 'day', 'evening', 'night', 'holiday', 'holidays', 'week', 'afternoon', 'christmas', 'new year'],
  },
  sv: {
    forms: ['{a} {n}', 'ha en {a} {n}'],
    adjectives: ['trevlig', 'bra', 'skön', 'fin', 'härlig', 'god', 'gott'],
    nouns: ['helg', 'dag', 'kväll', 'vecka', 'semester', 'jul', 'eftermiddag', 'nytt år'],
  },
};

/** Emojis that mark a kind on their own ("👍", "🙏"); other emojis are neither marker nor content. */
const EMOJI_KINDS: ReadonlyMap<number, PhaticKind> = new Map([
  ...[0x1f64f, 0x1f490].map((c) => [c, 'thanks'] as const),
  [0x1f44b, 'greeting'] as const,
  ...[
    0x1f44d, 0x1f44c, 0x2705, 0x2714, 0x1f197, 0x1f642, 0x1f60a, 0x1f600, 0x1f603, 0x1f604, 0x1f601, 0x1f609, 0x1f60e,
    0x1f919, 0x1f44f, 0x1f4aa, 0x1f64c, 0x2764, 0x1f499, 0x1f49a, 0x1f49b, 0x1f9e1, 0x1f49c, 0x1f970, 0x1f60d, 0x1f917,
    0x263a, 0x1f389, 0x1f973, 0x1f605, 0x1f606, 0x1f602, 0x1f923, 0x1f44a, 0x1f91d, 0x2b50, 0x1f31f, 0x1f4af, 0x1f607,
  ].map((c) => [c, 'ack'] as const),
]);

/** Emoticons written with letters or digits (":D", "xD", "<3", ":P"), taken out before the words are read. */
const EMOTICON = /(?:[:;=][-'^o]?[)(\][}{DPpOoSs3|/\\*]+|\(:|\^_?\^|<3+|(?<![\p{L}\p{N}])[xX][dD]+)(?![\p{L}\p{N}])/gu;
/** A smiling one (":)", ";-)", ":D", "xD", "<3", "^^") marks an acknowledgement on its own. */
const SMILE = /[:;=][-'^o]?[)\]}DPp3*]|\(:|\^_?\^|<3|(?<![\p{L}\p{N}])[xX][dD]+(?![\p{L}\p{N}])/u;

/** At most this many words; a longer message says something. */
const MAX_WORDS = 8;
/** Longer texts are not read at all (eight words with emojis fit well within it). */
const MAX_CHARS = 300;

interface Entry {
  role: Role;
  langs: Set<Lang>;
}

/** A word as the lexicon holds it: folded, without apostrophes, a letter written three times or more written twice. */
function wordKey(word: string): string {
  return foldDiacritics(word).replace(/['’`´]/g, '').replace(/(\p{L})\1{2,}/gu, '$1$1');
}

function wordsOf(text: string): string[] {
  return words(text.replace(/['’`´]/g, '').replace(/[-‐‑–—_]/g, ' ')).map(wordKey);
}

/** Every letter once ("kiitoos" → "kitos"): how an elongated word ("moiii", "heii") meets its entry. */
const squeeze = (word: string) => word.replace(/(\p{L})\1+/gu, '$1');

const PHRASES = new Map<string, Entry>();
/** Single words by their squeezed form; null where two roles meet. */
const SQUEEZED = new Map<string, Entry | null>();
let longestPhrase = 1;

function addPhrase(phrase: string, role: Role, lang: Lang, wish = false): void {
  const key = wordsOf(phrase).join(' ');
  if (!key) return;
  const known = PHRASES.get(key);
  if (known && known.role !== role) {
    if (wish) return;
    throw new Error(`smalltalk lexicon: "${phrase}" is both ${known.role} and ${role}`);
  }
  if (known) known.langs.add(lang);
  else PHRASES.set(key, { role, langs: new Set([lang]) });
  longestPhrase = Math.max(longestPhrase, key.split(' ').length);
}

for (const lang of LANGS) {
  for (const [role, list] of Object.entries(LEXICON[lang]) as [Role, string][]) {
    for (const phrase of list.split(',')) addPhrase(phrase, role, lang);
  }
}
for (const lang of LANGS) {
  const { forms, adjectives, nouns } = WISHES[lang];
  for (const form of forms) {
    for (const a of adjectives) for (const n of nouns) addPhrase(form.replace('{a}', a).replace('{n}', n), 'bye', lang, true);
  }
}
for (const [key, entry] of PHRASES) {
  if (key.includes(' ')) continue;
  const squeezed = squeeze(key);
  const known = SQUEEZED.get(squeezed);
  SQUEEZED.set(squeezed, known === undefined || known?.role === entry.role ? (known ?? entry) : null);
}
/** The words of thanks, for a typo of one letter ("kiitso", "tahnks"). */
const THANKS_WORDS = [...PHRASES].filter(([key, entry]) => entry.role === 'thanks' && !key.includes(' ') && key.length >= 6).map(([key, entry]) => ({ key, entry }));


/** One word's entry: as written, elongation taken out, or a one-letter typo of a word of thanks. */
function wordEntry(word: string): Entry | undefined {
  const exact = PHRASES.get(word);
  if (exact) return exact;
  if (/(\p{L})\1/u.test(word)) {
    const squeezed = SQUEEZED.get(squeeze(word));
    if (squeezed) return squeezed;
  }
  if (word.length < 5) return undefined;
  return THANKS_WORDS.find(({ key }) => key[0] === word[0] && editDistance(key, word, 1) === 1)?.entry;
}

/** The message as the fewest lexicon phrases that cover all its words, or null when some word is not in it. */
function parse(list: readonly string[]): Entry[] | null {
  const best: (Entry[] | null)[] = [[]];
  for (let end = 1; end <= list.length; end++) {
    let found: Entry[] | null = null;
    for (let length = Math.min(longestPhrase, end); length >= 1; length--) {
      const before = best[end - length];
      if (!before || (found && found.length <= before.length + 1)) continue;
      const entry = length === 1 ? wordEntry(list[end - 1] ?? '') : PHRASES.get(list.slice(end - length, end).join(' '));
      if (entry) found = [...before, entry];
    }
    best[end] = found;
  }
  return best[list.length] ?? null;
}

/**
 * The kind of small talk a message is, in the language its words come from, or null when it says
 * anything more. Short (at most eight words once emojis, emoticons and punctuation are gone), every
 * word in the lexicon, and one word or emoji a marker; the strongest marker decides the kind
 * (thanks > bye > how-are-you > who-are-you > greeting > ack). `fallback` breaks a tie of languages
 * ("ok", "👍"); otherwise Finnish, English, Swedish in that order.
 */
export function phaticKind(text: string, fallback: Lang = 'fi'): Phatic | null {
  if (text.length > MAX_CHARS) return null;
  const markers = new Set<PhaticKind>();
  for (const char of text) {
    const kind = EMOJI_KINDS.get(char.codePointAt(0) ?? 0);
    if (kind) markers.add(kind);
  }
  if (SMILE.test(text)) markers.add('ack');
  const list = wordsOf(text.replace(EMOTICON, ' '));
  if (list.length > MAX_WORDS) return null;
  const entries = parse(list);
  if (!entries) return null;
  for (const { role } of entries) if (role !== 'filler' && role !== 'object' && role !== 'grade') markers.add(role);
  const kind = PHATIC_KINDS.find((k) => markers.has(k));
  if (!kind) return null;
  const roles = new Set(entries.map((e) => e.role));
  if (roles.has('object') && !markers.has('thanks')) return null;
  if (roles.has('grade') && kind === 'ack') return null;
  return { kind, lang: languageOf(entries, fallback) };
}

function languageOf(entries: readonly Entry[], fallback: Lang): Lang {
  const score: Record<Lang, number> = { fi: 0, en: 0, sv: 0 };
  for (const { langs } of entries) for (const lang of langs) score[lang]++;
  const best = Math.max(...LANGS.map((lang) => score[lang]));
  const tied = LANGS.filter((lang) => score[lang] === best);
  return tied.includes(fallback) ? fallback : (tied[0] ?? fallback);
}

/** Words of asking nicely that close a request ("…, please", "… kiitos", "… tack"). */
const PLEASE: ReadonlySet<string> = new Set(['please', 'pls', 'plz', 'plis', 'pliis', 'kiitos', 'kiitti', 'kiitoksia', 'thanks', 'thx', 'ty', 'tack', 'jooko']);
/** Words that follow a closing thanks ("kiitos etukäteen", "thanks in advance", "tack på förhand"), never a closing alone. */
const AFTER_THANKS: ReadonlySet<string> = new Set(['vaan', 'etukateen', 'in', 'advance', 'pa', 'forhand']);
/** Acknowledgements that may open a request before a comma ("ok, tauko …", "joo, näytä …"). */
const OPENING_ACKS: ReadonlySet<string> = new Set(['ok', 'okei', 'okay', 'okej', 'joo', 'juu', 'jep', 'selva', 'yes', 'ja']);
const WORD = /[\p{L}\p{N}'’]+/gu;
const OPENING_WORDS = 4;
/** The bot's own name opening a message, as a mention or a vocative. */
const BOT_ADDRESS = /^\s*@?osaava(?:[-\s]?bot)?(?![\p{L}\p{N}-])[\s,:;!.]*/iu;

/**
 * The message without the greeting it opens with and the thanks or "please" it closes with:
 * "Hei! Voisitko näyttää mun edistymisen, kiitos" → "Voisitko näyttää mun edistymisen". What is
 * left is what the message asks; the text is returned as it is when nothing else would be left, except
 * the bot's own name alone, which leaves nothing.
 */
export function withoutPleasantries(text: string): string {
  if (text.length > MAX_CHARS * 4) return text;
  // The bot addressed by name ("@Osaava edistymiseni", "Osaava: tauko …"): the name is no one the message
  // is about. Its name alone is a call for it, as an empty message is (answered with help).
  const addressed = BOT_ADDRESS.exec(text);
  if (addressed) return addressed[0].length < text.length ? withoutPleasantries(text.slice(addressed[0].length)) : '';
  const tokens = [...text.matchAll(WORD)].map((m) => ({ key: wordKey(m[0]), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  if (tokens.length < 2) return text;
  let from = 0;
  for (let k = Math.min(OPENING_WORDS, tokens.length - 1); k >= 1; k--) {
    const entries = parse(tokens.slice(0, k).map((t) => t.key));
    if (!entries?.some((e) => e.role === 'greeting' || e.role === 'how-are-you')) continue;
    // "mitä kuuluu" / "hur går det" only before a comma or a stop: "hur går det för Aino" asks about Aino.
    const stop = /[,.!:;?]/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0));
    if (entries.every((e) => e.role === 'greeting' || e.role === 'filler' || (e.role === 'how-are-you' && stop))) {
      from = k;
      break;
    }
  }
  // "ok, …": an acknowledgement only before a comma or a stop.
  const first = tokens[from];
  const gap = first && tokens[from + 1] ? text.slice(first.end, tokens[from + 1]?.start) : '';
  if (first && OPENING_ACKS.has(first.key) && /[,.!:;]/.test(gap)) from++;
  let to = tokens.length;
  while (to - 1 > from) {
    const key = tokens[to - 1]?.key ?? '';
    const role = wordEntry(key)?.role;
    if (!(PLEASE.has(key) || role === 'thanks' || AFTER_THANKS.has(key) || role === 'filler')) break;
    to--;
  }
  // A closing starts with its word of thanks or please ("kiitos vaan", "thanks so much"): the fillers
  // before it are the request's own ("starta frågorna igen tack").
  const closing = (t: { key: string } | undefined) => t !== undefined && (PLEASE.has(t.key) || wordEntry(t.key)?.role === 'thanks');
  while (to < tokens.length && !closing(tokens[to])) to++;
  if (from === 0 && to === tokens.length) return text;
  const start = tokens[from]?.start ?? 0;
  const end = to === tokens.length ? text.length : (tokens[to]?.start ?? text.length);
  const rest = text.slice(start, end).replace(/[\s,;:!–-]+$/u, '');
  // A question keeps its mark ("Hej! Kan du visa …?").
  return rest && end < text.length && text.trimEnd().endsWith('?') && !rest.endsWith('?') ? `${rest}?` : rest || text;
}

/** How long a comment after thanks may run ("kiitos, tosta on apua", "thanks, that really helped with my report"). */
const COMMENT_WORDS = 8;

/**
 * Thanks, then a short comment on the help: "kiitti, näyttää hyvältä", "jes kiitti paljon, nyt
 * ymmärrän paremmin". The opening up to the first comma or stop is small talk with thanks in it; the
 * comment asks nothing. Read last, when nothing else took the message (a statement, a command).
 */
export function thanksWithComment(text: string, fallback: Lang = 'fi'): { thanks: Phatic; comment: string } | null {
  if (text.length > MAX_CHARS || text.includes('?')) return null;
  const cut = /[,.!:;]/u.exec(text);
  if (!cut) return null;
  const thanks = phaticKind(text.slice(0, cut.index), fallback);
  const comment = text.slice(cut.index + 1).trim();
  const words = wordsOf(comment.replace(EMOTICON, ' '));
  return thanks?.kind === 'thanks' && words.length > 0 && words.length <= COMMENT_WORDS ? { thanks, comment } : null;
}

/** The whole message says the writer is lost: "en ymmärrä", "häh?", "what?", "I don't get it", "jag förstår inte". */
const CONFUSED =
  /^(?:hä+h?|hm+|mitä|mitäh|täh|what|huh|eh|va|vad|vadå|(?:mä |minä |ma |mina )?en (?:ymmärrä|ymmärtäny?t|tajuu|tajua|tajunnu|käsitä)(?: mitään)?|(?:i )?don'?t (?:understand|get it)|i do not understand|(?:jag )?förstår (?:inte|ej)|fattar inte)[\s?!.]*$/iu;
export const isConfused = (text: string): boolean => CONFUSED.test(text.trim());
