// "kyselyn aika 14:30": when the student's daily check-in comes. Without a time it shows this week's
// check-ins and the form to pick one; the form (Slack App Home, the local chat) lands here too and
// only ever changes the sender's own placements.
import { defineCommand, type FormDeclaration } from '../../conversation/command.ts';
import { type CommandContext, paragraph } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import { checkinTimeSchema } from '../../storage/domain.ts';
import type { Person } from '../../storage/index.ts';
import type { AbsenceDeps } from './absence-commands.ts';
import { checkinTimeForm, checkinWeek } from './checkin-week.ts';
import { commandTexts } from './command-texts.ts';

const say = paragraph;

async function changeCheckinTime(ctx: CommandContext, actor: Person, time: string | null, deps: AbsenceDeps): Promise<Reply[]> {
  const t = commandTexts.in(ctx.lang);
  const { store, clock } = ctx.services;
  if (time === null) {
    // The current placement, else the next one: what the student's check-ins are about now.
    const placement = (await store.placements.listByStudent(actor.id)).filter((p) => p.endDate >= ctx.today && p.status !== 'interrupted').sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    if (!placement) return say(ctx, t('noCurrentPlacement'));
    return [await checkinWeek(ctx, placement, deps.calendar, deps.extraDaysOff), checkinTimeForm(ctx, placement)];
  }
  if (!checkinTimeSchema.safeParse(time).success) return say(ctx, t('badTime'));
  const changed = await store.checkins.setCheckinTime(actor.id, time, ctx.today, clock.now());
  if (changed === 0) return say(ctx, t('noCurrentPlacement'));
  ctx.services.logger.info({ studentId: actor.id, time }, 'check-in time changed');
  return say(ctx, t('timeChanged', { time, zone: actor.timeZone }));
}

const NAMES = {
  fi: '(kyselyn aika|kyselyaika|reflektion aika|muistutusaika|kyselyn ajankohta)',
  en: '(checkin time|check in time|check-in time|reminder time)',
  sv: '(tid för dagens fråga|tid för frågan|påminnelsetid)',
};

export function createCheckinTimeCommand(deps: AbsenceDeps) {
  return defineCommand({
    id: 'checkin-time',
    records: true,
    roles: ['student'],
    subject: { kind: 'self' },
    slots: { time: { type: 'time', optional: true }, unreadable: { type: 'text', optional: true } },
    phrasings: {
      fi: [NAMES.fi, `${NAMES.fi} [klo|kello] {time}`, `${NAMES.fi} {unreadable}`, 'kysy [minulta|multa|mua] [klo|kello] {time}', '(kysely|kyselyt) [klo|kello] {time}', `(vaihda|muuta|siirrä) ${NAMES.fi} [klo|kello] {time}`],
      en: [NAMES.en, `${NAMES.en} [at] {time}`, `${NAMES.en} {unreadable}`, '(send|ask) [me] [my|the] (check-in|checkin|reflection) at {time}', '(move|change) [my|the] (check-in|checkin) [time] to {time}', '(ask|remind) me at {time}'],
      sv: [NAMES.sv, `${NAMES.sv} [kl|klockan] {time}`, `${NAMES.sv} {unreadable}`, '(ändra|flytta) (tiden för frågan|frågan) till [kl] {time}', 'fråga mig [kl|klockan] {time}'],
    },
    help: { student: commandTexts.all('helpCheckinTime') },
    async handle(ctx, { actor, slots }) {
      if (slots.unreadable !== null) return say(ctx, commandTexts.in(ctx.lang)('badTime'));
      return changeCheckinTime(ctx, actor, slots.time, deps);
    },
  });
}

/** The check-in time form: it only picks a time; whose placements change is the sender's own. */
export function createCheckinTimeForm(deps: AbsenceDeps): FormDeclaration {
  return {
    roles: ['student'],
    handle: async (ctx, actor, form) => changeCheckinTime(ctx, actor, typeof form.values.time === 'string' ? form.values.time : '', deps),
  };
}
