// The words the knowledge base (and the rules that read questions) know, built once at load: what a
// question's word is when it is not one of them. A typo ("kiitetävään", "requirments") is corrected to
// the known word one or two edits away; a compound the base does not hold ("energiaviisaus") is split
// into the known word it starts with ("energia"). Comparisons are on folded stems, so inflection,
// missing ä/ö and the typo are handled at once. Lookups are bounded: candidates share the first letter
// and a length band, and the edit distance gives up as soon as it passes the limit.
import { foldDiacritics, stemEn, stemFi } from '../text/normalize.ts';

export interface Vocabulary {
  /** The folded word, or one of its stems, is known. */
  knows(word: string): boolean;
  /** The known (folded) word a misspelt one stands for, when exactly one is close enough. */
  correct(word: string): string | undefined;
  /** The base's own form of a word it knows only by its stem ("requirments" → "requirements", "hoitamisen" → "hoitaminen"). */
  lemma(word: string): string | undefined;
  /** A compound's known first part and the rest: "energiaviisaus" → ["energia", "viisaus"]. */
  split(word: string): [string, string] | undefined;
  readonly size: number;
}

/** Edits allowed between stems of this many letters: none below 5, one from 5, two from 10. */
export function editsAllowed(length: number): number {
  if (length < 5) return 0;
  return length >= 10 ? 2 : 1;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent transpositions),
 * or `limit + 1` as soon as it is certain to exceed `limit`.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? limit + 1;
}

/**
 * The stems a folded word may have. Snowball reads "-sta" as the elative, so the partitive of a "-nen"
 * word ("kolmosta", "kriittistä") loses its "s": the stem with it is a candidate too.
 */
export function stemCandidates(folded: string): string[] {
  const fi = stemFi(folded);
  const en = stemEn(folded);
  const out = [fi];
  if (en !== fi) out.push(en);
  if (/[aeiouy]sta$/.test(folded)) out.push(`${fi}s`);
  return out;
}

/** Both words reach `stem` through one stemmer (Finnish, with the partitive of a "-nen" word, or English). */
function sameLanguageStem(word: string, lemma: string, stem: string): boolean {
  const fi = stemFi(word);
  const finnish = (fi === stem || (/[aeiouy]sta$/.test(word) && `${fi}s` === stem)) && stemFi(lemma) === stem;
  return finnish || (stemEn(word) === stem && stemEn(lemma) === stem);
}

interface StemEntry {
  stem: string;
  /** The most frequent folded word with this stem. */
  word: string;
  count: number;
  /** Every folded word with this stem: a correction is the one closest to what was written. */
  forms: string[];
}

/** The base's words, each once or with how many times it occurs (`[word, count]`). */
export function createVocabulary(words: Iterable<string | readonly [string, number]>): Vocabulary {
  // Count the words as given first: a base repeats its words, and folding each once is what costs.
  const given = new Map<string, number>();
  for (const entry of words) {
    const [w, n] = typeof entry === 'string' ? [entry, 1] : entry;
    given.set(w, (given.get(w) ?? 0) + n);
  }
  const forms = new Map<string, number>();
  for (const [w, count] of given) {
    const folded = foldDiacritics(w);
    if (folded.length < 2 || /^\d+$/.test(folded)) continue;
    forms.set(folded, (forms.get(folded) ?? 0) + count);
  }
  const stems = new Map<string, StemEntry>();
  const remember = (stem: string, word: string, count: number) => {
    const entry = stems.get(stem);
    if (!entry) stems.set(stem, { stem, word, count, forms: [word] });
    else {
      if (count > entry.count || (count === entry.count && word.length < entry.word.length)) entry.word = word;
      entry.count += count;
      if (entry.forms.length < 24) entry.forms.push(word);
    }
  };
  for (const [form, count] of forms) {
    remember(stemFi(form), form, count);
    const en = stemEn(form);
    if (en !== form) remember(en, form, count);
  }
  // Candidates by first letter, then length.
  const buckets = new Map<string, StemEntry[][]>();
  for (const entry of stems.values()) {
    if (entry.stem.length < 5) continue;
    const first = entry.stem[0] ?? '';
    const byLength = buckets.get(first) ?? [];
    const sameLength = byLength[entry.stem.length] ?? [];
    sameLength.push(entry);
    byLength[entry.stem.length] = sameLength;
    buckets.set(first, byLength);
  }

  const knows = (word: string): boolean => {
    const folded = foldDiacritics(word);
    return forms.has(folded) || stemCandidates(folded).some((s) => stems.has(s));
  };

  /** Short words have many neighbours: one edit reaches a rare word only from seven letters up. */
  function closest(key: string, limit: number, wordLength = key.length): StemEntry | undefined {
    const byLength = buckets.get(key[0] ?? '');
    if (!byLength || limit === 0) return undefined;
    let best: { entry: StemEntry; distance: number } | undefined;
    for (let len = Math.max(5, key.length - limit); len <= key.length + limit; len++)
      for (const entry of byLength[len] ?? []) {
        const d = boundedDistance(key, entry.stem, best ? Math.min(limit, best.distance) : limit);
        if (d > limit) continue;
        if (wordLength < 7 && entry.count < 2) continue;
        if (!best || d < best.distance || (d === best.distance && entry.count > best.entry.count)) best = { entry, distance: d };
      }
    return best?.entry;
  }

  return {
    knows,
    correct(word) {
      const folded = foldDiacritics(word);
      if (folded.length < 5 || knows(folded)) return undefined;
      const fi = stemFi(folded);
      const en = stemEn(folded);
      const hit = closest(fi, editsAllowed(fi.length), folded.length) ?? (en !== fi ? closest(en, editsAllowed(en.length), folded.length) : undefined);
      if (!hit) return undefined;
      // A typo is a small edit of a real word: the closest written form, at most one edit beyond the stem's
      // ("kilpailjoita" → "kilpailijoita"); a real word that only shares a stem's neighbour ("osaava") stays.
      const limit = editsAllowed(folded.length) + 1;
      let best: { form: string; d: number } | undefined;
      for (const form of hit.forms) {
        const d = boundedDistance(folded, form, best ? Math.min(limit, best.d) : limit);
        if (d <= limit && (!best || d < best.d)) best = { form, d };
      }
      return best?.form;
    },
    lemma(word) {
      const folded = foldDiacritics(word);
      if (forms.has(folded)) return undefined;
      for (const s of stemCandidates(folded)) {
        const entry = stems.get(s);
        // Only a word the same stemmer brings to that stem: a Finnish case ending stripped must not
        // land on an English word's stem ("exceliin" → excel- is not "excellent").
        if (entry && sameLanguageStem(folded, entry.word, s)) return entry.word;
      }
      return undefined;
    },
    split(word) {
      const folded = foldDiacritics(word);
      if (folded.length < 7) return undefined;
      let fallback: [string, string] | undefined;
      for (let i = folded.length - 3; i >= 4; i--) {
        const head = folded.slice(0, i);
        const tail = folded.slice(i);
        if (!(forms.has(head) || (head.length >= 5 && stems.has(head)))) continue;
        if (knows(tail)) return [head, tail];
        fallback ??= [head, tail];
      }
      return fallback;
    },
    get size() {
      return forms.size;
    },
  };
}
