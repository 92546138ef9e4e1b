// The part of a passage that answers the question: its sentences or its list that carry the
// question's words (rare words weighing more) and, for "how long" or "how many", a duration or a number.
// A list is never cut: a list that answers is shown whole, with the line that introduces it. What is
// shown is the passage's own text, sentences joined with "…" where text was left out; the citation
// carries the whole passage.
import { stemEn, stemFi, words } from '../../text/normalize.ts';
import { isStopword } from '../../text/stopwords.ts';
import { type Mention, numberMentions, numberScore } from './numbers.ts';

/** What kind of fact the question asks for. */
export type Facet = 'duration' | 'count' | 'list' | 'questions';

export interface Focus {
  /** The question's index stems with their weights (rare words weigh more). */
  stems: ReadonlyMap<string, number>;
  facet?: Facet;
  /** The numbers the question names with the words they count ("the 4 customers"). */
  numbers?: readonly Mention[];
}

const FACETS: [Facet, RegExp][] = [
  ['duration', /\b(kuinka pitka\w*|miten pitka\w*|kauanko|kuinka kauan|kuinka pitkaan|kesto\w*|how long|duration|hur lang\w*|hur lange)\b/],
  ['count', /\b(kuinka monta|montako|kuinka paljon|kuinka (?:iso|suur)\w*|how many|how much|how (?:big|large)|hur manga|hur mycket|hur stor\w*)\b/],
  ['questions', /\b(kysymyk\w*|pohdittav\w*|pohdintakysym\w*|reflection questions|questions to|fragor|reflektionsfragor)\b/],
  ['list', /\b(mitka|mita kaikkia|listaa|luettele|nayta|list|show|which are|what are the|vilka|lista|visa)\b/],
];

/**
 * The fact a question asks for. A bare noun phrase ("kriittiset pisteet", "työelämäyhteistyön kriittiset
 * pisteet") asks for the thing itself, which a list of its parts answers best.
 */
export function facetOf(folded: string, contentWords?: number, allWords?: number): Facet | undefined {
  const named = FACETS.find(([, re]) => re.test(folded))?.[0];
  if (named) return named;
  if (contentWords !== undefined && contentWords > 0 && contentWords === allWords && contentWords <= 4) return 'list';
  return undefined;
}

/** How well a passage's sentence that gives a duration answers the focus, its words or none (0 when it gives none). */
export function durationScore(text: string, focus: Focus): number {
  return Math.max(0, ...unitsOf(text).filter((u) => DURATION.test(u.text)).map((u) => score(u, { stems: focus.stems, facet: 'duration' })));
}

/** How well the best list of a passage answers the focus (0 when it has no list that does). */
export function listScore(text: string, focus: Focus): number {
  return Math.max(0, ...withHeadings(text).filter((u) => u.list || u.enumerates).map((u) => score(u, { stems: focus.stems })));
}

/** The passage has a list (lines that begin with a dash or a number). */
export function hasList(text: string): boolean {
  return withHeadings(text).some((u) => u.list);
}

/** A sentence that lists things after a colon: "… neljää palvelukanavaa: fyysinen asiointipiste, sähköposti, chat sekä puhelin." */
const ENUMERATION = /:\s*[^.:]+,[^.:]+(?:,|\s(?:sekä|ja|tai|and|or|och)\s)/iu;

const DURATION = /\d+\s*(?:[-–]\s*\d+\s*)?(?:kk|kuukau\w*|viiko\w*|vko|päiv\w*|vuo\w*|tunt\w*|h\b|min\w*)/iu;
const NUMBER = /\d/;
const LIST_LINE = /^\s*(?:[-•*]|\d+[.)])\s+/;

interface Unit {
  text: string;
  block: number;
  order: number;
  list: boolean;
  /** A sentence that lists things in its own run of text. */
  enumerates: boolean;
  /** Its words' stems (Finnish and English), stopwords left out. */
  stems: Set<string>;
  /** The numbered headings a passage's paragraphs open with, taken together as one list. */
  members?: Unit[];
}

/** Passages are few and fixed: each is cut and stemmed once. */
const UNIT_CACHE_LIMIT = 2_000;
const unitCache = new Map<string, Unit[]>();

/** The passage cut into what can be shown on its own: a whole list (with its lead-in) or one sentence. */
function unitsOf(text: string): Unit[] {
  let units = unitCache.get(text);
  if (!units) {
    units = cut(text);
    if (unitCache.size >= UNIT_CACHE_LIMIT) unitCache.clear();
    unitCache.set(text, units);
  }
  return units;
}

/** A paragraph that opens with a numbered heading line: "1. Sujuva oppiminen työpaikalla". */
const NUMBERED_HEADING = /^\d+[.)]\s+\S.{0,80}$/u;
const headingCache = new Map<string, Unit | null>();

/**
 * Paragraphs that each open with a numbered heading ("1. …", "2. …", "3. …") list their headings: taken
 * together they are one list, though the text of each paragraph stands between them.
 */
function headingsOf(text: string): Unit | undefined {
  let group = headingCache.get(text);
  if (group === undefined) {
    const units = unitsOf(text);
    const heads = units.filter((u, i) => !u.list && NUMBERED_HEADING.test(u.text) && units[i - 1]?.block !== u.block);
    const joined = heads.map((h) => h.text).join('\n');
    group = heads.length >= 2 ? { text: joined, block: -1, order: -1, list: true, enumerates: true, stems: stemsIn(joined), members: heads } : null;
    if (headingCache.size >= UNIT_CACHE_LIMIT) headingCache.clear();
    headingCache.set(text, group);
  }
  return group ?? undefined;
}

/** The passage's units with its numbered headings as one list, when it has them. */
function withHeadings(text: string): Unit[] {
  const group = headingsOf(text);
  return group ? [...unitsOf(text), group] : unitsOf(text);
}

function cut(text: string): Unit[] {
  const units: Unit[] = [];
  text.split(/\n\s*\n/).forEach((block, b) => {
    const lines = block.split('\n').filter((l) => l.trim());
    if (lines.filter((l) => LIST_LINE.test(l)).length >= 2) {
      const joined = lines.join('\n');
      units.push({ text: joined, block: b, order: units.length, list: true, enumerates: true, stems: stemsIn(joined) });
      return;
    }
    for (const line of lines)
      // A numbered heading is one unit: "1. Sujuva oppiminen työpaikalla" is no sentence "1." and another.
      for (const sentence of NUMBERED_HEADING.test(line.trim()) ? [line] : line.split(/(?<=[.!?])\s+(?=[\p{Lu}\d"”“'])/u))
        if (sentence.trim()) units.push({ text: sentence.trim(), block: b, order: units.length, list: false, enumerates: ENUMERATION.test(sentence), stems: stemsIn(sentence) });
  });
  return units;
}

function stemsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (isStopword(w)) continue;
    out.add(stemFi(w));
    out.add(stemEn(w));
  }
  return out;
}

function score(unit: Unit, focus: Focus): number {
  const present = unit.stems;
  let s = 0;
  for (const [stem, weight] of focus.stems) if (present.has(stem)) s += weight;
  // Prefix and suffix matches stand for compounds: "kokeilu" in "kokeilujakso", "kanava" in "palvelukanavaa".
  if (s === 0)
    for (const [stem, weight] of focus.stems) {
      if (stem.length < 5) continue;
      for (const p of present)
        if (p.startsWith(stem) || p.endsWith(stem)) {
          s += weight / 2;
          break;
        }
    }
  // The sentence that names the question's number with its words ("neljän erilaisen asiakkaan").
  if (focus.numbers?.length) {
    s += 3 * numberScore(focus.numbers, { labels: [], text: numberMentions(unit.text) });
    // "Mitkä ovat ne 3 näkökulmaa": a list of as many items.
    const items = unit.members?.length ?? (unit.list ? unit.text.split('\n').filter((l) => LIST_LINE.test(l)).length : 0);
    if (items > 1 && focus.numbers.some((m) => m.n === items)) s = s * 2 + 5;
  }
  switch (focus.facet) {
    case 'duration':
      // "Kuinka pitkä …" is answered by a sentence that gives a duration, even one that names the thing in
      // other words ("kokeilujakso" for "kehittämiskokeilu"); the words alone answer it less.
      s = DURATION.test(unit.text) ? s * 2 + 5 : s / 4;
      break;
    case 'count':
      if (NUMBER.test(unit.text)) s = s * 1.5 + 2;
      break;
    case 'list':
      if (unit.list || unit.enumerates) s = s * 1.5 + 1;
      break;
    default:
      break;
  }
  return s;
}

export interface Excerpt {
  text: string;
  /** The whole passage is shown. */
  whole: boolean;
}

/**
 * The sentences or list of `text` that answer the focus, in their order, within about `maxChars`
 * (a list is kept whole even when longer). Without a focus that matches, the passage's opening.
 */
export function excerpt(text: string, focus: Focus | undefined, maxChars = 500): Excerpt {
  if (text.length <= maxChars) return { text, whole: true };
  const units = unitsOf(text);
  const scored = withHeadings(text).map((u) => ({ u, s: focus ? score(u, focus) : 0 }));
  const best = [...scored].sort((a, b) => b.s - a.s || a.u.order - b.u.order)[0];
  const chosen = new Set<Unit>();
  if (!best || best.s === 0) {
    // Nothing in particular matches: the opening, up to the limit, never cutting a list.
    let length = 0;
    for (const u of units) {
      if (chosen.size > 0 && length + u.text.length > maxChars) break;
      chosen.add(u);
      length += u.text.length;
    }
  } else if (best.u.members) {
    // The numbered headings, each where it stands.
    for (const m of best.u.members) chosen.add(m);
  } else {
    chosen.add(best.u);
    let length = best.u.text.length;
    // A short sentence brings the next one of its paragraph; close runners-up come along while there is room.
    const next = units[best.u.order + 1];
    if (!best.u.list && next && !next.list && next.block === best.u.block && length + next.text.length <= maxChars / 2) {
      chosen.add(next);
      length += next.text.length;
    }
    for (const { u, s } of [...scored].sort((a, b) => b.s - a.s)) {
      if (chosen.has(u) || u.members || s < best.s * 0.75) continue;
      if (length + u.text.length > maxChars) continue;
      chosen.add(u);
      length += u.text.length;
    }
  }
  const ordered = [...chosen].sort((a, b) => a.order - b.order);
  let out = '';
  ordered.forEach((u, i) => {
    const prev = ordered[i - 1];
    if (i === 0) out = u.order > 0 ? `… ${u.text}` : u.text;
    else if (prev && u.order === prev.order + 1) out += (u.block === prev.block && !u.list && !prev.list ? ' ' : '\n\n') + u.text;
    // Numbered headings read as the list they make.
    else if (prev && NUMBERED_HEADING.test(prev.text) && NUMBERED_HEADING.test(u.text)) out += `\n${u.text}`;
    else out += prev?.list || u.list ? `\n\n… ${u.text}` : ` … ${u.text}`;
  });
  const last = ordered.at(-1);
  if (last && last.order < units.length - 1) out += ' …';
  return { text: out, whole: ordered.length === units.length };
}
