// How closely a word of a message fits a word of a phrasing, as people write: exactly; the same
// word in its written form ("mun" → minun, "oon" → olen, "onks" → onko, "kipee" → kipeä); another
// inflection or a clitic of it ("edistymistä", "edistymiseni" ↔ edistyminen, "näytäs" ↔ näytä,
// "kyselyitä" ↔ kyselyjä, "summarize" ↔ summary, "framstegen" ↔ framsteg), by the language's
// Snowball stemmer (nlp.js); or one typo. The matcher scores them in that order, so that the
// phrasing written exactly as in the message always wins.
import { StemmerSv } from '@nlpjs/lang-sv';
import type { Lang } from '../../i18n/lang.ts';
import { editDistance } from '../../text/edit-distance.ts';
import { foldDiacritics, stemEn, stemFi, writtenFinnish } from '../../text/normalize.ts';

// Spoken forms the shared table (text/normalize.ts) does not carry; folded, as tokens are.
const SPOKEN: Readonly<Record<string, string>> = {
  mua: 'minua', mut: 'minut', musta: 'minusta', multa: 'minulta', sua: 'sinua', sut: 'sinut', susta: 'sinusta',
  kipee: 'kipea', kipia: 'kipea', takas: 'takaisin', takasin: 'takaisin', tuu: 'tule', tuun: 'tulen',
  tiia: 'tieda', tota: 'tuota', taal: 'taalla', siel: 'siella', tanaa: 'tanaan', huomen: 'huomenna',
  haluun: 'haluan', haluisin: 'haluaisin', pliis: 'please', plz: 'please', pls: 'please',
  // English chat spellings.
  tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tdy: 'today', u: 'you', ur: 'your', thx: 'thanks', wk: 'week',
  // Finland-Swedish chat ("ja e sjuk", "imorn").
  imorn: 'imorgon',
};

const svStemmer = new StemmerSv();
const MEMO_LIMIT = 20_000;
const memo = new Map<string, string>();

const writtenMemo = new Map<string, string>();

/** A folded word in its written form (spoken Finnish and chat spellings made standard). */
export function writtenForm(folded: string): string {
  let out = writtenMemo.get(folded);
  if (out === undefined) {
    out = SPOKEN[folded] ?? writtenFinnish(folded);
    if (writtenMemo.size >= MEMO_LIMIT) writtenMemo.clear();
    writtenMemo.set(folded, out);
  }
  return out;
}

/** The word's stem in the language of the phrasing it is compared with (memoised: a message repeats the work). */
export function stemIn(word: string, lang: Lang): string {
  const key = `${lang}:${word}`;
  let out = memo.get(key);
  if (out === undefined) {
    out = lang === 'fi' ? stemFi(word) : lang === 'en' ? stemEn(word) : svStemmer.stemWord(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, out);
  }
  return out;
}

/**
 * Two stems of one word: equal, or one a prefix of the other with a short difference (Snowball cuts
 * "edistymistä" to edistym and "edistymisen" to edistymis; "sairaana" to saira and "sairas" to sairas).
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return a.length >= 3;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.startsWith(short)) return false;
  const diff = long.length - short.length;
  return (short.length >= 4 && diff <= 1) || (short.length >= 5 && diff <= 2);
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A text with each word in its written form ("mä haluun täyttää" → "mina haluan tayttaa"), folded. */
export function writtenText(text: string): string {
  return (foldDiacritics(text).match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).map(writtenForm).join(' ');
}

export const WORD_SCORE = { exact: 4, written: 3, form: 2, typo: 1 } as const;

/**
 * How a message's word (folded) fits a phrasing's word (folded) in `lang`: 0 when it does not.
 * Inflections and typos only for words of 4–5 letters or more: short words are too easily another word.
 */
export function wordFit(token: string, word: string, lang: Lang): number {
  if (token === word) return WORD_SCORE.exact;
  // The matcher asks the same pairs again and again (every phrasing, every backtrack): remembered.
  const key = `${lang} ${token} ${word}`;
  let fit = fitMemo.get(key);
  if (fit === undefined) {
    fit = fitOf(token, word, lang);
    if (fitMemo.size >= MEMO_LIMIT) fitMemo.clear();
    fitMemo.set(key, fit);
  }
  return fit;
}

const fitMemo = new Map<string, number>();

function fitOf(token: string, word: string, lang: Lang): number {
  const written = writtenForm(token);
  const wordWritten = writtenForm(word);
  if (written === wordWritten) return WORD_SCORE.written;
  // Two forms of one word begin alike; the stemmers are asked only then.
  if (written.length >= 4 && wordWritten.length >= 4 && written.slice(0, 2) === wordWritten.slice(0, 2) && /^\p{L}+$/u.test(written) && /^\p{L}+$/u.test(wordWritten)) {
    if (sameStem(stemIn(written, lang), stemIn(wordWritten, lang))) return WORD_SCORE.form;
    // Stems Snowball leaves apart ("havainnot" / "havaintoni"): a long shared beginning.
    if (wordWritten.length >= 8 && sharedPrefix(written, wordWritten) >= Math.max(6, wordWritten.length - 3)) return WORD_SCORE.form;
  }
  // One typo in a long word is as sure a sign as another inflection ("progres", "edistymnen").
  if (word.length >= 5 && editDistance(token, word, 1) <= 1) return word.length >= 7 ? WORD_SCORE.form : WORD_SCORE.typo;
  return 0;
}

/** Finland-Swedish chat forms (folded) and their written words: "ja e hemma me feber" is "jag är hemma med feber". */
const SPOKEN_SV: Readonly<Record<string, string>> = { ja: 'jag', e: 'ar', me: 'med', int: 'inte', mej: 'mig', dej: 'dig', sej: 'sig', nan: 'nagon', nat: 'nagot', sku: 'skulle' };

/** A written text (writtenText) read as Swedish: its chat forms as written words. Only for a message already taken as Swedish. */
export function writtenSwedish(written: string): string {
  return written
    .split(' ')
    .map((word) => SPOKEN_SV[word] ?? word)
    .join(' ');
}
