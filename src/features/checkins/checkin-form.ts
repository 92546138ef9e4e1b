// The daily check-in as a platform-neutral form, and what its submission records.
import { z } from 'zod';
import { formatDate } from '../../i18n/format.ts';
import { type FormReply, type Lang, type MessageReply, userText } from '../../conversation/reply.ts';
import { textIn, type Unit } from '../../knowledge/schema.ts';
import { REFLECTION_NOTE_MAX, REFLECTION_TEXT_MAX, type Reflection } from '../../storage/index.ts';
import { questionFor } from './checkin-questions.ts';
import { texts } from './texts.ts';
import { requirementField } from '../../conversation/requirement-field.ts';

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

export function buildCheckinForm(args: { unit: Unit; placementId: string; localDate: string; lang: Lang; existing: Reflection | null; suggested?: string[] }): FormReply {
  const { unit, lang, existing } = args;
  const t = texts.in(lang);
  const editing = existing?.status === 'answered';
  return {
    kind: 'form',
    lang,
    formKind: 'checkin',
    formId: checkinFormId(args.placementId, args.localDate, existing?.status === 'answered' ? existing.updatedAt : undefined),
    title: t('formTitle', { date: formatDate(args.localDate, lang) }),
    intro: [
      { type: 'paragraph', text: questionFor(args.localDate, lang) },
      ...(editing ? [{ type: 'context' as const, text: t('alreadyAnswered') }] : []),
    ],
    fields: [
      { type: 'text', id: 'text', label: t('whatDidYouDoLabel'), multiline: true, maxLength: REFLECTION_TEXT_MAX, optional: false, ...(existing?.text ? { initial: existing.text } : {}) },
      requirementField(unit, lang, 'requirements', t('requirementsLabel'), [...new Set([...(existing?.requirementIds ?? []), ...(args.suggested ?? [])])]),
      { type: 'rating', id: 'confidence', label: t('confidenceLabel'), min: 1, max: 5, minLabel: t('confidenceMin'), maxLabel: t('confidenceMax'), optional: true, ...(existing?.confidence ? { initial: existing.confidence } : {}) },
      { type: 'text', id: 'hard', label: t('hardLabel'), multiline: true, maxLength: REFLECTION_NOTE_MAX, optional: true, ...(existing?.hard ? { initial: existing.hard } : {}) },
      { type: 'text', id: 'help', label: t('helpLabel'), multiline: true, maxLength: REFLECTION_NOTE_MAX, optional: true, ...(existing?.helpNeeded ? { initial: existing.helpNeeded } : {}) },
    ],
    submitLabel: t('saveButton'),
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

/** `helpNote` replaces the line saying the help request waits for the weekly summary (it was forwarded at once). */
export function checkinRecordedReply(unit: Unit, reflection: Reflection, lang: Lang, created: boolean, helpNote?: string): MessageReply {
  const t = texts.in(lang);
  const reqs = unit.sections.flatMap((s) => s.requirements).filter((r) => reflection.requirementIds.includes(r.id));
  return {
    kind: 'message',
    lang,
    blocks: [
      { type: 'heading', text: created ? t('reflectionSaved') : t('reflectionUpdated') },
      { type: 'context', text: `${formatDate(reflection.localDate, lang)}${reflection.confidence ? ` · ${t('confidenceValue', { confidence: reflection.confidence })}` : ''}` },
      { type: 'quote', text: userText(reflection.text) },
      ...(reqs.length ? [{ type: 'list' as const, items: reqs.map((r) => ({ text: textIn(r.text, lang), cite: r.id })) }] : []),
      ...(reflection.helpNeeded ? [{ type: 'paragraph' as const, text: helpNote ?? t('helpForwarded', { help: userText(reflection.helpNeeded) }) }] : []),
      { type: 'context', text: t('editTodayHint') },
    ],
    citations: [],
  };
}
