// The instructor's observation as a form: the text, the requirements Osaava suggests (the
// instructor confirms or changes them), an optional indication of level, and visibility.
import { z } from 'zod';
import { requirementField } from '../../conversation/requirement-field.ts';
import { type FormReply, type Lang, type MessageReply, userText } from '../../conversation/reply.ts';
import { textIn, type Unit } from '../../knowledge/schema.ts';
import { OBSERVATION_TEXT_MAX, type Observation, type Person } from '../../storage/index.ts';
import { texts } from './texts.ts';

export function buildObservationForm(args: { unit: Unit; placementId: string; student: Person; text: string; suggested: string[]; lang: Lang }): FormReply {
  const { unit, lang } = args;
  const t = texts.in(lang);
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
      requirementField(unit, lang, 'requirements', t('requirementsLabel'), args.suggested),
      { type: 'select', id: 'level', label: t('levelLabel'), options: unit.assessment.levels.map((l) => ({ value: String(l.grade), label: textIn(l.name, lang) })), optional: true },
    ],
    submitLabel: t('saveButton'),
  };
}

export const observationValuesSchema = z.object({
  text: z.string().trim().min(1).max(OBSERVATION_TEXT_MAX),
  requirements: z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(z.string()).max(100)),
  level: z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : Number(v)), z.number().int().min(1).max(5).optional()),
});

export function observationRecordedReply(unit: Unit, observation: Observation, student: Person, lang: Lang): MessageReply {
  const t = texts.in(lang);
  const reqs = unit.sections.flatMap((s) => s.requirements).filter((r) => observation.requirementIds.includes(r.id));
  const level = unit.assessment.levels.find((l) => l.grade === observation.level);
  return {
    kind: 'message',
    lang,
    blocks: [
      { type: 'heading', text: t('observationSaved', { student: student.name }) },
      { type: 'quote', text: userText(observation.text) },
      ...(reqs.length ? [{ type: 'list' as const, items: reqs.map((r) => ({ text: textIn(r.text, lang), cite: r.id })) }] : []),
      ...(level ? [{ type: 'context' as const, text: t('levelValue', { level: textIn(level.name, lang) }) }] : []),
    ],
    citations: [],
  };
}
