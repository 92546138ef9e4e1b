// Text normalisation shared by search, intent rules and language detection. Folding ä→a and ö→o
// before stemming makes "mita hyva" (typed without the dots) meet "mitä hyvä" in the index.
// The stemmers are Snowball's Finnish and Porter's English as ported by nlp.js: the same stems as
// the snowball-stemmers package at a fiftieth of the cost, which keeps start-up well under 200 ms.
// Snowball leaves a few Finnish word classes split across stems; `stemFi` joins them (see finnishKey).
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerFi } from '@nlpjs/lang-fi';

const fiStemmer = new StemmerFi();
const enStemmer = new StemmerEn();
/**
 * `fn` remembered per word, up to `limit` words (then forgotten all at once): stemming is pure and a
 * knowledge base or a long message repeats its words many times.
 */
export function memoisedByWord<T>(fn: (word: string) => T, limit: number): (word: string) => T {
  const memo = new Map<string, T>();
  return (word) => {
    let out = memo.get(word);
    if (out === undefined) {
      out = fn(word);
      if (memo.size >= limit) memo.clear();
      memo.set(word, out);
    }
    return out;
  };
}

const MEMO_LIMIT = 50_000;

export function foldDiacritics(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/é/g, 'e');
}

/** Lower-case words (letters, digits and inner hyphens), diacritics kept. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

const ADDRESS = /^(\w*)osoit(?:e|etta|tee\w*|tei\w*)$/;

/**
 * The key of a Finnish word that another word's stem would swallow ("osoite", an address, and its
 * forms, apart from "osoittaa"), or null. The word alone stands for it: no English stem either.
 */
export function finnishHomographKey(folded: string): string | null {
  const address = ADDRESS.exec(folded);
  return address ? `${address[1] ?? ''}osoite` : null;
}

/**
 * One key for the forms Snowball leaves apart (input and output folded):
 * - "-nen" words: nominative "kriittinen" → "kriittin", the other cases "kriittisen" → "kriittis";
 *   "hoitaminen"/"hoitamisen", "nelonen"/"nelosen" likewise. The key is the oblique one.
 * - "-us/-ys" nouns: "asiakkuus", "asiakkuuden", "asiakkuutta", "asiakkuuksien"; "ohjaus", "ohjausta", "ohjauksen".
 * - consonant gradation at the end of the stem: t/d "tieto"/"tiedot", "hyöty"/"hyödyt"; nt/nn "raportointi"/"raportoinnin".
 * And one homograph apart: "osoite" (an address), not "osoittaa".
 */
function finnishKey(word: string, stem: string): string {
  // "osoite" (an address) is no form of "osoittaa" (to show), though Snowball gives both "osoit".
  const own = finnishHomographKey(word);
  if (own) return own;
  if (/nen$/.test(word) && /n$/.test(stem) && stem.length >= 4) return `${stem.slice(0, -1)}s`;
  const us = /^(.{2,}(?:uu|yy|[aeio]u|[aeio]y))(?:ks|d|t)?$/.exec(stem);
  if (us?.[1] && stem.length >= 5) return `${us[1]}s`;
  // nt/nn: "raportointi" → "raportoint", "raportoinnista" → "raportoin"; both "raportoin".
  return stem.replace(/([aeiouy])d([aeiouy])$/, '$1t$2').replace(/([aeiouy]n)t$/, '$1');
}

export const stemFi: (word: string) => string = memoisedByWord((w) => {
  const folded = foldDiacritics(w);
  return finnishKey(folded, fiStemmer.stemWord(folded));
}, MEMO_LIMIT);

export const stemEn: (word: string) => string = memoisedByWord((w) => enStemmer.stemWord(foldDiacritics(w)), MEMO_LIMIT);

/** Compact form for comparing phrases: folded, punctuation removed, single spaces. */
export function compact(text: string): string {
  return foldDiacritics(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Spoken and chat Finnish (folded) → the written form (folded) the rules and the index know. */
const SPOKEN_FI: Record<string, string> = {
  ma: 'mina', mie: 'mina', sa: 'sina', sie: 'sina', mun: 'minun', sun: 'sinun', mul: 'minulla', mulla: 'minulla',
  sulla: 'sinulla', mulle: 'minulle', sulle: 'sinulle', multa: 'minulta', sulta: 'sinulta', meian: 'meidan', teian: 'teidan',
  taa: 'tama', tan: 'taman', tas: 'tassa', toi: 'tuo', ton: 'tuon', tossa: 'tuossa', noi: 'nuo', naa: 'nama', oon: 'olen',
  oot: 'olet', ollaa: 'olemme', tarvii: 'tarvitsee', tarviin: 'tarvitsen', tarttee: 'tarvitsee', pitais: 'pitaisi',
  taytyis: 'taytyisi', voisko: 'voisiko', tehaan: 'tehdaan', tiian: 'tiedan', tiiatko: 'tiedatko', mitas: 'mita',
  mikas: 'mika', kukas: 'kuka', missas: 'missa', millon: 'milloin', miks: 'miksi', mihi: 'mihin', nii: 'niin', sit: 'sitten',
  sitte: 'sitten', vaa: 'vain', kans: 'kanssa', onkos: 'onko', onks: 'onko', eiks: 'eiko', paljo: 'paljon', mist: 'mista', joo: 'kylla',
  yks: 'yksi', kaks: 'kaksi', viis: 'viisi', kuus: 'kuusi', seittemän: 'seitseman', seitteman: 'seitseman',
  tarviiko: 'tarvitseeko', tarviinko: 'tarvitsenko', ite: 'itse', itte: 'itse', itelle: 'itselle', ittelle: 'itselle',
};

/**
 * A word in its written form (folded): "tarviiks" → "tarvitseeko", "onks" → "onko", "mun" → "minun",
 * "pitääks" → "pitaako". Words that are not spoken forms come back folded and otherwise unchanged.
 */
export function writtenFinnish(word: string, known?: (folded: string) => boolean): string {
  const folded = foldDiacritics(word);
  const direct = SPOKEN_FI[folded];
  if (direct) return direct;
  // The question clitic -ks (spoken -ko/-kö): "pitääks", "kuuluuks", "tarviiks"; not a word the text
  // knows as it is ("HOKS").
  if (folded.length >= 4 && /[aeiouy]ks$/.test(folded) && !known?.(folded)) {
    const base = folded.slice(0, -2);
    // Folded, -ko and -kö are one: "pitääks" → "pitaako".
    return `${SPOKEN_FI[base] ?? base}ko`;
  }
  return folded;
}
