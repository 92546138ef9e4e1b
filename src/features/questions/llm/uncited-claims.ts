// Does the model's own text state a requirement or criterion it did not cite? A sentence states a
// record when it holds most of the record's content words (≥ 0.6, stemmed, either language) and at
// least one of those words comes from no cited record: a paraphrase of a cited criterion shares words
// with its neighbours on other grades ("toimii yhteistyökykyisesti" at 1 and 2), and a summary of a
// cited passage may use a requirement's words; neither is an uncited claim.
import { stemEn, stemFi, words } from '../../../text/normalize.ts';
import { isStopword } from '../../../text/stopwords.ts';

export interface Statement {
  id: string;
  /** The record's texts, e.g. Finnish and English; each is checked on its own. */
  texts: readonly string[];
}

export interface UncitedClaim {
  id: string;
  /** Index of the sentence in the flattened list of sentences of `freeTexts`. */
  sentence: number;
  overlap: number;
}

export const UNCITED_CLAIM_THRESHOLD = 0.6;
/** Records of one content word are too short to tell apart from ordinary talk. */
const MIN_CONTENT_WORDS = 2;
const PLACEHOLDER = /\[[A-Z]+(?:_\d+)?\]/g;

export function sentencesOf(text: string): string[] {
  return text
    .replace(PLACEHOLDER, ' ')
    .split(/(?<=[.!?;:])\s+|\n+|\s+[–—-]\s+/u)
    .map((s) => s.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean);
}

/** Each content word as the set of its stems (Finnish and English stemmers). */
function contentWords(text: string): Set<string>[] {
  const seen = new Set<string>();
  const out: Set<string>[] = [];
  for (const word of words(text)) {
    if (word.length < 3 || isStopword(word) || /^\d+$/.test(word) || seen.has(word)) continue;
    seen.add(word);
    out.push(new Set([stemFi(word), stemEn(word)]));
  }
  return out;
}

function stemBag(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap((t) => contentWords(t).flatMap((stems) => [...stems])));
}

const meets = (word: Set<string>, bag: ReadonlySet<string>): boolean => [...word].some((s) => bag.has(s));

/**
 * The statements (the unit's requirements and criteria) that a sentence of `freeTexts` states without
 * them being among `cited` (every record the answer cites or shows, of any kind, with its texts).
 */
export function findUncitedClaims(
  freeTexts: readonly string[],
  statements: readonly Statement[],
  cited: readonly Statement[],
  threshold: number = UNCITED_CLAIM_THRESHOLD,
): UncitedClaim[] {
  const sentences = freeTexts.flatMap(sentencesOf).map((s) => stemBag([s]));
  const citedIds = new Set(cited.map((c) => c.id));
  const citedBag = stemBag(cited.flatMap((c) => c.texts));
  const claims: UncitedClaim[] = [];
  for (const statement of statements) {
    if (citedIds.has(statement.id)) continue;
    const variants = statement.texts.map(contentWords).filter((ws) => ws.length >= MIN_CONTENT_WORDS);
    sentences.forEach((sentence, index) => {
      for (const variant of variants) {
        const matched = variant.filter((w) => meets(w, sentence));
        const overlap = matched.length / variant.length;
        const novel = matched.some((w) => !meets(w, citedBag));
        if (matched.length >= MIN_CONTENT_WORDS && overlap >= threshold && novel) {
          claims.push({ id: statement.id, sentence: index, overlap });
          return;
        }
      }
    });
  }
  return claims;
}
