// "reflect": today's check-in form on demand, and recording a submitted check-in.
import { buildCheckinForm, checkinRecordedReply, checkinValuesSchema, parseCheckinFormId } from './checkin-form.ts';
import { isStorageError, type Person } from '../../storage/index.ts';
import { sayIn } from '../../i18n/say.ts';
import type { FormSubmission } from '../../conversation/incoming.ts';
import type { Reply } from '../../conversation/reply.ts';
import { type CommandContext, message, unitOf } from '../../conversation/command-context.ts';
import { currentPlacement } from '../progress/progress-command.ts';

export async function handleReflect(ctx: CommandContext, actor: Person): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const placements = await ctx.services.store.placements.listByStudent(actor.id);
  const placement = currentPlacement(placements, ctx.today);
  if (!placement || placement.startDate > ctx.today || ctx.today > placement.endDate) {
    return [message(ctx.lang, { type: 'paragraph', text: say('Sinulla ei ole tänään käynnissä olevaa työpaikkajaksoa, joten reflektiota ei kirjata.', 'You have no placement running today, so there is nothing to reflect on.') })];
  }
  const existing = await ctx.services.store.reflections.findForDay(placement.id, ctx.today);
  return [buildCheckinForm({ unit: unitOf(ctx.services, placement.unitIds), placementId: placement.id, localDate: ctx.today, lang: ctx.lang, existing })];
}

export async function submitCheckin(ctx: CommandContext, actor: Person, form: FormSubmission): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const target = parseCheckinFormId(form.formId);
  const placement = target ? await ctx.services.store.placements.findById(target.placementId) : null;
  if (!target || !placement) {
    ctx.services.logger.warn({ formId: form.formId }, 'check-in form for an unknown placement');
    return [message(ctx.lang, { type: 'paragraph', text: say('Tätä reflektiota ei enää löydy. Kirjoita "reflektoi" saadaksesi uuden.', 'This check-in no longer exists. Type "reflect" to get a new one.') })];
  }
  if (placement.studentId !== actor.id) {
    ctx.services.logger.warn({ actorId: actor.id, placementId: placement.id }, 'check-in submitted by someone other than the student');
    return [message(ctx.lang, { type: 'paragraph', text: say('Vain opiskelija itse voi vastata omaan reflektioonsa.', 'Only the student can answer their own check-in.') })];
  }
  const parsed = checkinValuesSchema.safeParse(form.values);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.find((i) => i.code === 'too_big');
    return [message(ctx.lang, { type: 'paragraph', text: tooLong
      ? say(`Vastaus on liian pitkä (enintään ${String((tooLong as { maximum?: unknown }).maximum)} merkkiä).`, `The answer is too long (at most ${String((tooLong as { maximum?: unknown }).maximum)} characters).`)
      : say('Kirjoita vähintään, mitä teit tänään.', 'Please write at least what you did today.') })];
  }
  const unit = unitOf(ctx.services, placement.unitIds);
  const known = new Set(ctx.services.kb.requirements(unit).map((r) => r.requirement.id));
  const values = parsed.data;
  try {
    const { reflection, created } = await ctx.services.store.reflections.upsertForDay({
      placementId: placement.id,
      localDate: target.localDate,
      status: 'answered',
      text: values.text,
      requirementIds: values.requirements.filter((id) => known.has(id)),
      confidence: values.confidence ?? null,
      hard: values.hard ?? null,
      helpNeeded: values.help ?? null,
    });
    ctx.services.logger.info({ placementId: placement.id, localDate: target.localDate, created }, 'reflection recorded');
    return [checkinRecordedReply(unit, reflection, ctx.lang, created)];
  } catch (error) {
    if (isStorageError(error, 'reflection_locked')) {
      return [message(ctx.lang, { type: 'paragraph', text: say('Tämän päivän reflektiota ei voi enää muuttaa: seuraava kysely on jo alkanut.', 'This day\'s reflection can no longer be changed: the next check-in has started.') })];
    }
    throw error;
  }
}
