// Text normalisation shared by search, intent rules and language detection. Folding ä→a and ö→o
// before stemming makes "mita hyva" (typed without the dots) meet "mitä hyvä" in the index.
import snowball from 'snowball-stemmers';

const fiStemmer = snowball.newStemmer('finnish');
const enStemmer = snowball.newStemmer('english');

export function foldDiacritics(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/é/g, 'e');
}

/** Lower-case words (letters, digits and inner hyphens), diacritics kept. */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

export function stemFi(word: string): string {
  return fiStemmer.stem(foldDiacritics(word));
}

export function stemEn(word: string): string {
  return enStemmer.stem(foldDiacritics(word));
}

/** Compact form for comparing phrases: folded, punctuation removed, single spaces. */
export function compact(text: string): string {
  return foldDiacritics(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
