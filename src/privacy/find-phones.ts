import { isValidPhoneNumber } from 'libphonenumber-js';
import type { Span } from './span.ts';

// libphonenumber's own text search reads "040 123 4567, 050" as one number and a date as a number
// ("01.02.2026, 08"), because the Finnish numbering plan is so open. So candidates are cut here:
// only runs of characters that occur inside written numbers, split into space-separated groups,
// and libphonenumber just validates them. Commas, dots, colons, slashes and letters end a run.
const phoneRegion = /[\d+()\-‐‑– \u00A0]+/g;
const group = /\S+/g;
// Written phone numbers start with the trunk 0 (040…, (09)…, 00358…) or with +; other digit runs
// libphonenumber accepts (2026-11-23, order numbers, business ids like 1234567-8) are not numbers.
const phoneShape = /^[+(0][\d+()\-‐‑– \u00A0]*\d$/;
const minDigits = 7;
// "+358 (0)40 123 45 67" is six groups and 20 characters; longer is never one number.
const maxGroups = 7;
const maxLength = 40;

function looksLikePhoneNumber(raw: string): boolean {
  return phoneShape.test(raw) && raw.replace(/\D/g, '').length >= minDigits && isValidPhoneNumber(raw, 'FI');
}

/**
 * The part of `region` from `start` to `end` that could be a number: from the first digit, + or (
 * to the last digit, so "4567)" or "-" at the edges stay text. An opening parenthesis counts only
 * when it closes inside, as in "(09) 123 456".
 */
function trimmed(region: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (to > from && !/\d/.test(region.charAt(to - 1))) to -= 1;
  const startsNumber = (at: number): boolean =>
    /[\d+]/.test(region.charAt(at)) || (region.charAt(at) === '(' && /\d/.test(region.charAt(at + 1)));
  while (from < to && !startsNumber(from)) from += 1;
  if (region.charAt(from) === '(' && !region.slice(from, to).includes(')')) from += 1;
  return { start: from, end: to };
}

/**
 * Whether a number that has reached `previous` may go on into `next`. A + or ( starts a new
 * number (except the "(0)" of "+358 (0)40"), a lone dash separates two, and a ")" that closes
 * nothing ends one: "(09) 123 456 – (09) 765 432" is two numbers.
 */
function continues(previous: string, next: string): boolean {
  if (/\)$/.test(previous) && !previous.includes('(')) return false;
  if (/^[-‐‑–]+$/.test(next)) return false;
  return !/^[+(]/.test(next) || next.startsWith('(0)');
}

type Segment = { covered: number; numbers: Span[] };

/**
 * Splits the groups of one region into phone numbers so that as many groups as possible belong
 * to a number. Greedy longest matches go wrong on lists: "(09) 123 456 09 1234 5678" has a valid
 * "(09) 123 456 09", which would leave "1234 5678" in the text.
 */
function segment(region: string, groups: readonly Span[]): Span[] {
  const groupText = (index: number): string => {
    const g = groups[index];
    return g === undefined ? '' : region.slice(g.start, g.end);
  };
  // best[i]: the best split of groups i…end.
  const best: Segment[] = Array.from({ length: groups.length + 1 }, () => ({ covered: 0, numbers: [] }));
  for (let first = groups.length - 1; first >= 0; first -= 1) {
    let choice: Segment = best[first + 1] ?? { covered: 0, numbers: [] };
    const start = groups[first]?.start ?? 0;
    for (let last = first; last < Math.min(groups.length, first + maxGroups); last += 1) {
      if (last > first && !continues(groupText(last - 1), groupText(last))) break;
      if ((groups[last]?.end ?? 0) - start > maxLength) break;
      const span = trimmed(region, start, groups[last]?.end ?? 0);
      if (!looksLikePhoneNumber(region.slice(span.start, span.end))) continue;
      const rest = best[last + 1] ?? { covered: 0, numbers: [] };
      const covered = last - first + 1 + rest.covered;
      if (covered > choice.covered) choice = { covered, numbers: [span, ...rest.numbers] };
    }
    best[first] = choice;
  }
  return best[0]?.numbers ?? [];
}

/** Finnish numbers written domestically and any number written with its country code. */
export function findPhones(text: string): Span[] {
  const found: Span[] = [];
  for (const region of text.matchAll(phoneRegion)) {
    if (region[0].replace(/\D/g, '').length < minDigits) continue;
    const groups = [...region[0].matchAll(group)].map((g) => ({ start: g.index, end: g.index + g[0].length }));
    for (const number of segment(region[0], groups)) {
      found.push({ start: region.index + number.start, end: region.index + number.end });
    }
  }
  return found;
}
