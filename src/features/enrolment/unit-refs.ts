// How a teacher or an admin names a placement's units, in chat and in the CSV: by the unit's id
// (`asiakkuuksien-hoitaminen`), its ePerusteet code (`tutkinnonosat_…`) or its name or alias in any
// language, several separated by ";" or "|". Names are matched whole, with case and ä/ö ignored.
import { textIn, type Unit } from '../../knowledge/schema.ts';
import type { Lang } from '../../i18n/lang.ts';
import { compact } from '../../text/normalize.ts';

const SEPARATOR = /[;|]/;

/** The unit references in a cell or a field, in order, empty ones left out. */
export function splitUnitRefs(text: string): string[] {
  return text
    .split(SEPARATOR)
    .map((ref) => ref.trim())
    .filter(Boolean);
}

function namesOf(unit: Unit): string[] {
  return [unit.id, unit.koodiUri ?? '', unit.name.fi, unit.name.en ?? '', unit.name.sv ?? '', ...unit.aliases].filter(Boolean);
}

export function findUnit(units: readonly Unit[], ref: string): Unit | undefined {
  const exact = units.find((unit) => unit.id === ref || unit.koodiUri === ref);
  if (exact) return exact;
  const wanted = compact(ref);
  return units.find((unit) => namesOf(unit).some((name) => compact(name) === wanted));
}

/** The units the references name, each once and in order, and the references that name none. */
export function resolveUnitRefs(units: readonly Unit[], refs: readonly string[]): { units: Unit[]; unknown: string[] } {
  const found: Unit[] = [];
  const unknown: string[] = [];
  for (const ref of refs) {
    const unit = findUnit(units, ref);
    if (!unit) unknown.push(ref);
    else if (!found.includes(unit)) found.push(unit);
  }
  return { units: found, unknown };
}

/** The most units listed when a reference names none; a school's base may hold hundreds. */
const LISTED = 15;

const wordsOf = (text: string) => compact(text).split(' ').filter((w) => w.length >= 3);

/**
 * The units the bot knows, for a reference that named none: all of them when few, else those whose
 * names share the most words with the reference (beginnings of words count: "asiakkuus" ~ "asiakkuuksien").
 * Each line is the name in the reader's language and the id to write; `more` says how many were left out.
 */
export function knownUnitLines(units: readonly Unit[], refs: readonly string[], lang: Lang): { lines: string[]; more: number } {
  const wanted = refs.flatMap(wordsOf);
  const shared = (unit: Unit) => {
    const words = namesOf(unit).flatMap(wordsOf);
    return wanted.filter((w) => words.some((x) => x.startsWith(w.slice(0, 5)) || w.startsWith(x.slice(0, 5)))).length;
  };
  const ranked = [...units]
    .map((unit) => ({ unit, score: shared(unit), name: textIn(unit.name, lang) }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, lang));
  const shown = ranked.slice(0, LISTED);
  return { lines: shown.map(({ unit, name }) => `${name} (${unit.id})`), more: units.length - shown.length };
}
