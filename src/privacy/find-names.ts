import { cliticPattern, finnishNameForms, type NameRole } from './finnish-name-forms.ts';
import { escapeRegExp, wordCharacter, type PersonKind, type Span } from './span.ts';

export type NamedPerson = { name: string; kind: PersonKind };

/** What a name is replaced with, and what `restore` puts back. */
export type NameTarget = { placeholder: string; kind: PersonKind; restoreTo: string };

export type NameSpan = Span & { target: NameTarget };

export type NameFinder = { find(text: string): NameSpan[] };

type Alternative = { source: string; words: number; target: NameTarget };

const tidy = (name: string): string => name.trim().replace(/\s+/gu, ' ');

/** One pattern for a phrase whose last word inflects: "Aino Virtasella", "Virtanen Ainolle". */
function phrasePattern(words: readonly string[], lastRole: NameRole): string {
  const fixed = words.slice(0, -1).map((word) => `${anyOf([word])}\\s+`).join('');
  return `${fixed}${anyOf(finnishNameForms(words.at(-1) ?? '', lastRole))}${cliticPattern}`;
}

function anyOf(spellings: readonly string[]): string {
  // Text in decomposed form spells ä as a + combining diaeresis; match that too.
  const all = new Set(spellings.flatMap((spelling) => [spelling.normalize('NFC'), spelling.normalize('NFD')]));
  return `(?:${[...all].map(escapeRegExp).join('|')})`;
}

function placeholderFor(kind: PersonKind, number: number): string {
  return `[${kind.toUpperCase()}_${number}]`;
}

/**
 * Finds the given people's names: the full name, the surname-first order and the first name
 * alone, each in its inflected forms, case-insensitively and as whole words. Placeholders are
 * numbered per kind in the order of `people`, so the same list gives the same placeholders in
 * every call. A first name shared by two listed people gets a placeholder of its own
 * (`[PERSON_n]`, restored to the first name) rather than guessing whose it is.
 */
export function createNameFinder(people: readonly NamedPerson[]): NameFinder {
  const seen = new Set<string>();
  const perKind: Record<PersonKind, number> = { student: 0, instructor: 0, teacher: 0, person: 0 };
  const listed: { words: string[]; target: NameTarget }[] = [];
  for (const person of people) {
    const name = tidy(person.name);
    const key = name.toLocaleLowerCase('fi');
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    perKind[person.kind] += 1;
    listed.push({
      words: name.split(' '),
      target: { placeholder: placeholderFor(person.kind, perKind[person.kind]), kind: person.kind, restoreTo: name },
    });
  }

  const alternatives: Alternative[] = [];
  const byFirstName = new Map<string, { first: string; targets: NameTarget[] }>();
  for (const { words, target } of listed) {
    const [first, ...rest] = words;
    if (first === undefined) continue;
    if (rest.length > 0) {
      alternatives.push({ source: phrasePattern(words, 'family'), words: words.length, target });
      alternatives.push({ source: phrasePattern([...rest, first], 'given'), words: words.length, target });
    }
    const key = first.toLocaleLowerCase('fi');
    const entry = byFirstName.get(key) ?? { first, targets: [] };
    entry.targets.push(target);
    byFirstName.set(key, entry);
  }
  for (const { first, targets } of byFirstName.values()) {
    const [only] = targets;
    if (only === undefined) continue;
    let target = only;
    if (targets.length > 1) {
      perKind.person += 1;
      target = { placeholder: placeholderFor('person', perKind.person), kind: 'person', restoreTo: first };
    }
    alternatives.push({ source: phrasePattern([first], 'given'), words: 1, target });
  }

  // At one position the first alternative that matches a whole word wins, so longer names go first.
  alternatives.sort((a, b) => b.words - a.words);
  if (alternatives.length === 0) return { find: () => [] };
  const pattern = new RegExp(
    `(?<!${wordCharacter})(?:${alternatives.map((a) => `(${a.source})`).join('|')})(?!${wordCharacter})`,
    'giu',
  );

  return {
    find(text) {
      const spans: NameSpan[] = [];
      for (const match of text.matchAll(pattern)) {
        // Exactly one group takes part in a match; its position says whose name it is.
        const index = match.findIndex((group, i) => i > 0 && group !== undefined);
        const alternative = alternatives[index - 1];
        if (alternative === undefined) continue;
        spans.push({ start: match.index, end: match.index + match[0].length, target: alternative.target });
      }
      return spans;
    },
  };
}
