// A student's plain message while a check-in waits for an answer is taken as the answer: Osaava fills
// the day's check-in form with the text and the requirements it suggests, and the student confirms by
// saving it (nothing is recorded until then). Questions still go to the answering engine.
import { sql } from 'kysely';
import { type CommandContext, message, unitOf } from '../../conversation/command-context.ts';
import type { FormReply, Reply } from '../../conversation/reply.ts';
import type { Unit } from '../../knowledge/schema.ts';
import { isAnswerWindowOpen } from '../../scheduling/answer-window.ts';
import { type Person, REFLECTION_TEXT_MAX } from '../../storage/index.ts';
import { buildCheckinForm } from './checkin-form.ts';
import { texts } from './texts.ts';

/** Openings of a question or a request (folded: lower case, no diacritics needed for these). */
const QUESTION_START =
  /^(mit(a|ä)|mik(a|ä)|mitk(a|ä)|miten|millainen|millaista|kuka|ketk(a|ä)|milloin|miksi|miss(a|ä)|mihin|mist(a|ä)|montako|kuinka|onko|ovatko|pit(a|ä)(a|ä)k(o|ö)|voiko|voinko|saako|saanko|t(a|ä)ytyyk(o|ö)|kuuluuko|kerro|n(a|ä)yt(a|ä)|listaa|selit(a|ä)|anna|what|which|who|when|why|where|how|is|are|do|does|did|can|could|should|must|may|tell|show|list|explain|give)\b/u;

/**
 * What the questions feature calls a text (its intent kinds), given by the composition root. These
 * are plainly questions about the curriculum or small talk, never a day's account.
 */
export type IntentOf = (unit: Unit, text: string) => string;
const NOT_A_REFLECTION: ReadonlySet<string> = new Set(['greeting', 'thanks', 'help', 'grade-criteria', 'grade-compare', 'grade-invalid', 'grading-overview', 'demonstration', 'unit-facts', 'unknown-unit', 'all-requirements']);

/** A day's account has a few words and no question mark; anything else is answered as a question. */
export function looksLikeReflection(text: string, intentOf: (text: string) => string): boolean {
  const trimmed = text.trim();
  if (trimmed.includes('?')) return false;
  if (trimmed.split(/\s+/u).length < 4) return false;
  if (QUESTION_START.test(trimmed.toLowerCase())) return false;
  return !NOT_A_REFLECTION.has(intentOf(trimmed));
}

/** The latest check-in sent to the student and not answered, while a late answer is still accepted. */
async function openCheckin(ctx: CommandContext, studentId: string): Promise<{ placementId: string; localDate: string } | null> {
  const { db } = ctx.services.store;
  const now = ctx.services.clock.now();
  const row = await sql<{ placement_id: string; local_date: string }>`
    SELECT c.placement_id, to_char(c.local_date, 'YYYY-MM-DD') AS local_date
    FROM checkin c
    WHERE c.student_id = ${studentId} AND c.status IN ('sent', 'uncertain') AND c.due_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM reflection r WHERE r.placement_id = c.placement_id AND r.local_date = c.local_date AND r.status = 'answered')
    ORDER BY c.local_date DESC
    LIMIT 1
  `.execute(db);
  const open = row.rows[0];
  if (!open) return null;
  return (await isAnswerWindowOpen(db, open.placement_id, open.local_date, now)) ? { placementId: open.placement_id, localDate: open.local_date } : null;
}

/** The check-in form filled from the message, or undefined when the message is not a check-in answer. */
export async function draftReflection(ctx: CommandContext, actor: Person, text: string, intentOf: IntentOf): Promise<Reply[] | undefined> {
  if (!actor.roles.includes('student')) return undefined;
  const open = await openCheckin(ctx, actor.id);
  if (!open) return undefined;
  const placement = await ctx.services.store.placements.findById(open.placementId);
  if (!placement) return undefined;
  const unit = unitOf(ctx.services, placement.unitIds);
  if (!looksLikeReflection(text, (t) => intentOf(unit, t))) return undefined;

  const t = texts.in(ctx.lang);
  const trimmed = text.trim();
  if (trimmed.length > REFLECTION_TEXT_MAX) {
    return [message(ctx.lang, { type: 'paragraph', text: t('freeTextTooLong', { length: trimmed.length, max: REFLECTION_TEXT_MAX }) })];
  }
  const suggested = await ctx.services.suggestRequirements({ text: trimmed, unit, lang: ctx.lang, people: [{ name: actor.name, kind: 'student' }] });
  const form = buildCheckinForm({ unit, placementId: placement.id, localDate: open.localDate, lang: ctx.lang, existing: null, suggested });
  const filled: FormReply = {
    ...form,
    intro: [
      { type: 'paragraph', text: t('freeTextDraftIntro') },
      { type: 'context', text: t('freeTextQuestionHint') },
    ],
    fields: form.fields.map((field) => (field.type === 'text' && field.id === 'text' ? { ...field, initial: trimmed } : field)),
  };
  ctx.services.logger.info({ placementId: placement.id, localDate: open.localDate, suggested: suggested.length }, 'free-text check-in answer drafted');
  return [filled];
}
