// The daily check-in as a platform-neutral form, and what its submission records.
import { z } from 'zod';
import { formatDate, sayIn } from '../../i18n/say.ts';
import type { FormField, FormReply, Lang, MessageReply } from '../../conversation/reply.ts';
import type { Unit } from '../../knowledge/schema.ts';
import { REFLECTION_NOTE_MAX, REFLECTION_TEXT_MAX, type Reflection } from '../../storage/index.ts';
import { questionFor } from './checkin-questions.ts';

export function checkinFormId(placementId: string, localDate: string): string {
  return `${placementId}:${localDate}`;
}

export function parseCheckinFormId(formId: string): { placementId: string; localDate: string } | null {
  const m = /^(.+):(\d{4}-\d{2}-\d{2})$/.exec(formId);
  return m?.[1] && m[2] ? { placementId: m[1], localDate: m[2] } : null;
}

export function requirementField(unit: Unit, lang: Lang, id: string, label: string, initial: string[]): FormField {
  return {
    type: 'multi-select',
    id,
    label,
    groups: unit.sections.map((s) => ({
      label: s.title[lang],
      options: s.requirements.map((r) => ({ value: r.id, label: r.text[lang] })),
    })),
    initial,
    optional: true,
  };
}

export function buildCheckinForm(args: { unit: Unit; placementId: string; localDate: string; lang: Lang; existing: Reflection | null; suggested?: string[] }): FormReply {
  const { unit, lang, existing } = args;
  const say = sayIn(lang);
  const editing = existing?.status === 'answered';
  return {
    kind: 'form',
    lang,
    formKind: 'checkin',
    formId: checkinFormId(args.placementId, args.localDate),
    title: say(`Päivän reflektio ${formatDate(args.localDate, lang)}`, `Daily reflection, ${formatDate(args.localDate, lang)}`),
    intro: [
      { type: 'paragraph', text: questionFor(args.localDate, lang) },
      ...(editing ? [{ type: 'context' as const, text: say('Olet jo vastannut tänään; voit muokata vastaustasi.', 'You have already answered today; you can edit your answer.') }] : []),
    ],
    fields: [
      { type: 'text', id: 'text', label: say('Mitä teit tänään?', 'What did you do today?'), multiline: true, maxLength: REFLECTION_TEXT_MAX, optional: false, ...(existing?.text ? { initial: existing.text } : {}) },
      requirementField(unit, lang, 'requirements', say('Mihin ammattitaitovaatimuksiin työsi liittyi?', 'Which requirements did your work touch?'), existing?.requirementIds ?? args.suggested ?? []),
      { type: 'rating', id: 'confidence', label: say('Kuinka varmaksi tunsit itsesi?', 'How confident did you feel?'), min: 1, max: 5, minLabel: say('epävarma', 'unsure'), maxLabel: say('varma', 'confident'), optional: true, ...(existing?.confidence ? { initial: existing.confidence } : {}) },
      { type: 'text', id: 'hard', label: say('Mikä oli vaikeaa?', 'What was hard?'), multiline: true, maxLength: REFLECTION_NOTE_MAX, optional: true, ...(existing?.hard ? { initial: existing.hard } : {}) },
      { type: 'text', id: 'help', label: say('Tarvitsetko apua johonkin?', 'Do you need help with anything?'), multiline: true, maxLength: REFLECTION_NOTE_MAX, optional: true, ...(existing?.helpNeeded ? { initial: existing.helpNeeded } : {}) },
    ],
    submitLabel: say('Tallenna', 'Save'),
  };
}

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const checkinValuesSchema = z.object({
  text: z.string().trim().min(1, 'text').max(REFLECTION_TEXT_MAX),
  requirements: z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(z.string()).max(100)),
  confidence: z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(5).optional()),
  hard: optionalText(REFLECTION_NOTE_MAX),
  help: optionalText(REFLECTION_NOTE_MAX),
});
export type CheckinValues = z.infer<typeof checkinValuesSchema>;

export function checkinRecordedReply(unit: Unit, reflection: Reflection, lang: Lang, created: boolean): MessageReply {
  const say = sayIn(lang);
  const reqs = unit.sections.flatMap((s) => s.requirements).filter((r) => reflection.requirementIds.includes(r.id));
  return {
    kind: 'message',
    lang,
    blocks: [
      { type: 'heading', text: created ? say('Reflektio tallennettu ✓', 'Reflection saved ✓') : say('Reflektio päivitetty ✓', 'Reflection updated ✓') },
      { type: 'context', text: `${formatDate(reflection.localDate, lang)}${reflection.confidence ? ` · ${say('varmuus', 'confidence')} ${reflection.confidence}/5` : ''}` },
      { type: 'quote', text: reflection.text },
      ...(reqs.length ? [{ type: 'list' as const, items: reqs.map((r) => ({ text: r.text[lang], cite: r.id })) }] : []),
      ...(reflection.helpNeeded ? [{ type: 'paragraph' as const, text: say(`Avuntarve välitetään ohjaajallesi viikkokoosteessa: _${reflection.helpNeeded}_`, `Your request for help goes to your instructor in the weekly summary: _${reflection.helpNeeded}_`) }] : []),
      { type: 'context', text: say('Voit muokata vastausta tänään kirjoittamalla "reflektoi".', 'You can edit it today by typing "reflect".') },
    ],
    citations: [],
  };
}
