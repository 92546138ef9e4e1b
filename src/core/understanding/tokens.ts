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

// A Teams user id first ("29:1a2b…", even a short one with a letter: "29:9zzQ"; else read as a time), dates and times (one token each), then words with inner dots, hyphens, apostrophes and @
// (e-mail addresses, ids, "check-in"), then the punctuation a phrasing may name.
const TOKEN = /(29:(?:[\w-]{6,}|\d*[A-Za-z][\w-]{2,})|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.:]\d{1,2}(?:\.(?:\d{4}|\d{2})?)?|[\p{L}\p{N}_]+(?:[-'’.@:][\p{L}\p{N}_]+)*@?|[:=–-])/gu;

// English contractions read as their words, in messages and phrasings alike ("how's aino doing" is
// "how is aino doing"); both words stand where the contraction stood.
const CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  "how's": ['how', 'is'], "what's": ['what', 'is'], "who's": ['who', 'is'], "where's": ['where', 'is'], "it's": ['it', 'is'],
  "that's": ['that', 'is'], "i'm": ['i', 'am'], "i've": ['i', 'have'], "i'd": ['i', 'would'], "let's": ['let', 'us'],
  "can't": ['can', 'not'], "don't": ['do', 'not'], "doesn't": ['does', 'not'], "didn't": ['did', 'not'], "isn't": ['is', 'not'],
  "won't": ['will', 'not'], "i'll": ['i', 'will'], "wasn't": ['was', 'not'], "aren't": ['are', 'not'], "couldn't": ['could', 'not'],
  // The same typed without the apostrophe, as chat often is.
  hows: ['how', 'is'], whats: ['what', 'is'], whos: ['who', 'is'], im: ['i', 'am'], ive: ['i', 'have'], dont: ['do', 'not'], cant: ['can', 'not'], didnt: ['did', 'not'], doesnt: ['does', 'not'], isnt: ['is', 'not'],
  wont: ['will', 'not'], wasnt: ['was', 'not'], arent: ['are', 'not'], couldnt: ['could', 'not'],
};

export function tokenize(text: string, max = MAX_TOKENS): Tokens {
  const list: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    if (list.length >= max) return { text, list, truncated: true };
    const raw = match[0];
    const kind = /^[:=–-]$/.test(raw) ? 'punct' : /^[\d.:-]+$/.test(raw) ? 'number' : 'word';
    const norm = kind === 'punct' ? (raw === '–' ? '-' : raw) : foldDiacritics(raw).replace(/’/g, "'");
    const start = match.index;
    const end = match.index + raw.length;
    const words = kind === 'word' ? CONTRACTIONS[norm] : undefined;
    if (words) for (const word of words) list.push({ raw, norm: word, start, end, kind });
    else list.push({ raw, norm, start, end, kind });
  }
  return { text, list, truncated: false };
}
