// The instructor's observation as a form: the text, the requirements Osaava suggests (the
// instructor confirms or changes them; one picker per unit of the placement), an optional
// indication of level on the 1–5 scale where a unit is graded so, and visibility.
import { z } from 'zod';
import type { FormSubmission } from '../../conversation/incoming.ts';
import { pickedRequirements, requirementFields } from '../../conversation/requirement-field.ts';
import { type PlacementUnits, unitsIn } from '../../conversation/placement-units.ts';
import { type Block, type FormField, type FormReply, type Lang, type MessageReply, userText } from '../../conversation/reply.ts';
import { textIn, type Unit } from '../../knowledge/schema.ts';
import { OBSERVATION_TEXT_MAX, type Observation, type Person } from '../../storage/index.ts';
import { texts } from './texts.ts';


/**
 * The unit whose grade levels an indication of level is given on: the first unit graded 1–5. A
 * placement whose units are all pass/fail has none (an observation then carries no level).
 */
export function levelScaleUnit(units: readonly Unit[]): Unit | undefined {
  return units.find((unit) => unit.assessment.scale === '1-5');
}

function levelField(units: readonly Unit[], lang: Lang): FormField[] {
  const unit = levelScaleUnit(units);
  if (!unit) return [];
  const options = unit.assessment.levels.map((l) => ({ value: String(l.grade), label: textIn(l.name, lang) }));
  return [{ type: 'select', id: 'level', label: texts.in(lang)('levelLabel'), options, optional: true }];
}

export function buildObservationForm(args: PlacementUnits & { placementId: string; student: Person; text: string; suggested: string[]; lang: Lang }): FormReply {
  const { lang } = args;
  const units = unitsIn(args);
  const t = texts.in(lang);
  const label = (unit: Unit | null) => (unit ? t('requirementsLabelOfUnit', { unit: textIn(unit.name, lang) }) : t('requirementsLabel'));
  return {
    kind: 'form',
    lang,
    formKind: 'observation',
    formId: args.placementId,
    title: t('formTitle', { student: args.student.name }),
    intro: [
      { type: 'paragraph', text: args.suggested.length
        ? t('requirementsSuggested')
        : t('noRequirementSuggested') },
      { type: 'context', text: t('studentSeesObservation') },
    ],
    fields: [
      { type: 'text', id: 'text', label: t('observationLabel'), multiline: true, maxLength: OBSERVATION_TEXT_MAX, initial: args.text, optional: false },
      ...requirementFields(units, lang, 'requirements', label, args.suggested),
      ...levelField(units, lang),
    ],
    submitLabel: t('saveButton'),
  };
}

export const observationValuesSchema = z.object({
  text: z.string().trim().min(1).max(OBSERVATION_TEXT_MAX),
  requirements: z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(z.string()).max(1000)),
  level: z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : Number(v)), z.number().int().min(1).max(5).optional()),
});

/** A submitted form's values with every unit's picker read into `requirements`. */
export function observationValuesOf(values: FormSubmission['values']): Record<string, unknown> {
  return { ...values, requirements: pickedRequirements(values, 'requirements') };
}

export function observationRecordedReply(units: Unit | readonly Unit[], observation: Observation, student: Person, lang: Lang): MessageReply {
  const t = texts.in(lang);
  const all = unitsIn(units);
  const picked = all.flatMap((unit) => {
    const requirements = unit.sections.flatMap((s) => s.requirements).filter((r) => observation.requirementIds.includes(r.id));
    return requirements.length ? [{ unit, requirements }] : [];
  });
  const level = levelScaleUnit(all)?.assessment.levels.find((l) => l.grade === observation.level);
  return {
    kind: 'message',
    lang,
    blocks: [
      { type: 'heading', text: t('observationSaved', { student: student.name }) },
      { type: 'quote', text: userText(observation.text) },
      ...picked.flatMap(({ unit, requirements }): Block[] => [
        ...(all.length > 1 ? [{ type: 'context' as const, text: textIn(unit.name, lang) }] : []),
        { type: 'list', items: requirements.map((r) => ({ text: textIn(r.text, lang), cite: r.id })) },
      ]),
      ...(level ? [{ type: 'context' as const, text: t('levelValue', { level: textIn(level.name, lang) }) }] : []),
    ],
    citations: [],
  };
}
