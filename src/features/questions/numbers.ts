// Numbers a question names with the words around them ("the 3 perspectives", "4 erilaista asiakasta",
// "kaksiosainen testi", "osat 1, 2 ja 3"), matched against the numbers a passage names with its words:
// "kolme näkökulmaa" in a passage's keywords, "neljän erilaisen asiakkaan" in its text, "2 osiota" in its
// title. The passage that names the same number with the same words is the one the question is about.
import { foldDiacritics, stemEn, stemFi, words } from '../../text/normalize.ts';
import { isStopword } from '../../text/stopwords.ts';

/** A number named in a text, with the stems of the words next to it. */
export interface Mention {
  n: number;
  /** Each context word's stems. */
  context: string[][];
}

/** Number words (folded) and the first parts of compounds they make ("kaksiosainen", "kolmitasoinen"). */
const NUMBER_WORDS: [number, RegExp][] = [
  [1, /^(ensimmainen|ensimmaisen|ensimmaista|ensimmaiseen|ensimmaisessa|first|forsta)$/],
  [2, /^(kaksi|kahden|kahta|kahdesta|kahteen|kahdella|two|tva|toinen|toisen|toista|toiseen|toisessa|second)$/],
  [3, /^(kolme|kolmen|kolmea|kolmesta|kolmeen|kolmella|three|tre|kolmas|kolmannen|kolmatta|kolmanteen|third|tredje)$/],
  [4, /^(nelja|neljan|neljaa|neljasta|neljaan|neljalla|four|fyra|neljas|neljannen|fourth|fjarde)$/],
  [5, /^(viisi|viiden|viitta|viidesta|viiteen|five|fem)$/],
  [6, /^(kuusi|kuuden|kuutta|kuudesta|six)$/],
  [7, /^(seitseman|seitsemaa|seitsemasta|seven|sju)$/],
  [8, /^(kahdeksan|kahdeksaa|kahdeksasta|eight|atta)$/],
  [9, /^(yhdeksan|yhdeksaa|nine|nio)$/],
  [10, /^(kymmenen|kymmenta|ten|tio)$/],
];
const COMPOUND_HEADS: [number, RegExp][] = [
  [2, /^kaksi(\w{4,})$/],
  [3, /^kolm[ei](\w{4,})$/],
  [4, /^neli(\w{4,})$/],
  [5, /^viisi(\w{4,})$/],
];
/** Words that name a numbered part ("osa 2", "part 3"): function words elsewhere, but what a number is about here. */
const PART_WORD = /^(osa|osat|osan|osaa|osassa|osasta|part|parts|del|delen|delar)$/;
/** How many words on each side of a number are its context. */
const REACH = 2;

function numberOf(word: string): { n: number; rest?: string } | undefined {
  if (/^\d{1,2}$/.test(word)) {
    const n = Number(word);
    return n >= 1 && n <= 20 ? { n } : undefined;
  }
  for (const [n, re] of NUMBER_WORDS) if (re.test(word)) return { n };
  for (const [n, re] of COMPOUND_HEADS) {
    const rest = re.exec(word)?.[1];
    if (rest) return { n, rest };
  }
  return undefined;
}

const isContext = (w: string) => w.length >= 3 && !/\d/.test(w) && (!isStopword(w) || PART_WORD.test(w)) && numberOf(w) === undefined;
const stemsOf = (w: string) => [...new Set([stemFi(w), stemEn(w)])];

/**
 * The numbers a text names (a range "4-5" is two), each with the stems of up to two content words on each
 * side within its sentence or line.
 */
export function numberMentions(text: string): Mention[] {
  return text.split(/[.!?:;](?:\s|$)|\n/).flatMap(mentionsIn);
}

function mentionsIn(sentence: string): Mention[] {
  const ws = words(sentence).flatMap((w) => w.split(/[-–]/)).filter(Boolean).map(foldDiacritics);
  const out: Mention[] = [];
  ws.forEach((w, i) => {
    const number = numberOf(w);
    if (!number) return;
    const context: string[][] = number.rest ? [stemsOf(number.rest)] : [];
    for (const step of [-1, 1]) {
      let taken = 0;
      for (let j = i + step; j >= 0 && j < ws.length && taken < REACH && Math.abs(j - i) <= 4; j += step) {
        const c = ws[j] ?? '';
        if (!isContext(c)) continue;
        context.push(stemsOf(c));
        taken++;
      }
    }
    out.push({ n: number.n, context });
  });
  return out;
}

/** Two stems are one word's forms: equal, or sharing all but their last two letters ("asiakk", "asiak"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  return p >= 4 && p >= Math.max(a.length, b.length) - 2;
}

/** How many of the question mention's context words the passage mention has. */
function shared(question: Mention, passage: Mention): number {
  if (question.n !== passage.n) return 0;
  const theirs = passage.context.flat();
  return question.context.filter((stems) => stems.some((s) => theirs.some((t) => sameWord(s, t)))).length;
}

export interface NumberedText {
  /** Mentions in the passage's title and keywords: what it is about. */
  labels: Mention[];
  /** Mentions in its text. */
  text: Mention[];
}

/**
 * How well a passage names the question's numbers with the question's words: for each number asked, its
 * best mention, one in the title or keywords counting three times one in the text.
 */
export function numberScore(asked: readonly Mention[], passage: NumberedText): number {
  let total = 0;
  for (const q of asked) {
    let best = 0;
    for (const p of passage.labels) best = Math.max(best, 3 * shared(q, p));
    for (const p of passage.text) best = Math.max(best, shared(q, p));
    total += best;
  }
  return total;
}
