// Accent- and case-insensitive name matching for "observe Aino: …": every word the user typed must
// start a word of the name, so "aino", "Aino V" and "virtanen" find Aino Virtanen and "makinen" finds Mäkinen.
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function nameMatches(name: string, query: string): boolean {
  const queryWords = normalizeName(query).split(' ').filter(Boolean);
  if (queryWords.length === 0) return false;
  const nameWords = normalizeName(name).split(' ');
  return queryWords.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
}
