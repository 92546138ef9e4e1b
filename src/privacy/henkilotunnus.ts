// Finnish personal identity code (henkilötunnus): DDMMYY, a century sign, a three-digit
// individual number and a check character.

const checkCharacters = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Century signs: `+` 1800s; `-`, `Y`, `X`, `W`, `V`, `U` 1900s; `A`–`F` 2000s. */
const centuryBySign: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

// No digit may touch either end, so longer numbers are left alone; letters may (a code glued to a
// word is still a code). `i`: lower-case signs and check characters are accepted.
const candidatePattern = /(?<!\d)(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Z])(?!\d)/giu;

export type HetuMatch = {
  /** UTF-16 index of the first character, as `String.prototype.slice` counts. */
  start: number;
  /** Index just past the last character. */
  end: number;
  text: string;
  /** False when the date is valid but the check character is not (e.g. a typo). */
  checkValid: boolean;
};

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The check character for the nine digits of date and individual number. */
export function hetuCheckCharacter(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('Expected nine digits');
  return checkCharacters.charAt(Number(nineDigits) % 31);
}

type Parts = { day: string; month: string; year: string; sign: string; individual: string; check: string };

function partsOf(match: RegExpExecArray): Parts | null {
  const [, day, month, year, sign, individual, check] = match;
  if (day === undefined || month === undefined || year === undefined) return null;
  if (sign === undefined || individual === undefined || check === undefined) return null;
  return { day, month, year, sign: sign.toUpperCase(), individual, check: check.toUpperCase() };
}

function hasRealDate(parts: Parts): boolean {
  const century = centuryBySign[parts.sign];
  if (century === undefined) return false;
  return isRealDate(century + Number(parts.year), Number(parts.month), Number(parts.day));
}

function hasValidCheck(parts: Parts): boolean {
  return hetuCheckCharacter(parts.day + parts.month + parts.year + parts.individual) === parts.check;
}

/**
 * Everything in `text` shaped like an identity code whose date exists, whether or not its check
 * character is right: a mistyped code is still personal data.
 */
export function findHetus(text: string): HetuMatch[] {
  const found: HetuMatch[] = [];
  for (const match of text.matchAll(candidatePattern)) {
    const parts = partsOf(match);
    if (parts === null || !hasRealDate(parts)) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      checkValid: hasValidCheck(parts),
    });
  }
  return found;
}

/** True when `code` is exactly one identity code with a real date and the right check character (any case). */
export function isValidHetu(code: string): boolean {
  const match = new RegExp(`^${candidatePattern.source}$`, 'iu').exec(code);
  if (match === null) return false;
  const parts = partsOf(match);
  return parts !== null && hasRealDate(parts) && hasValidCheck(parts);
}
