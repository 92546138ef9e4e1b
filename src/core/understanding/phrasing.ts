// Matching a message against a command's example phrasings ("edistyminen {student}", "tauko {from}
// - {to}", "olen (sairaana|kipeä) [tänään]"). A phrasing is compiled once into parts; a match must
// use every token of the message, and gives each slot its words as written.
import type { Phrasing, SlotSpec, SlotSpecs } from '../../conversation/command.ts';
import type { Lang } from '../../i18n/lang.ts';
import { parseWrittenDate, parseWrittenTime } from '../../text/dates.ts';
import { parseFields } from './fields.ts';
import { FILLERS, MAX_SKIPPED } from './fillers.ts';
import { type Token, type Tokens, tokenize } from './tokens.ts';
import { WORD_SCORE, wordFit } from './word-forms.ts';

export { tokenize } from './tokens.ts';

type Part =
  | { kind: 'literal'; options: string[][]; optional: boolean }
  | { kind: 'slot'; name: string; spec: SlotSpec };

export interface CompiledPhrasing {
  source: string;
  /** The language it is written in: inflections are read with that language's stemmer. */
  lang: Lang;
  parts: Part[];
  with: Readonly<Record<string, string>>;
}

export type SlotRaw = string | Record<string, string> | null;

export interface PhrasingMatch {
  slots: Record<string, SlotRaw>;
  /** How well it fits: exact words count most, typos less, passed-over filler words cost; the best fit wins. */
  literals: number;
}

const TEMPLATE_PART = /\{(\w+)\}|\[([^\]]+)\]|\(([^)]+)\)|[^\s{[(]+/g;

function options(body: string): string[][] {
  return body.split('|').map((option) => tokenize(option).list.map((t) => t.norm));
}

export function compilePhrasing(phrasing: Phrasing, slots: SlotSpecs, lang: Lang = 'fi'): CompiledPhrasing {
  const source = typeof phrasing === 'string' ? phrasing : phrasing.text;
  const parts: Part[] = [];
  for (const match of source.matchAll(TEMPLATE_PART)) {
    const [whole, slotName, optional, required] = match;
    if (slotName !== undefined) {
      const spec = slots[slotName];
      if (!spec) throw new Error(`phrasing "${source}" names an undeclared slot {${slotName}}`);
      parts.push({ kind: 'slot', name: slotName, spec });
    } else if (optional !== undefined) {
      parts.push({ kind: 'literal', options: options(optional), optional: true });
    } else if (required !== undefined) {
      parts.push({ kind: 'literal', options: options(required), optional: false });
    } else {
      for (const token of tokenize(whole).list) parts.push({ kind: 'literal', options: [[token.norm]], optional: false });
    }
  }
  const last = parts.findIndex((p) => p.kind === 'slot' && (p.spec.type === 'text' || p.spec.type === 'fields'));
  if (last !== -1 && last !== parts.length - 1) throw new Error(`phrasing "${source}": a text or fields slot must come last`);
  return { source, lang, parts, with: typeof phrasing === 'string' ? {} : phrasing.with };
}

/**
 * The phrasing with its date said first ("huomenna oon poissa", "tomorrow i'm off", "i morgon är
 * jag sjuk" against "oon poissa {date}"): Finnish, and often the others, put a time word first.
 * Null when the phrasing has no date slot after its first part.
 */
export function withDateFirst(phrasing: CompiledPhrasing): CompiledPhrasing | null {
  const at = phrasing.parts.findIndex((p) => p.kind === 'slot' && p.spec.type === 'date');
  const date = phrasing.parts[at];
  if (at <= 0 || !date || phrasing.parts.some((p, i) => i !== at && p.kind === 'slot')) return null;
  return { ...phrasing, source: `${phrasing.source} (date first)`, parts: [date, ...phrasing.parts.filter((_, i) => i !== at)] };
}

// A name, or an e-mail address (which may hold digits), never a number, a filler or a small word ("för", "of").
/** "hur går det för mig", "how is it going for me": the asker, never a student's name. */
const SELF: ReadonlySet<string> = new Set(['mig', 'mej', 'me', 'myself', 'mua', 'minua', 'minuu', 'minut', 'mut', 'mulle', 'minulle', 'mulla', 'minulla', 'mun', 'minun', 'ma', 'mina', 'jag', 'i', 'itse', 'itselleni']);
const isNameWord = (t: Token) => t.kind === 'word' && (t.raw.includes('@') || !/\d/.test(t.raw)) && !FILLERS.has(t.norm) && !DROPPABLE.has(t.norm) && !SELF.has(t.norm);

/** The slot's possible widths in tokens from `at`, each with its value; shortest first. */
function slotCandidates(spec: SlotSpec, tokens: Tokens, at: number, today: string): { width: number; value: SlotRaw }[] {
  const list = tokens.list;
  const first = list[at];
  const span = (width: number) => tokens.text.slice(list[at]?.start ?? 0, list[at + width - 1]?.end ?? 0);
  switch (spec.type) {
    case 'student':
    case 'person': {
      const out: { width: number; value: SlotRaw }[] = [];
      const max = spec.type === 'student' ? 3 : 4;
      for (let width = 1; width <= max && at + width <= list.length; width++) {
        const token = list[at + width - 1];
        if (!token || (spec.type === 'student' ? !isNameWord(token) : token.kind === 'punct')) break;
        out.push({ width, value: span(width) });
      }
      return out;
    }
    case 'word':
      return first && first.kind !== 'punct' ? [{ width: 1, value: first.raw }] : [];
    case 'date': {
      // One word ("14.12.", "tänään") or two ("ensi maanantaina", "next monday", "i morgon").
      const out: { width: number; value: SlotRaw }[] = [];
      for (const width of [1, 2]) {
        const words = list.slice(at, at + width);
        if (words.length < width) break;
        const value = parseWrittenDate(words.map((t) => t.raw).join(' '), today);
        if (value) out.push({ width, value });
      }
      return out;
    }
    case 'time': {
      const value = first ? parseWrittenTime(first.raw) : null;
      return value ? [{ width: 1, value }] : [];
    }
    case 'text': {
      if (!first) return [];
      const value = tokens.text.slice(first.start).trim();
      return value ? [{ width: list.length - at, value }] : [];
    }
    case 'fields':
      return [{ width: list.length - at, value: parseFields(first ? tokens.text.slice(first.start) : '') }];
    case 'choice':
      return [];
  }
}

// Scores: each word as `wordFit` rates it (exact, written form, inflection, typo); a filler passed over costs.
const SKIP = -3;
const DROP = -2;
const MAX_DROPPED = 1;
// Small words of a phrasing a message may leave out (prepositions, pronouns, "on"): "fortsätt
// frågorna" for "fortsätt med frågorna", "visa observationerna" for "visa mina observationer".
const DROPPABLE: ReadonlySet<string> = new Set([
  'of', 'to', 'for', 'the', 'a', 'an', 'my', 'me', 'us', 'at', 'about', 'with', 'on', 'in', 'is', 'am', 'are', 'do',
  'med', 'till', 'om', 'pa', 'av', 'mig', 'min', 'mina', 'mitt', 'det', 'ar', 'jag',
  'mun', 'minun', 'ja', 'mulla', 'minulla', 'taman', 'tan', 'tama', 'taa', 'this', 'denna', 'den',
]);

/** How the literal part can match at `at`: each option's width and score. */
function literalWidths(part: Extract<Part, { kind: 'literal' }>, list: readonly Token[], at: number, lang: Lang): { width: number; score: number }[] {
  const widths: { width: number; score: number }[] = [];
  for (const option of part.options) {
    let score = 0;
    for (let i = 0; i < option.length; i++) {
      const token = list[at + i];
      const word = option[i] ?? '';
      const fit = token && (token.kind !== 'punct' || token.norm === word) ? wordFit(token.norm, word, lang) : 0;
      if (fit === 0) {
        score = 0;
        break;
      }
      score += fit;
    }
    if (score > 0) widths.push({ width: option.length, score });
  }
  // The best-fitting option first: the search takes the first that lets the rest match.
  widths.sort((a, b) => b.score - a.score || b.width - a.width);
  if (part.optional) widths.push({ width: 0, score: 0 });
  return widths;
}

/** Matches the whole message against one phrasing; null when it does not fit. `today` reads relative dates. */
export function matchPhrasing(phrasing: CompiledPhrasing, tokens: Tokens, today: string): PhrasingMatch | null {
  const list = tokens.list;
  const last = phrasing.parts.at(-1);
  const endsOpen = last?.kind === 'slot' && (last.spec.type === 'text' || last.spec.type === 'fields');
  if (tokens.truncated && !endsOpen) return null;
  const slots: Record<string, SlotRaw> = {};
  const isFiller = (at: number) => {
    const token = list[at];
    return token !== undefined && token.kind === 'word' && (FILLERS.has(token.norm) || DROPPABLE.has(token.norm));
  };

  // Depth-first over the parts; phrasings are a few parts long, so the backtracking stays tiny.
  // `score` is what the phrasing's words gained; each passed-over filler costs SKIP in the end.
  // `dropped`: a small word of the phrasing the message leaves out ("fortsätt [med] frågorna").
  type Found = { score: number; skipped: number; dropped: number };
  // A state that found no way through once finds none again (the score never decides whether it fits).
  const failed = new Set<number>();
  const search = (part: number, at: number, score: number, skipped: number, dropped = 0): Found | null => {
    const state = (((part * 128 + at) * 8 + skipped) * 4 + dropped);
    if (failed.has(state)) return null;
    const found = step(part, at, score, skipped, dropped);
    if (!found) failed.add(state);
    return found;
  };
  const step = (part: number, at: number, score: number, skipped: number, dropped: number): Found | null => {
    if (part === phrasing.parts.length) {
      if (at === list.length) return { score, skipped, dropped };
      return skipped < MAX_SKIPPED && isFiller(at) ? search(part, at + 1, score, skipped + 1, dropped) : null;
    }
    const current = phrasing.parts[part];
    if (!current) return null;
    if (current.kind === 'literal') {
      for (const { width, score: gained } of literalWidths(current, list, at, phrasing.lang)) {
        const found = search(part + 1, at + width, score + gained, skipped, dropped);
        if (found !== null) return found;
      }
      if (!current.optional && dropped < MAX_DROPPED && current.options.some((o) => o.length === 1 && DROPPABLE.has(o[0] ?? ''))) {
        const found = search(part + 1, at, score, skipped, dropped + 1);
        if (found !== null) return found;
      }
    } else {
      for (const candidate of slotCandidates(current.spec, tokens, at, today)) {
        slots[current.name] = candidate.value;
        const found = search(part + 1, at + candidate.width, score, skipped, dropped);
        if (found !== null) return found;
      }
      delete slots[current.name];
    }
    // Pass over a filler word before this part ("näytä mun edistyminen").
    return skipped < MAX_SKIPPED && isFiller(at) ? search(part, at + 1, score, skipped + 1, dropped) : null;
  };
  const found = search(0, 0, 0, 0);
  // Some word of the phrasing must be there; a lone typo among filler words is too weak a sign.
  if (!found || found.score <= 0 || (found.skipped > 0 && found.score < WORD_SCORE.form)) return null;
  // Leaving out a word of the phrasing needs the rest said plainly: two words or more.
  if (found.dropped > 0 && found.score < 2 * WORD_SCORE.exact - WORD_SCORE.form) return null;
  for (const [name, value] of Object.entries(phrasing.with)) slots[name] = value;
  return { slots, literals: found.score + SKIP * found.skipped + DROP * found.dropped };
}

