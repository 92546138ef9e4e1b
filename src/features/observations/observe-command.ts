// "havainto Aino: …" / "observe Aino: …": the instructor names the student in one message; Osaava
// suggests the requirements the text touches and returns a form to confirm or change them.
import { mayUse } from '../../access/policy.ts';
import { buildObservationForm, observationRecordedReply, observationValuesSchema } from './observation-form.ts';
import { OBSERVATION_TEXT_MAX, type Person } from '../../storage/index.ts';
import { sayIn } from '../../i18n/say.ts';
import type { FormSubmission } from '../../conversation/incoming.ts';
import type { Reply } from '../../conversation/reply.ts';
import { type CommandContext, message, unitOf } from '../../conversation/command-context.ts';
import { accessStudent, pickStudent, refused } from '../../access/student-access.ts';

export async function handleObserve(ctx: CommandContext, actor: Person, studentName: string, text: string): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  if (text.length > OBSERVATION_TEXT_MAX) {
    return [message(ctx.lang, { type: 'paragraph', text: say(`Havainto on liian pitkä: ${text.length} merkkiä, enintään ${OBSERVATION_TEXT_MAX}.`, `The observation is too long: ${text.length} characters, at most ${OBSERVATION_TEXT_MAX}.`) })];
  }
  const pick = await pickStudent(ctx, actor, studentName);
  if (pick.kind === 'reply') return pick.replies;
  const decision = await accessStudent(ctx, actor, pick.student.id, 'draft_observation');
  if (!decision.allowed) return refused(ctx, decision.reason);
  const placement = decision.placements.find((p) => p.startDate <= ctx.today && ctx.today <= p.endDate) ?? decision.placements[0];
  if (!placement) return refused(ctx, 'not-related');
  const unit = unitOf(ctx.services, placement.unitIds);
  const people = [{ name: pick.student.name, kind: 'student' as const }, { name: actor.name, kind: 'instructor' as const }];
  const suggested = await ctx.services.suggestRequirements({ text, unit, lang: ctx.lang, people });
  return [buildObservationForm({ unit, placementId: placement.id, student: pick.student, text, suggested, lang: ctx.lang })];
}

export async function submitObservation(ctx: CommandContext, actor: Person, form: FormSubmission): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  if (!mayUse(actor, 'observe')) return refused(ctx, 'not-related');
  const placement = await ctx.services.store.placements.findById(form.formId);
  if (!placement) {
    ctx.services.logger.warn({ formId: form.formId }, 'observation form for an unknown placement');
    return [message(ctx.lang, { type: 'paragraph', text: say('Työpaikkajaksoa ei löydy enää; havaintoa ei tallennettu.', 'The placement no longer exists; the observation was not saved.') })];
  }
  const decision = await accessStudent(ctx, actor, placement.studentId, 'record_observation');
  if (!decision.allowed || !decision.placements.some((p) => p.id === placement.id)) return refused(ctx, decision.allowed ? 'not-related' : decision.reason);
  const parsed = observationValuesSchema.safeParse(form.values);
  if (!parsed.success) {
    return [message(ctx.lang, { type: 'paragraph', text: say(`Havainnon teksti puuttuu tai on yli ${OBSERVATION_TEXT_MAX} merkkiä.`, `The observation text is missing or longer than ${OBSERVATION_TEXT_MAX} characters.`) })];
  }
  const unit = unitOf(ctx.services, placement.unitIds);
  const known = new Set(ctx.services.kb.requirements(unit).map((r) => r.requirement.id));
  const observation = await ctx.services.store.observations.create({
    placementId: placement.id,
    authorId: actor.id,
    text: parsed.data.text,
    requirementIds: parsed.data.requirements.filter((id) => known.has(id)),
    level: parsed.data.level ?? null,
  });
  const student = await ctx.services.store.people.findById(placement.studentId);
  ctx.services.logger.info({ placementId: placement.id, authorId: actor.id, requirements: observation.requirementIds.length }, 'observation recorded');
  return [observationRecordedReply(unit, observation, student ?? actor, ctx.lang)];
}
