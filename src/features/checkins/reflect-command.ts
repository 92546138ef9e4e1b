// "reflect": today's check-in form on demand, and recording a submitted check-in.
import { defineCommand, type FormDeclaration, type FormHandler } from '../../conversation/command.ts';
import { message, unitOf } from '../../conversation/command-context.ts';
import { currentPlacement, isStorageError } from '../../storage/index.ts';
import { buildCheckinForm, checkinRecordedReply, checkinValuesSchema, parseCheckinFormId } from './checkin-form.ts';
import { commandTexts } from './command-texts.ts';

export const reflectCommand = defineCommand({
  id: 'reflect',
  roles: ['student'],
  subject: { kind: 'self' },
  slots: {},
  phrasings: {
    fi: ['reflektoi', 'reflektio', 'pohdi', 'pohdinta', 'päivän pohdinta', 'päivän reflektio', 'tee reflektio', 'kirjaa päivä', 'haluan reflektoida', '(tee|tehdä|teen|tehdään) [päivän|tämän päivän|tän päivän] (reflektio|pohdinta)', 'reflektoidaan', 'kirjaa [tämän|tän] päivän (jutut|asiat|työt)', 'avaa [päivän] (kysely|reflektio|lomake)'],
    en: ['reflect', 'reflection', 'check in', 'checkin', 'check-in', 'daily reflection', 'log my day', "[do] [today's|todays] reflection", '(open|start|show) [my|the] [daily] (check-in|checkin|reflection|form)'],
    sv: ['reflektera', 'reflektion', 'dagens reflektion', 'dagens fråga', 'jag vill reflektera', '(gör|göra) dagens reflektion', '(öppna|visa) [dagens] (reflektion|fråga|formulär)'],
  },
  help: { student: [commandTexts.all('helpReflect'), commandTexts.all('helpFreeText')] },
  async handle(ctx, { actor }) {
    const placements = await ctx.services.store.placements.listByStudent(actor.id);
    const placement = currentPlacement(placements, ctx.today);
    if (!placement || placement.startDate > ctx.today || ctx.today > placement.endDate) {
      return [message(ctx.lang, { type: 'paragraph', text: commandTexts.in(ctx.lang)('noPlacementToday') })];
    }
    const existing = await ctx.services.store.reflections.findForDay(placement.id, ctx.today);
    return [buildCheckinForm({ unit: unitOf(ctx.services, placement.unitIds), placementId: placement.id, localDate: ctx.today, lang: ctx.lang, existing })];
  },
});

const submitCheckin: FormHandler = async (ctx, actor, form) => {
  const t = commandTexts.in(ctx.lang);
  const say = (text: string) => [message(ctx.lang, { type: 'paragraph', text })];
  const target = parseCheckinFormId(form.formId);
  const placement = target ? await ctx.services.store.placements.findById(target.placementId) : null;
  if (!target || !placement) {
    ctx.services.logger.warn({ formId: form.formId }, 'check-in form for an unknown placement');
    return say(t('checkinGone'));
  }
  if (placement.studentId !== actor.id) {
    ctx.services.logger.warn({ actorId: actor.id, placementId: placement.id }, 'check-in submitted by someone other than the student');
    return say(t('notYourCheckin'));
  }
  const parsed = checkinValuesSchema.safeParse(form.values);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.find((issue) => issue.code === 'too_big');
    return say(tooLong && 'maximum' in tooLong ? t('answerTooLong', { max: Number(tooLong.maximum) }) : t('answerMissing'));
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
    if (isStorageError(error, 'reflection_locked')) return say(t('checkinLocked'));
    throw error;
  }
};

export const checkinForm: FormDeclaration = { roles: ['student'], handle: submitCheckin };
