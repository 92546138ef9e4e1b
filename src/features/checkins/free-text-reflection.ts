// A student's plain message while a check-in waits for an answer is taken as the answer, and so is a
// plain account of what they did at any time during a placement: Osaava fills the day's check-in
// form with the text (added to what the day already holds) and the requirements it suggests, and the
// student confirms by saving it (nothing is recorded until then). Questions still go to answering.
import { type CommandContext, message, suggestAcrossUnits, unitsOf } from '../../conversation/command-context.ts';
import type { FormReply, Reply } from '../../conversation/reply.ts';
import type { Unit } from '../../knowledge/schema.ts';
import { currentPlacement, type Person, REFLECTION_TEXT_MAX } from '../../storage/index.ts';
import { isFirstPersonAccount, opensAsQuestion } from '../../text/statements.ts';
import { buildCheckinForm } from './checkin-form.ts';
import { texts } from './texts.ts';

/**
 * What the questions feature calls a text (its intent kinds), given by the composition root. These
 * are plainly questions about the curriculum or small talk, never a day's account.
 */
export type IntentOf = (unit: Unit, text: string) => string;
const NOT_A_REFLECTION: ReadonlySet<string> = new Set(['greeting', 'thanks', 'help', 'grade-criteria', 'grade-compare', 'grade-invalid', 'grading-overview', 'demonstration', 'unit-facts', 'unknown-unit', 'all-requirements']);

/**
 * A day's account has a few words and no question mark; anything else is answered as a question.
 * `intentOf` may give one reading per unit: a question about any of them is no account.
 */
export function looksLikeReflection(text: string, intentOf: (text: string) => string | readonly string[]): boolean {
  const trimmed = text.trim();
  if (trimmed.includes('?')) return false;
  // Three words tell a day when they plainly say what was done ("selvitin asiakkaan laskutusongelman").
  if (trimmed.split(/\s+/u).length < (isFirstPersonAccount(trimmed) ? 3 : 4)) return false;
  if (opensAsQuestion(trimmed)) return false;
  const readings = intentOf(trimmed);
  return !(typeof readings === 'string' ? [readings] : readings).some((intent) => NOT_A_REFLECTION.has(intent));
}

/**
 * Which day a plain message is about: the check-in waiting for an answer, or (any time) today when
 * the student plainly tells what they did ("Lisäksi tein asiakkaalle esitteen …") during a placement.
 */
async function dayFor(ctx: CommandContext, actor: Person, text: string): Promise<{ placementId: string; localDate: string } | null> {
  const open = await ctx.services.store.checkins.findOpenForStudent(actor.id, ctx.services.clock.now());
  if (open) return open;
  if (!isFirstPersonAccount(text)) return null;
  const placement = currentPlacement(await ctx.services.store.placements.listByStudent(actor.id), ctx.today);
  if (!placement || placement.startDate > ctx.today || ctx.today > placement.endDate) return null;
  return { placementId: placement.id, localDate: ctx.today };
}

/** The check-in form filled from the message, or undefined when the message is not an account of the day. */
export async function draftReflection(ctx: CommandContext, actor: Person, text: string, intentOf: IntentOf): Promise<Reply[] | undefined> {
  if (!actor.roles.includes('student')) return undefined;
  const day = await dayFor(ctx, actor, text);
  if (!day) return undefined;
  const placement = await ctx.services.store.placements.findById(day.placementId);
  if (!placement) return undefined;
  const units = unitsOf(ctx.services, placement.unitIds);
  if (!looksLikeReflection(text, (t) => units.map((unit) => intentOf(unit, t)))) return undefined;

  const t = texts.in(ctx.lang);
  const trimmed = text.trim();
  // What the day already holds stays: the new text is added to it, never put in its place.
  const existing = await ctx.services.store.reflections.findForDay(placement.id, day.localDate);
  const earlier = existing?.status === 'answered' && existing.text ? existing.text : '';
  const combined = earlier ? `${earlier}\n${trimmed}` : trimmed;
  if (combined.length > REFLECTION_TEXT_MAX) {
    return [message(ctx.lang, { type: 'paragraph', text: t('freeTextTooLong', { length: combined.length, max: REFLECTION_TEXT_MAX }) })];
  }
  const suggested = await suggestAcrossUnits(ctx.services, { text: trimmed, units, lang: ctx.lang, people: [{ name: actor.name, kind: 'student' }] });
  const kept = existing?.status === 'answered' ? existing.requirementIds : [];
  const form = buildCheckinForm({ units, placementId: placement.id, localDate: day.localDate, lang: ctx.lang, existing: existing?.status === 'answered' ? existing : null, suggested: [...new Set([...kept, ...suggested])] });
  const filled: FormReply = {
    ...form,
    intro: [
      { type: 'paragraph', text: t('freeTextDraftIntro') },
      { type: 'context', text: t('freeTextQuestionHint') },
    ],
    fields: form.fields.map((field) => (field.type === 'text' && field.id === 'text' ? { ...field, initial: combined } : field)),
  };
  ctx.services.logger.info({ placementId: placement.id, localDate: day.localDate, suggested: suggested.length, added: Boolean(earlier) }, 'free-text check-in answer drafted');
  return [filled];
}
