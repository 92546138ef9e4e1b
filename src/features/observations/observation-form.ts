// The instructor's observation as a form: the text, the requirements Osaava suggests (the
// instructor confirms or changes them), an optional indication of level, and visibility.
import { z } from 'zod';
import { requirementField } from '../checkins/checkin-form.ts';
import { sayIn } from '../../i18n/say.ts';
import type { FormReply, Lang, MessageReply } from '../../conversation/reply.ts';
import type { Unit } from '../../knowledge/schema.ts';
import { OBSERVATION_TEXT_MAX, type Observation, type Person } from '../../storage/index.ts';

export function buildObservationForm(args: { unit: Unit; placementId: string; student: Person; text: string; suggested: string[]; lang: Lang }): FormReply {
  const { unit, lang } = args;
  const say = sayIn(lang);
  return {
    kind: 'form',
    lang,
    formKind: 'observation',
    formId: args.placementId,
    title: say(`Havainto: ${args.student.name}`, `Observation: ${args.student.name}`),
    intro: [
      { type: 'paragraph', text: args.suggested.length
        ? say('Ehdotin vaatimukset, joihin havainto liittyy. Tarkista ja tallenna.', 'I suggested the requirements this observation touches. Check them and save.')
        : say('En löytänyt havainnolle selvää vaatimusta. Valitse vaatimukset ja tallenna.', 'I found no clear requirement for this observation. Pick the requirements and save.') },
      { type: 'context', text: say('Havainto näkyy opiskelijalle: arvioinnin on oltava läpinäkyvää.', 'The student sees the observation: assessment must be transparent to them.') },
    ],
    fields: [
      { type: 'text', id: 'text', label: say('Havainto', 'Observation'), multiline: true, maxLength: OBSERVATION_TEXT_MAX, initial: args.text, optional: false },
      requirementField(unit, lang, 'requirements', say('Ammattitaitovaatimukset', 'Requirements'), args.suggested),
      { type: 'select', id: 'level', label: say('Tason arvio (valinnainen)', 'Indication of level (optional)'), options: unit.assessment.levels.map((l) => ({ value: String(l.grade), label: l.name[lang] })), optional: true },
    ],
    submitLabel: say('Tallenna havainto', 'Save observation'),
  };
}

export const observationValuesSchema = z.object({
  text: z.string().trim().min(1).max(OBSERVATION_TEXT_MAX),
  requirements: z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(z.string()).max(100)),
  level: z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : Number(v)), z.number().int().min(1).max(5).optional()),
});

export function observationRecordedReply(unit: Unit, observation: Observation, student: Person, lang: Lang): MessageReply {
  const say = sayIn(lang);
  const reqs = unit.sections.flatMap((s) => s.requirements).filter((r) => observation.requirementIds.includes(r.id));
  const level = unit.assessment.levels.find((l) => l.grade === observation.level);
  return {
    kind: 'message',
    lang,
    blocks: [
      { type: 'heading', text: say(`Havainto tallennettu ✓ ${student.name}`, `Observation saved ✓ ${student.name}`) },
      { type: 'quote', text: observation.text },
      ...(reqs.length ? [{ type: 'list' as const, items: reqs.map((r) => ({ text: r.text[lang], cite: r.id })) }] : []),
      ...(level ? [{ type: 'context' as const, text: say(`Tason arvio: ${level.name.fi}`, `Indication of level: ${level.name.en}`) }] : []),
    ],
    citations: [],
  };
}
