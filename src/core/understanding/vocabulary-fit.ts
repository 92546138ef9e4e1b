// The intent model knows a word only in the forms it was taught: "viikkoyhteenvedon" is no
// "viikkoyhteenveto" to it, and "progres" no "progress". So each word of a message the model was not
// taught is first written as the taught word it is another form or a typo of: the same stem of five
// letters or more, or one typo in a word of seven. Stricter than the registry's matcher (word-forms.ts),
// since a wrong fit moves the model: "jatkossa" is no "jatketaan", "osassa" no "osaa". A word that fits
// nothing stays as written, and the model ignores it as before.
import type { Lang } from '../../i18n/lang.ts';
import { editDistance } from '../../text/edit-distance.ts';
import { stemIn } from './word-forms.ts';

export interface VocabularyFit {
  /** The written text (word-forms.ts `writtenText`) with every untaught word that fits a taught one replaced by it. */
  fit(written: string): string;
}

/** Shorter words are too easily another word ("tuo" ~ "tuon"); the fitting is only for longer ones. */
const MIN_LENGTH = 5;
const MIN_STEM = 5;
const MIN_TYPO_LENGTH = 7;
const FIT = { stem: 2, typo: 1 } as const;

function fitOf(word: string, candidate: string, lang: Lang): number {
  const stem = stemIn(word, lang);
  if (stem.length >= MIN_STEM && stem === stemIn(candidate, lang)) return FIT.stem;
  if (word.length >= MIN_TYPO_LENGTH && candidate.length >= MIN_TYPO_LENGTH && editDistance(word, candidate, 1) <= 1) return FIT.typo;
  return 0;
}
const MEMO_LIMIT = 20_000;

export function createVocabularyFit(taughtWords: Iterable<string>, lang: Lang): VocabularyFit {
  const taught = new Set<string>();
  // Forms of one word begin alike (wordFit asks the stemmers only then): candidates by their first two letters.
  const byStart = new Map<string, string[]>();
  for (const word of taughtWords) {
    if (taught.has(word)) continue;
    taught.add(word);
    if (word.length < MIN_LENGTH - 1 || !/^\p{L}+$/u.test(word)) continue;
    const key = word.slice(0, 2);
    byStart.set(key, [...(byStart.get(key) ?? []), word]);
  }
  const memo = new Map<string, string>();

  function closest(word: string): string {
    let best = word;
    let bestFit = 0;
    for (const candidate of byStart.get(word.slice(0, 2)) ?? []) {
      if (Math.abs(candidate.length - word.length) > 4) continue;
      const fit = fitOf(word, candidate, lang);
      // The closer fit wins; between equals, the candidate nearer in length (the likelier form).
      if (fit > bestFit || (fit === bestFit && fit > 0 && Math.abs(candidate.length - word.length) < Math.abs(best.length - word.length))) {
        best = candidate;
        bestFit = fit;
      }
    }
    return bestFit > 0 ? best : word;
  }

  return {
    fit(written) {
      return written
        .split(' ')
        .map((word) => {
          if (word.length < MIN_LENGTH || taught.has(word) || !/^\p{L}+$/u.test(word)) return word;
          let out = memo.get(word);
          if (out === undefined) {
            out = closest(word);
            if (memo.size >= MEMO_LIMIT) memo.clear();
            memo.set(word, out);
          }
          return out;
        })
        .join(' ');
    },
  };
}
