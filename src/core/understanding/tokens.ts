// A message as tokens that remember where they stand in the original text, so that a slot can take
// the words exactly as written (capitals, ä/ö, punctuation inside) while matching ignores case and
// diacritics. Only the first MAX_TOKENS are read: a command is short, and a long message costs no more.
import { foldDiacritics } from '../../text/normalize.ts';

export interface Token {
  /** As written. */
  raw: string;
  /** Lower case, ä/ö/å folded: what phrasings match against. */
  norm: string;
  start: number;
  end: number;
  kind: 'word' | 'number' | 'punct';
}

export interface Tokens {
  text: string;
  list: Token[];
  /** More tokens followed than were read. */
  truncated: boolean;
}

export const MAX_TOKENS = 64;

// Dates and times first (one token each), then words with inner dots, hyphens, apostrophes and @
// (e-mail addresses, ids, "check-in"), then the punctuation a phrasing may name.
const TOKEN = /(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.:]\d{1,2}(?:\.(?:\d{4}|\d{2})?)?|[\p{L}\p{N}_]+(?:[-'’.@:][\p{L}\p{N}_]+)*@?|[:=–-])/gu;

export function tokenize(text: string, max = MAX_TOKENS): Tokens {
  const list: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    if (list.length === max) return { text, list, truncated: true };
    const raw = match[0];
    const kind = /^[:=–-]$/.test(raw) ? 'punct' : /^[\d.:-]+$/.test(raw) ? 'number' : 'word';
    list.push({ raw, norm: kind === 'punct' ? (raw === '–' ? '-' : raw) : foldDiacritics(raw), start: match.index, end: match.index + raw.length, kind });
  }
  return { text, list, truncated: false };
}
