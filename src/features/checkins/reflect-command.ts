// "reflect": today's check-in form on demand, and recording a submitted check-in.
import { defineCommand, type FormDeclaration, type FormHandler } from '../../conversation/command.ts';
import { type CommandContext, message, unitsOf } from '../../conversation/command-context.ts';
import { formatDate } from '../../i18n/format.ts';
import type { PersonMessenger } from '../../messaging/person-messenger.ts';
import { currentPlacement, isStorageError, type Reflection } from '../../storage/index.ts';
import { buildCheckinForm, checkinRecordedReply, checkinValuesOf, checkinValuesSchema, parseCheckinFormId } from './checkin-form.ts';
import { commandTexts } from './command-texts.ts';
import { alertHelpNeeded } from './help-alert.ts';

export const reflectCommand = defineCommand({
  id: 'reflect',
  roles: ['student'],
  subject: { kind: 'self' },
  slots: {},
  phrasings: {
    fi: ['reflektoi', 'reflektio', 'pohdi', 'pohdinta', 'päivän pohdinta', 'päivän reflektio', 'tee reflektio', 'kirjaa päivä', 'haluan reflektoida', '(tee|tehdä|teen|tehdään) [päivän|tämän päivän|tän päivän] (reflektio|pohdinta)', 'reflektoidaan', 'kirjaa [tämän|tän] päivän (jutut|asiat|työt)', 'avaa [päivän] (kysely|reflektio|lomake)', '(täytä|täytän|täyttää|täytetään) [päivän|tämän päivän|tän päivän] (kysely|reflektio|lomake|pohdinta)'],
    en: ['reflect', 'reflection', 'check in', 'checkin', 'check-in', 'daily reflection', 'log my day', "[do] [today's|todays] reflection", '(open|start|show|do) [my|the] [daily] (check-in|checkin|reflection|form)', 'fill in [my|the] [daily|todays|today\'s] (check-in|checkin|reflection|form)'],
    sv: ['reflektera', 'reflektion', 'dagens reflektion', 'dagens fråga', 'jag vill reflektera', '(gör|göra) dagens reflektion', '(öppna|visa|starta|börja) [dagens] (reflektion|fråga|formulär)', '(fyll|fylla) i [dagens] (reflektion|fråga|formulär)'],
  },
  help: { student: [commandTexts.all('helpReflect'), commandTexts.all('helpFreeText')] },
  async handle(ctx, { actor }) {
    const placements = await ctx.services.store.placements.listByStudent(actor.id);
    const placement = currentPlacement(placements, ctx.today);
    if (!placement || placement.startDate > ctx.today || ctx.today > placement.endDate) {
      return [message(ctx.lang, { type: 'paragraph', text: commandTexts.in(ctx.lang)('noPlacementToday') })];
    }
    const existing = await ctx.services.store.reflections.findForDay(placement.id, ctx.today);
    return [buildCheckinForm({ units: unitsOf(ctx.services, placement.unitIds), placementId: placement.id, localDate: ctx.today, lang: ctx.lang, existing })];
  },
});

const submitCheckin = (messagePerson: PersonMessenger | undefined): FormHandler => async (ctx, actor, form) => {
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
  const parsed = checkinValuesSchema.safeParse(checkinValuesOf(form.values));
  if (!parsed.success) {
    const tooLong = parsed.error.issues.find((issue) => issue.code === 'too_big');
    return say(tooLong && 'maximum' in tooLong ? t('answerTooLong', { max: Number(tooLong.maximum) }) : t('answerMissing'));
  }
  const { store, clock } = ctx.services;
  // Only today (during the placement) or a past day whose check-in went out and may still be answered:
  // a forged form id cannot backdate a reflection.
  const today = target.localDate === ctx.today && placement.startDate <= ctx.today && ctx.today <= placement.endDate;
  if (!today && !((await store.checkins.wasSent(placement.id, target.localDate)) && (await store.checkins.isAnswerWindowOpen(placement.id, target.localDate, clock.now())))) {
    ctx.services.logger.warn({ actorId: actor.id, placementId: placement.id, localDate: target.localDate }, 'check-in for a day that cannot be answered');
    return say(t('noCheckinThatDay', { date: formatDate(target.localDate, ctx.lang) }));
  }
  // A requirement of any of the placement's units counts; anything else on the card is dropped.
  const units = unitsOf(ctx.services, placement.unitIds);
  const known = new Set(units.flatMap((unit) => ctx.services.kb.requirements(unit).map((r) => r.requirement.id)));
  const values = parsed.data;
  const submitted: Answer = {
    text: values.text,
    requirementIds: values.requirements.filter((id) => known.has(id)),
    confidence: values.confidence ?? null,
    hard: values.hard ?? null,
    helpNeeded: values.help ?? null,
  };
  // A card older than the day's latest save (another card, a device left open) adds to it, never wipes it.
  const existing = await store.reflections.findForDay(placement.id, target.localDate);
  const saved = existing?.status === 'answered' ? existing : null;
  const stale = saved !== null && target.savedAt !== saved.updatedAt.getTime();
  try {
    const { reflection, created } = await store.reflections.upsertForDay({
      placementId: placement.id,
      localDate: target.localDate,
      status: 'answered',
      ...(stale && saved ? mergeAnswers(saved, submitted) : submitted),
    });
    ctx.services.logger.info({ placementId: placement.id, localDate: target.localDate, created, merged: stale }, 'reflection recorded');
    const told = await forwardHelp(ctx, messagePerson, { student: actor, placement, reflection, previousHelp: existing?.helpNeeded });
    const recorded = checkinRecordedReply(units, reflection, ctx.lang, created, told ?? undefined);
    return stale ? [recorded, message(ctx.lang, { type: 'context', text: t('mergedWithNewer') })] : [recorded];
  } catch (error) {
    if (isStorageError(error, 'reflection_locked')) return say(t('checkinLocked'));
    throw error;
  }
};

/** A saved answer is never lost to a failed alert: the student is told it did not go through. */
async function forwardHelp(ctx: CommandContext, messagePerson: PersonMessenger | undefined, args: Parameters<typeof alertHelpNeeded>[2]): Promise<string | null> {
  try {
    return await alertHelpNeeded(ctx, messagePerson, args);
  } catch (error) {
    ctx.services.logger.error({ err: error, placementId: args.placement.id }, 'help request alert failed');
    return null;
  }
}

export interface CheckinFormDeps {
  /** Sends a student's cry for help to their instructor the same day; without it, it waits for the weekly summary. */
  messagePerson?: PersonMessenger;
}

export function createCheckinForm(deps: CheckinFormDeps = {}): FormDeclaration {
  return { roles: ['student'], handle: submitCheckin(deps.messagePerson) };
}

type Answer = Pick<Reflection, 'text' | 'requirementIds' | 'confidence' | 'hard' | 'helpNeeded'>;

/** Two texts as one: the longer one when it already holds the other, else both. */
function combine(saved: string | null, submitted: string | null): string | null {
  if (!saved) return submitted;
  if (!submitted || saved.includes(submitted)) return saved;
  if (submitted.includes(saved)) return submitted;
  return `${saved}\n${submitted}`;
}

/** What a stale card adds to the day's newer save: nothing in the save is lost. */
function mergeAnswers(saved: Answer, submitted: Answer): Answer {
  return {
    text: combine(saved.text, submitted.text) ?? submitted.text,
    requirementIds: [...new Set([...saved.requirementIds, ...submitted.requirementIds])],
    confidence: submitted.confidence ?? saved.confidence,
    hard: combine(saved.hard, submitted.hard),
    helpNeeded: combine(saved.helpNeeded, submitted.helpNeeded),
  };
}
