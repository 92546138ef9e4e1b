// The requirements picker shared by the check-in card and the observation form: a unit's
// requirements grouped by section, in the reader's language (Finnish for a Swedish reader until
// the knowledge base has Swedish). A placement with several units gets one picker per unit.
import type { Lang } from '../i18n/lang.ts';
import { textIn, type Unit } from '../knowledge/schema.ts';
import type { FormSubmission } from './incoming.ts';
import type { FormField, FormOption } from './reply.ts';

/**
 * The most options one picker holds: Slack's select takes 100 (option groups included) and the
 * local chat's form 100 values per field; a unit with more requirements gets further pickers.
 */
export const MAX_REQUIREMENT_OPTIONS = 100;

type Group = { label: string; options: FormOption[] };
type MultiSelect = Extract<FormField, { type: 'multi-select' }>;

function groupsOf(unit: Unit, lang: Lang): Group[] {
  return unit.sections.map((s) => ({
    label: textIn(s.title, lang),
    options: s.requirements.map((r) => ({ value: r.id, label: textIn(r.text, lang) })),
  }));
}

/** The groups packed into pickers of at most MAX_REQUIREMENT_OPTIONS options; a group split over two keeps its label in both. */
function chunks(groups: readonly Group[]): Group[][] {
  const result: Group[][] = [[]];
  let room = MAX_REQUIREMENT_OPTIONS;
  for (const group of groups) {
    let rest = group.options;
    while (rest.length > 0) {
      if (room === 0) {
        result.push([]);
        room = MAX_REQUIREMENT_OPTIONS;
      }
      const taken = rest.slice(0, room);
      result[result.length - 1]?.push({ label: group.label, options: taken });
      room -= taken.length;
      rest = rest.slice(taken.length);
    }
  }
  return result;
}

function pickers(unit: Unit, lang: Lang, id: string, label: string, initial: readonly string[]): MultiSelect[] {
  const parts = chunks(groupsOf(unit, lang));
  return parts.map((groups, i) => {
    const offered = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
    return {
      type: 'multi-select',
      id: i === 0 ? id : `${id}:${i + 1}`,
      label: parts.length > 1 ? `${label} (${i + 1}/${parts.length})` : label,
      groups,
      initial: initial.filter((value) => offered.has(value)),
      optional: true,
    };
  });
}

/**
 * The pickers of a placement's units: with one unit the field `id` labelled `label(null)`; with several
 * one picker per unit, `id:<unit id>`, labelled `label(unit)`. Read them back with `pickedRequirements`.
 */
export function requirementFields(units: readonly Unit[], lang: Lang, id: string, label: (unit: Unit | null) => string, initial: readonly string[]): FormField[] {
  if (units.length === 1 && units[0]) return pickers(units[0], lang, id, label(null), initial);
  return units.flatMap((unit) => pickers(unit, lang, `${id}:${unit.id}`, label(unit), initial));
}

/** Every requirement picked in the fields `requirementFields` made for `id`, in order, once each. */
export function pickedRequirements(values: FormSubmission['values'], id: string): string[] {
  const picked: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (key !== id && !key.startsWith(`${id}:`)) continue;
    for (const v of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) if (!picked.includes(v)) picked.push(v);
  }
  return picked;
}
