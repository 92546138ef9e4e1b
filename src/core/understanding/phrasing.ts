// Matching a message against a command's example phrasings ("edistyminen {student}", "tauko {from}
// - {to}", "olen (sairaana|kipeä) [tänään]"). A phrasing is compiled once into parts; a match must
// use every token of the message, and gives each slot its words as written.
import type { Phrasing, SlotSpec, SlotSpecs } from '../../conversation/command.ts';
import { parseWrittenDate, parseWrittenTime } from '../../text/dates.ts';
import { foldDiacritics } from '../../text/normalize.ts';
import { editDistance } from '../../text/edit-distance.ts';
import { FILLERS, MAX_SKIPPED } from './fillers.ts';
import { type Token, type Tokens, tokenize } from './tokens.ts';

export { tokenize } from './tokens.ts';

type Part =
  | { kind: 'literal'; options: string[][]; optional: boolean }
  | { kind: 'slot'; name: string; spec: SlotSpec };

export interface CompiledPhrasing {
  source: string;
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

export function compilePhrasing(phrasing: Phrasing, slots: SlotSpecs): CompiledPhrasing {
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
  return { source, parts, with: typeof phrasing === 'string' ? {} : phrasing.with };
}

// A name, or an e-mail address (which may hold digits), never a number or a filler word.
const isNameWord = (t: Token) => t.kind === 'word' && (t.raw.includes('@') || !/\d/.test(t.raw)) && !FILLERS.has(t.norm);

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

// Scores: an exact word counts most, a word with one typo less, a filler passed over costs.
const EXACT = 4;
const TYPO = 1;
const SKIP = -3;

/** How the literal part can match at `at`: each option's width and score (typos only on words of 5+ letters). */
function literalWidths(part: Extract<Part, { kind: 'literal' }>, list: readonly Token[], at: number): { width: number; score: number }[] {
  const widths: { width: number; score: number }[] = [];
  for (const option of part.options) {
    if (option.every((word, i) => list[at + i]?.norm === word)) widths.push({ width: option.length, score: EXACT * option.length });
  }
  if (widths.length === 0) {
    const token = list[at];
    for (const option of part.options) {
      const [word] = option;
      if (option.length === 1 && word && token && word.length >= 5 && token.kind === 'word' && editDistance(token.norm, word, 1) <= 1) {
        widths.push({ width: 1, score: TYPO });
        break;
      }
    }
  }
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
    return token !== undefined && token.kind === 'word' && FILLERS.has(token.norm);
  };

  // Depth-first over the parts; phrasings are a few parts long, so the backtracking stays tiny.
  const search = (part: number, at: number, score: number, skipped: number): number | null => {
    if (part === phrasing.parts.length) {
      if (at === list.length) return score;
      return skipped < MAX_SKIPPED && isFiller(at) ? search(part, at + 1, score + SKIP, skipped + 1) : null;
    }
    const current = phrasing.parts[part];
    if (!current) return null;
    if (current.kind === 'literal') {
      for (const { width, score: gained } of literalWidths(current, list, at)) {
        const found = search(part + 1, at + width, score + gained, skipped);
        if (found !== null) return found;
      }
    } else {
      for (const candidate of slotCandidates(current.spec, tokens, at, today)) {
        slots[current.name] = candidate.value;
        const found = search(part + 1, at + candidate.width, score, skipped);
        if (found !== null) return found;
      }
      delete slots[current.name];
    }
    // Pass over a filler word before this part ("näytä mun edistyminen").
    return skipped < MAX_SKIPPED && isFiller(at) ? search(part, at + 1, score + SKIP, skipped + 1) : null;
  };
  const score = search(0, 0, 0, 0);
  if (score === null || score <= 0) return null;
  for (const [name, value] of Object.entries(phrasing.with)) slots[name] = value;
  return { slots, literals: score };
}

/** `key=value` or `key="value with spaces"` pairs (the enrolment command's one-line form). */
export function parseFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/([\p{L}_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+))/gu)) {
    const key = m[1] ? foldDiacritics(m[1]) : undefined;
    if (key) fields[key] = (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
  }
  return fields;
}
