// Which unit a question names: by its name or an alias (Finnish, English or Swedish, the last word of a
// name inflected: "Asiakkuuksien hoitamisessa"), or by its ePerusteet code ("tutkinnonosat_400027",
// "400027"). Only whole names count: a word of a name alone ("asiakkuuksien") names nothing, so
// ordinary words of a question are never taken for a unit.
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Unit } from '../../knowledge/schema.ts';
import { compact, stemFi } from '../../text/normalize.ts';

interface Name {
  unit: Unit;
  words: string[];
}

const CODE = /\b(?:tutkinnonosat_)?(\d{5,7})\b/;

export interface UnitNames {
  /** The unit the text names (its code first, else the longest name), if any. */
  namedIn(text: string): Unit | undefined;
  /**
   * The text with a unit code written out as the unit's Finnish name ("mitä tutkinnonosat_400027 vaatii" →
   * "mitä Asiakkuuksien hoitaminen vaatii"), so that the rest of the question reads as with a name.
   */
  withCodesAsNames(text: string): string;
}

export function createUnitNames(kb: KnowledgeBase): UnitNames {
  // Names by their first word, so a question is checked against the few names that could start at each word.
  const byFirstWord = new Map<string, Name[]>();
  const byCode = new Map<string, Unit>();
  for (const unit of kb.units) {
    const names: string[] = [unit.name.fi, ...(unit.name.en ? [unit.name.en] : []), ...(unit.name.sv ? [unit.name.sv] : []), ...unit.aliases];
    for (const name of names) {
      const words = compact(name).split(' ').filter(Boolean);
      const [first] = words;
      if (!first) continue;
      byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { unit, words }]);
    }
    const code = unit.koodiUri?.replace(/^tutkinnonosat_/, '');
    if (code) byCode.set(code, unit);
  }

  /** The name's words from `at` on: the last word of a longer name may be inflected. */
  const matchesAt = (ws: readonly string[], at: number, name: readonly string[]) =>
    name.every((n, j) => {
      const w = ws[at + j];
      if (w === undefined) return false;
      return j === name.length - 1 && name.length > 1 ? w === n || stemFi(w) === stemFi(n) : w === n;
    });

  return {
    withCodesAsNames(text) {
      const code = CODE.exec(text);
      const unit = code?.[1] ? byCode.get(code[1]) : undefined;
      return unit && code ? text.replace(code[0], unit.name.fi) : text;
    },
    namedIn(text) {
      const code = CODE.exec(text)?.[1];
      const coded = code ? byCode.get(code) : undefined;
      if (coded) return coded;
      const ws = compact(text).split(' ');
      let best: Name | undefined;
      ws.forEach((w, i) => {
        for (const name of byFirstWord.get(w) ?? [])
          if ((!best || name.words.length > best.words.length) && matchesAt(ws, i, name.words)) best = name;
      });
      return best?.unit ?? kb.unitNamedIn(text);
    },
  };
}
