// The requirements picker shared by the check-in card and the observation form: the unit's
// requirements grouped by section, in the reader's language (Finnish for a Swedish reader until
// the knowledge base has Swedish).
import type { Lang } from '../i18n/lang.ts';
import { textIn, type Unit } from '../knowledge/schema.ts';
import type { FormField } from './reply.ts';

export function requirementField(unit: Unit, lang: Lang, id: string, label: string, initial: string[]): FormField {
  return {
    type: 'multi-select',
    id,
    label,
    groups: unit.sections.map((s) => ({
      label: textIn(s.title, lang),
      options: s.requirements.map((r) => ({ value: r.id, label: textIn(r.text, lang) })),
    })),
    initial,
    optional: true,
  };
}
