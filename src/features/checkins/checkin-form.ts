// The daily check-in as a platform-neutral form, and what its submission records.
import { z } from 'zod';
import { formatDate } from '../../i18n/format.ts';
import { type Block, type FormReply, type Lang, type MessageReply, userText } from '../../conversation/reply.ts';
import { textIn, type Unit } from '../../knowledge/schema.ts';
import { REFLECTION_NOTE_MAX, REFLECTION_TEXT_MAX, type Reflection } from '../../storage/index.ts';
import { questionFor } from './checkin-questions.ts';
import { texts } from './texts.ts';
import { pickedRequirements, requirementFields } from '../../conversation/requirement-field.ts';
import { type PlacementUnits, unitsIn } from '../../conversation/placement-units.ts';
import type { FormSubmission } from '../../conversation/incoming.ts';

/**
 * `placement:date`, and when the card shows a saved answer, `@` and that save's time: a card that
 * comes back with an older (or no) save time than the day now holds is stale, and its submission is
 * merged into the newer save instead of replacing it.
 */
export function checkinFormId(placementId: string, localDate: string, savedAt?: Date): string {
  return savedAt ? `${placementId}:${localDate}@${savedAt.getTime()}` : `${placementId}:${localDate}`;
}

export function parseCheckinFormId(formId: string): { placementId: string; localDate: string; savedAt: number | null } | null {
  const m = /^(.+):(\d{4}-\d{2}-\d{2})(?:@(\d{1,15}))?$/.exec(formId);
  return m?.[1] && m[2] ? { placementId: m[1], localDate: m[2], savedAt: m[3] ? Number(m[3]) : null } : null;
}


export function buildCheckinForm(args: PlacementUnits & { placementId: string; localDate: string; lang: Lang; existing: Reflection | null; suggested?: string[] }): FormReply {
  const { lang, existing } = args;
  const t = texts.in(lang);
  const label = (unit: Unit | null) => (unit ? t('requirementsLabelOfUnit', { unit: textIn(unit.name, lang) }) : t('requirementsLabel'));
  const editing = existing?.status === 'answered';
  return {
    kind: 'form',
    lang,
    formKind: 'checkin',
    formId: checkinFormId(args.placementId, args.localDate, existing?.status === 'answered' ? existing.updatedAt : undefined),
    title: t('formTitle', { date: formatDate(args.localDate, lang) }),
    intro: [
      { type: 'paragraph', text: questionFor(args.localDate, lang, unitsIn(args).map((unit) => unit.id)) },
      ...(editing ? [{ type: 'context' as const, text: t('alreadyAnswered') }] : []),
    ],
    fields: [
      { type: 'text', id: 'text', label: t('whatDidYouDoLabel'), multiline: true, maxLength: REFLECTION_TEXT_MAX, optional: false, ...(existing?.text ? { initial: existing.text } : {}) },
      // One picker per unit, each grouped by the unit's sections.
      ...requirementFields(unitsIn(args), lang, 'requirements', label, [...new Set([...(existing?.requirementIds ?? []), ...(args.suggested ?? [])])]),
      { type: 'rating', id: 'confidence', label: t('confidenceLabel'), min: 1, max: 5, minLabel: t('confidenceMin'), maxLabel: t('confidenceMax'), optional: true, ...(existing?.confidence ? { initial: existing.confidence } : {}) },
      { type: 'text', id: 'hard', label: t('hardLabel'), multiline: true, maxLength: REFLECTION_NOTE_MAX, optional: true, ...(existing?.hard ? { initial: existing.hard } : {}) },
      { type: 'text', id: 'help', label: t('helpLabel'), multiline: true, maxLength: REFLECTION_NOTE_MAX, optional: true, ...(existing?.helpNeeded ? { initial: existing.helpNeeded } : {}) },
    ],
    submitLabel: t('saveButton'),
  };
}

/** More than any placement's units offer together; ids not of the placement's units are dropped anyway. */
const MAX_PICKED = 1000;

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const checkinValuesSchema = z.object({
  text: z.string().trim().min(1, 'text').max(REFLECTION_TEXT_MAX),
  requirements: z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(z.string()).max(MAX_PICKED)),
  confidence: z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(5).optional()),
  hard: optionalText(REFLECTION_NOTE_MAX),
  help: optionalText(REFLECTION_NOTE_MAX),
});
export type CheckinValues = z.infer<typeof checkinValuesSchema>;

/** A submitted card's values with every unit's picker read into `requirements`. */
export function checkinValuesOf(values: FormSubmission['values']): Record<string, unknown> {
  return { ...values, requirements: pickedRequirements(values, 'requirements') };
}

/** The requirements a reflection names, grouped by unit (only the units it names any of). */
export function pickedByUnit(units: readonly Unit[], requirementIds: readonly string[]): { unit: Unit; requirements: Unit['sections'][number]['requirements'] }[] {
  return units.flatMap((unit) => {
    const requirements = unit.sections.flatMap((s) => s.requirements).filter((r) => requirementIds.includes(r.id));
    return requirements.length ? [{ unit, requirements }] : [];
  });
}

/** `helpNote` replaces the line saying the help request waits for the weekly summary (it was forwarded at once). */
export function checkinRecordedReply(units: Unit | readonly Unit[], reflection: Reflection, lang: Lang, created: boolean, helpNote?: string): MessageReply {
  const t = texts.in(lang);
  const all = unitsIn(units);
  const picked = pickedByUnit(all, reflection.requirementIds);
  return {
    kind: 'message',
    lang,
    blocks: [
      { type: 'heading', text: created ? t('reflectionSaved') : t('reflectionUpdated') },
      { type: 'context', text: `${formatDate(reflection.localDate, lang)}${reflection.confidence ? ` · ${t('confidenceValue', { confidence: reflection.confidence })}` : ''}` },
      { type: 'quote', text: userText(reflection.text) },
      ...picked.flatMap(({ unit, requirements }): Block[] => [
        // With several units each list says whose requirements it holds.
        ...(all.length > 1 ? [{ type: 'context' as const, text: textIn(unit.name, lang) }] : []),
        { type: 'list', items: requirements.map((r) => ({ text: textIn(r.text, lang), cite: r.id })) },
      ]),
      ...(reflection.helpNeeded ? [{ type: 'paragraph' as const, text: helpNote ?? t('helpForwarded', { help: userText(reflection.helpNeeded) }) }] : []),
      { type: 'context', text: t('editTodayHint') },
    ],
    citations: [],
  };
}
