// Days without a check-in: "olen sairaana tänään" (absent), "tauko 1.12.2026 - 5.12.2026" (pause)
// and "jatka" (resume). Only the student's own placements change.
import { addDays, type WorkCalendar } from '../../calendar/index.ts';
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, paragraph } from '../../conversation/command-context.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Placement } from '../../storage/index.ts';
import { commandTexts } from './command-texts.ts';

export interface AbsenceDeps {
  calendar: WorkCalendar;
  /** School days off on top of the calendar's (the scheduler's `extraDaysOff`). */
  extraDaysOff: readonly string[];
}

const say = paragraph;

function capital(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fi') + text.slice(1);
}

/** "tänään", "huomenna" or the date, in the writer's language. */
function when(ctx: CommandContext, date: string): string {
  const t = commandTexts.in(ctx.lang);
  if (date === ctx.today) return t('today');
  if (date === addDays(ctx.today, 1)) return t('tomorrow');
  return t('onDate', { date: formatDate(date, ctx.lang) });
}

const SICK = { fi: '(sairas|sairaana|kipeä|kipeänä|kipee|flunssassa|kuumeessa|sairastunut)', en: '(sick|ill|off sick|unwell)', sv: '(sjuk|förkyld)' };
const AWAY = { fi: '(poissa|lomalla|vapaalla)', en: '(absent|away|off|on leave)', sv: '(borta|ledig|frånvarande|på semester)' };

export function createAbsentCommand(deps: AbsenceDeps) {
  return defineCommand({
    id: 'absent',
    records: true,
    roles: ['student'],
    subject: { kind: 'self' },
    slots: { date: { type: 'date', optional: true }, reason: { type: 'choice', values: ['sick', 'absent'], default: 'absent' } },
    phrasings: {
      fi: [
        { text: `[olen|oon|ma oon|mä oon] ${SICK.fi}`, with: { reason: 'sick' } },
        { text: `[olen|oon|ma oon|mä oon] ${SICK.fi} {date}`, with: { reason: 'sick' } },
        { text: '(olen|oon) {date} (sairaana|kipeänä|kipee)', with: { reason: 'sick' } },
        { text: 'en (pääse|tule|tuu) töihin', with: { reason: 'sick' } },
        { text: 'en (pääse|tule|tuu) {date} töihin', with: { reason: 'sick' } },
        { text: 'en (pääse|tule|tuu) töihin {date}', with: { reason: 'sick' } },
        `[olen|oon] ${AWAY.fi}`,
        `[olen|oon] ${AWAY.fi} {date}`,
        '(olen|oon) {date} (poissa|lomalla|vapaalla)',
      ],
      en: [
        { text: `[i am|i'm|im] ${SICK.en}`, with: { reason: 'sick' } },
        { text: `[i am|i'm|im] ${SICK.en} {date}`, with: { reason: 'sick' } },
        { text: "[i] (can't|cannot|can not) (come|make it) [to work] {date}", with: { reason: 'sick' } },
        `[i am|i'm|im] ${AWAY.en}`,
        `[i am|i'm|im] ${AWAY.en} {date}`,
      ],
      sv: [
        { text: `[jag är|jag e|ja e|ja är] ${SICK.sv}`, with: { reason: 'sick' } },
        { text: `[jag är|jag e|ja e|ja är] ${SICK.sv} {date}`, with: { reason: 'sick' } },
        { text: 'jag kan inte komma till jobbet {date}', with: { reason: 'sick' } },
        `[jag är|jag e|ja e|ja är] ${AWAY.sv}`,
        `[jag är|jag e|ja e|ja är] ${AWAY.sv} {date}`,
      ],
    },
    help: { student: commandTexts.all('helpAbsent') },
    async handle(ctx, { actor, slots }) {
      const t = commandTexts.in(ctx.lang);
      const { store, clock } = ctx.services;
      const date = slots.date ?? ctx.today;
      const day = when(ctx, date);
      const placement = await store.placements.findActiveForStudent(actor.id, date);
      if (!placement) return say(ctx, t('noPlacementOn', { when: day }));
      if (deps.calendar.isDayOff(date, placement.workingDays).off || deps.extraDaysOff.includes(date)) return say(ctx, t('notWorkingDay', { When: capital(day) }));
      if (date < ctx.today) return say(ctx, t('pauseInPast'));
      await store.pauses.add({ placementId: placement.id, from: date, to: date, reason: slots.reason, createdBy: actor.id, now: clock.now() });
      // Today's absence is also the day's record (the weekly summary counts it); a later one is written by the pause.
      if (date === ctx.today && !(await store.reflections.findForDay(placement.id, date))) {
        await store.reflections.upsertForDay({ placementId: placement.id, localDate: date, status: 'absent' });
      }
      ctx.services.logger.info({ placementId: placement.id, date, reason: slots.reason }, 'absence recorded');
      return say(ctx, t(slots.reason === 'sick' ? 'absentSick' : 'absentOther', { when: day, When: capital(day) }));
    },
  });
}

function periods(ctx: CommandContext, placements: readonly Placement[]): string {
  const live = placements.filter((p) => p.endDate >= ctx.today);
  return live.length ? ` (${live.map((p) => `${formatDate(p.startDate, ctx.lang)}–${formatDate(p.endDate, ctx.lang)}`).join(', ')})` : '';
}

export function createPauseCommand(deps: AbsenceDeps) {
  return defineCommand({
    id: 'pause',
    records: true,
    roles: ['student'],
    subject: { kind: 'self' },
    slots: { from: { type: 'date', optional: true }, to: { type: 'date', optional: true }, unreadable: { type: 'text', optional: true } },
    phrasings: {
      fi: ['(tauko|keskeytä) [kyselyt|reflektiot] {from} (-|asti|saakka|..) {to}', '(tauko|keskeytä) [kyselyt|reflektiot] {from}', '(tauko|keskeytä) [kyselyt|reflektiot] {unreadable}'],
      en: ['pause [check-ins|checkins] {from} (-|to|until) {to}', 'pause [check-ins|checkins] {from}', 'pause [check-ins|checkins] {unreadable}'],
      sv: ['paus [frågorna] {from} (-|till) {to}', 'paus [frågorna] {from}', 'paus [frågorna] {unreadable}'],
    },
    help: { student: commandTexts.all('helpPause') },
    async handle(ctx, { actor, slots }) {
      const t = commandTexts.in(ctx.lang);
      const { store, clock } = ctx.services;
      const from = slots.from;
      const to = slots.to ?? from;
      if (!from || !to) return say(ctx, t('helpPause'));
      if (to < from) return say(ctx, t('pauseEndsBeforeStart'));
      if (from < ctx.today) return say(ctx, t('pauseInPast'));
      const placements = await store.placements.listByStudent(actor.id);
      const placement = placements.find((p) => p.startDate <= from && to <= p.endDate && (p.status === 'planned' || p.status === 'active'));
      if (!placement) return say(ctx, t('pauseOutsidePlacement', { periods: periods(ctx, placements) }));
      await store.pauses.add({ placementId: placement.id, from, to, reason: 'paused', createdBy: actor.id, now: clock.now() });
      const skipped = deps.calendar.workingDaysBetween(from, to, placement.workingDays, deps.extraDaysOff).length;
      return say(ctx, t('pauseRecorded', { range: `${formatDate(from, ctx.lang)}–${formatDate(to, ctx.lang)}`, skipped }));
    },
  });
}

export const resumeCommand = defineCommand({
  id: 'resume',
  records: true,
  roles: ['student'],
  subject: { kind: 'self' },
  slots: {},
  phrasings: {
    fi: ['jatka', 'jatka kyselyjä', 'jatketaan [kyselyjä]', '[kyselyt|kysely] (takaisin|takas) [päälle]', 'kyselyt päälle', 'lopeta tauko', 'tauko (pois|loppuu)'],
    en: ['resume', 'resume check-ins', 'resume checkins', 'end [the] pause', '(start|turn) [the] (check-ins|checkins) [back] [on|again]', '(check-ins|checkins) back on'],
    sv: ['fortsätt', 'fortsätt med frågorna [igen]', 'avsluta pausen', 'frågorna tillbaka', 'starta frågorna igen'],
  },
  help: { student: commandTexts.all('helpResume') },
  async handle(ctx, { actor }) {
    const t = commandTexts.in(ctx.lang);
    const { store, clock } = ctx.services;
    const placements = (await store.placements.listByStudent(actor.id)).filter((p) => p.endDate >= ctx.today);
    const changed = await store.pauses.resume(placements.map((p) => p.id), ctx.today, clock.now());
    return say(ctx, changed === 0 ? t('noPause') : t('resumed'));
  },
});
