// A time of day written in words, as people say it in chat: "neljältä" (at four), "puoli kymmeneen"
// (half past nine), "kello kolme", "at four", "half past nine", "klockan fyra", "halv tio" (half past
// nine). An hour of 1–6 said this way is in the afternoon ("laita kysely tulemaan neljältä" is 16:00),
// unless the message says morning; 7–12 as said.
import type { Token } from './tokens.ts';

const FI_HOURS = ['yksi', 'kaksi', 'kolme', 'nelja', 'viisi', 'kuusi', 'seitseman', 'kahdeksan', 'yhdeksan', 'kymmenen', 'yksitoista', 'kaksitoista'];
// "neljältä": at four. Folded, as tokens are.
const FI_AT = ['yhdelta', 'kahdelta', 'kolmelta', 'neljalta', 'viidelta', 'kuudelta', 'seitsemalta', 'kahdeksalta', 'yhdeksalta', 'kymmenelta', 'yhdeltatoista', 'kahdeltatoista'];
// "puoli kymmeneen": half an hour before ten.
const FI_TOWARDS = ['yhteen', 'kahteen', 'kolmeen', 'neljaan', 'viiteen', 'kuuteen', 'seitsemaan', 'kahdeksaan', 'yhdeksaan', 'kymmeneen', 'yhteentoista', 'kahteentoista'];
const EN_HOURS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const SV_HOURS = ['ett', 'tva', 'tre', 'fyra', 'fem', 'sex', 'sju', 'atta', 'nio', 'tio', 'elva', 'tolv'];

const hourOf = (table: readonly string[], word: string): number | null => {
  const at = table.indexOf(word);
  return at < 0 ? null : at + 1;
};

/** Words that name a clock before the hour: "kello kolme", "klo neljä", "at four", "klockan fyra". */
const CLOCK_WORDS: ReadonlySet<string> = new Set(['kello', 'klo', 'at', 'klockan', 'kl']);
const ENDS_TIME: ReadonlySet<string> = new Set(['o', 'oclock', 'instead', 'please', 'every', 'each', 'today', 'tomorrow', 'daily', 'then', 'from']);
const MORNING = /\b(aamulla|aamupaivalla|aamusta|morning|am|morgonen|pa morgonen|formiddagen)\b/;

export interface WordTime {
  time: string;
  /** Tokens it took, from the one it was found at. */
  length: number;
}

/**
 * The time of day written in words at token `i` of `list` (folded words), or null. `text`: the whole
 * message, folded, for "aamulla"/"morning".
 */
export function wordTimeAt(list: readonly Token[], i: number, text: string): WordTime | null {
  const word = list[i]?.norm ?? '';
  const next = list[i + 1]?.kind === 'word' ? (list[i + 1]?.norm ?? '') : '';
  const after = list[i + 2]?.kind === 'word' ? (list[i + 2]?.norm ?? '') : '';
  const morning = MORNING.test(text);
  const clock = (hour: number, minutes: number, length: number): WordTime => {
    const hours = hour <= 6 && !morning ? hour + 12 : hour;
    return { time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`, length };
  };
  // "puoli kymmeneen", "puoli kymmeneltä": half an hour before the hour.
  if (word === 'puoli') {
    const hour = hourOf(FI_TOWARDS, next) ?? hourOf(FI_AT, next);
    return hour ? clock(hour === 1 ? 12 : hour - 1, 30, 2) : null;
  }
  // "halv tio": half an hour before ten.
  if (word === 'halv') {
    const hour = hourOf(SV_HOURS, next);
    return hour ? clock(hour === 1 ? 12 : hour - 1, 30, 2) : null;
  }
  // "half past nine".
  if (word === 'half' && next === 'past') {
    const hour = hourOf(EN_HOURS, after);
    return hour ? clock(hour, 30, 3) : null;
  }
  if (word === 'noon' || word === 'keskipaivalla' || word === 'lunchtime') return { time: '12:00', length: 1 };
  // "neljältä", not "kolmelta asiakkaalta" (from three customers: the noun agrees with the number).
  const at = hourOf(FI_AT, word);
  if (at && !/lta$/.test(next)) return clock(at, 0, 1);
  // "kello kolme", "at four", "klockan fyra".
  const before = list[i - 1]?.norm ?? '';
  if (CLOCK_WORDS.has(before)) {
    const hour = hourOf(FI_HOURS, word) ?? hourOf(SV_HOURS, word) ?? hourOf(EN_HOURS, word);
    // "at one point", "at two of the stores": in English only a number that ends the phrase.
    const english = before === 'at' && hourOf(EN_HOURS, word) !== null;
    if (hour && (!english || !next || ENDS_TIME.has(next))) return clock(hour, 0, 1);
  }
  return null;
}
