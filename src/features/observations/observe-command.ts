// "havainto Aino: …" / "observe Aino: …": the instructor names the student in one message; Osaava
// suggests the requirements the text touches and returns a form to confirm or change them. Nothing
// is saved until the form comes back.
import { defineCommand, type FormDeclaration, type FormHandler, type StatementHandler } from '../../conversation/command.ts';
import { message, suggestAcrossUnits, unitsOf } from '../../conversation/command-context.ts';
import { accessStudent, placementsInScope, refused } from '../../access/student-access.ts';
import { OBSERVATION_TEXT_MAX, type Person } from '../../storage/index.ts';
import { isFirstPersonAccount, nameFollowedByPastVerb, namesPerson, opensWithName } from '../../text/statements.ts';
import { commandTexts } from './command-texts.ts';
import { buildObservationForm, levelScaleUnit, observationRecordedReply, observationValuesOf, observationValuesSchema } from './observation-form.ts';

const STAFF = ['instructor', 'teacher', 'admin'] as const;

export const observeCommand = defineCommand({
  id: 'observe',
  roles: STAFF,
  subject: { kind: 'student', slot: 'student', action: 'draft_observation' },
  slots: { student: { type: 'student' }, text: { type: 'text' } },
  phrasings: {
    fi: ['havainto {student} : {text}', 'havainnoi {student} : {text}', 'kirjaa havainto {student} : {text}', 'havainto {student} - {text}', 'kirjaa havainto {student} - {text}'],
    en: ['observe {student} : {text}', 'observation {student} : {text}', 'log observation {student} : {text}', 'observe {student} - {text}', 'observation {student} - {text}', 'log observation {student} - {text}'],
    sv: ['observation {student} : {text}', 'observera {student} : {text}', 'för in observation {student} : {text}', 'observation {student} - {text}', 'observera {student} - {text}'],
  },
  help: { staff: commandTexts.all('helpObserve') },
  async handle(ctx, { actor, slots, subject }) {
    const t = commandTexts.in(ctx.lang);
    if (slots.text.length > OBSERVATION_TEXT_MAX) return [message(ctx.lang, { type: 'paragraph', text: t('tooLong', { length: slots.text.length, limit: OBSERVATION_TEXT_MAX }) })];
    if (!subject) return refused(ctx, 'not-related');
    const placement = subject.placements.find((p) => p.startDate <= ctx.today && ctx.today <= p.endDate) ?? subject.placements[0];
    if (!placement) return refused(ctx, 'not-related');
    const units = unitsOf(ctx.services, placement.unitIds);
    const people = [{ name: subject.student.name, kind: 'student' as const }, { name: actor.name, kind: 'instructor' as const }];
    const suggested = await suggestAcrossUnits(ctx.services, { text: slots.text, units, lang: ctx.lang, people });
    return [buildObservationForm({ units, placementId: placement.id, student: subject.student, text: slots.text, suggested, lang: ctx.lang })];
  },
});

const submitObservationHandler: FormHandler = async (ctx, actor, form) => {
  const t = commandTexts.in(ctx.lang);
  const placement = await ctx.services.store.placements.findById(form.formId);
  if (!placement) {
    ctx.services.logger.warn({ formId: form.formId }, 'observation form for an unknown placement');
    return [message(ctx.lang, { type: 'paragraph', text: t('placementGone') })];
  }
  const decision = await accessStudent(ctx, actor, placement.studentId, 'record_observation');
  if (!decision.allowed || !decision.placements.some((p) => p.id === placement.id)) return refused(ctx, decision.allowed ? 'not-related' : decision.reason);
  const parsed = observationValuesSchema.safeParse(observationValuesOf(form.values));
  if (!parsed.success) return [message(ctx.lang, { type: 'paragraph', text: t('textMissing', { limit: OBSERVATION_TEXT_MAX }) })];
  // A requirement of any of the student's units on this placement counts.
  const units = unitsOf(ctx.services, placement.unitIds);
  const known = new Set(units.flatMap((unit) => ctx.services.kb.requirements(unit).map((r) => r.requirement.id)));
  const observation = await ctx.services.store.observations.create({
    placementId: placement.id,
    authorId: actor.id,
    text: parsed.data.text,
    requirementIds: parsed.data.requirements.filter((id) => known.has(id)),
    // An indication of level only where a unit is graded 1–5 (a pass/fail unit has no levels to indicate).
    level: levelScaleUnit(units) ? parsed.data.level ?? null : null,
  });
  const student = await ctx.services.store.people.findById(placement.studentId);
  ctx.services.logger.info({ placementId: placement.id, authorId: actor.id, requirements: observation.requirementIds.length }, 'observation recorded');
  return [observationRecordedReply(units, observation, student ?? actor, ctx.lang)];
};

export const observationForm: FormDeclaration = { roles: STAFF, handle: submitObservationHandler };

/**
 * Who a message picked for "Log as observation" is about: "Aino: hoiti…" names her; otherwise the
 * first word may be the name. Each candidate is tried as an observe command until one resolves.
 */
export function observationCandidates(text: string): { student: string; text: string }[] {
  const trimmed = text.trim();
  const named = /^\s*([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)\s*[:,-]\s*([\s\S]+)$/u.exec(trimmed);
  if (named?.[1] && named[2]) return [{ student: named[1], text: named[2] }];
  const first = trimmed.split(/\s+/)[0] ?? '';
  return first ? [{ student: first, text: trimmed }] : [];
}

/**
 * An instructor's or teacher's plain message about one of their students ("Aino päivitti
 * asiakastiedot CRM:ään tosi huolellisesti tänään") becomes the observation form, prefilled: nothing
 * is logged unless they confirm it.
 */
export const observationStatement: StatementHandler = async (ctx, actor, text) => {
  if (!actor.roles.some((role) => (STAFF as readonly string[]).includes(role))) return undefined;
  const trimmed = text.trim();
  // A question, a few words, or a command's key=value fields ("student=ville instructor=…") is no account.
  if (trimmed.includes('?') || trimmed.split(/\s+/u).length < 3 || /[\p{L}_]=\S/u.test(trimmed)) return undefined;
  const scope = await placementsInScope(ctx, actor);
  const students = (await Promise.all([...new Set(scope.map((p) => p.studentId))].map((id) => ctx.services.store.people.findById(id)))).filter((p): p is Person => p !== null);
  // The full name: a surname after the first name ("Aino Virtanen hoiti …") is then no verb to read.
  // Or the writer's own account naming the student ("Visited Aino's workplace on Friday, she explained …").
  const account = isFirstPersonAccount(trimmed);
  const named = students.filter((student) => nameFollowedByPastVerb(trimmed, student.name) || opensWithName(trimmed, student.name) || (account && namesPerson(trimmed, student.name)));
  const student = named.length === 1 ? named[0] : undefined;
  if (!student) return undefined;
  const decision = await accessStudent(ctx, actor, student.id, 'draft_observation');
  if (!decision.allowed) return refused(ctx, decision.reason);
  return observeCommand.handle(ctx, { actor, slots: { student: student.name, text: trimmed }, subject: { student, placements: decision.placements, relation: decision.relation } });
};
