import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import type { Span } from './span.ts';

// A country code and check digits, then letters and digits with at most one space between them.
// The candidate may run on into the next word; the country's IBAN length decides where it ends.
const candidatePattern = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z0-9]){8,32}/giu;
const alphanumeric = /[A-Z0-9]/i;
const wordCharacterAt = (text: string, index: number): boolean => /[\p{L}\p{N}]/u.test(text.charAt(index));

const specifications = getCountrySpecifications();

function ibanLength(countryCode: string): number {
  return specifications[countryCode.toUpperCase()]?.chars ?? 0;
}

/** How many characters of `candidate` hold its first `length` letters and digits, or -1 if fewer. */
function widthOfCharacters(candidate: string, length: number): number {
  let seen = 0;
  for (let index = 0; index < candidate.length; index += 1) {
    if (alphanumeric.test(candidate.charAt(index))) seen += 1;
    if (seen === length) return index + 1;
  }
  return -1;
}

/** IBANs whose checksum and national format ibantools accepts, with or without spaces. */
export function findIbans(text: string): Span[] {
  const found: Span[] = [];
  const candidates = new RegExp(candidatePattern);
  for (let match = candidates.exec(text); match !== null; match = candidates.exec(text)) {
    const start = match.index;
    const length = ibanLength(match[0].slice(0, 2));
    const width = length > 0 ? widthOfCharacters(match[0], length) : -1;
    const end = start + width;
    const compact = text.slice(start, end).replace(/[ \u00A0]/g, '').toUpperCase();
    if (width > 0 && !wordCharacterAt(text, end) && isValidIBAN(compact)) {
      found.push({ start, end });
      candidates.lastIndex = end;
    } else {
      // No IBAN starts here; one may still start at a later word inside this candidate.
      candidates.lastIndex = start + 1;
    }
  }
  return found;
}
