// The check-in commands, registered in the chat core as a CommandExtension: "olen sairaana tänään"
// (absent), "tauko 2026-12-01 - 2026-12-05" (pause), "jatka" (resume), "kyselyn aika 14:30" (own
// check-in time), "viikkokooste [nimi]" (an on-demand weekly summary, access-checked), and a plain
// message while a check-in waits taken as its answer (src/checkins/free-text-reflection.ts).
import { addDays, type WorkCalendar, weekStart } from '../../calendar/index.ts';
import type { CommandExtension } from '../../core/chat-core.ts';
import type { CommandContext } from '../../conversation/command-context.ts';
import { message } from '../../conversation/command-context.ts';
import type { Command } from '../../core/parse-command.ts';
import { accessStudent, pickStudent, refused } from '../../access/student-access.ts';
import { formatDate, sayIn } from '../../i18n/say.ts';
import type { Reply } from '../../conversation/reply.ts';
import { addPause, resumePauses, setCheckinTime } from '../../scheduling/checkin-pauses.ts';
import { checkinTimeForm, checkinWeek } from './checkin-week.ts';
import { draftReflection } from './free-text-reflection.ts';
import { checkinTimeSchema, localDateSchema } from '../../storage/domain.ts';
import type { Person, Placement } from '../../storage/index.ts';
import type { SummaryService } from '../summaries/summary-service.ts';

export interface CheckinCommandDeps {
  calendar: WorkCalendar;
  summaries: SummaryService;
  /** School days off on top of the calendar's (the scheduler's `extraDaysOff`). */
  extraDaysOff?: readonly string[];
}

const say = (ctx: CommandContext, fi: string, en: string): Reply[] => [message(ctx.lang, { type: 'paragraph', text: sayIn(ctx.lang)(fi, en) })];

export function createCheckinCommands(deps: CheckinCommandDeps): CommandExtension {
  return async (ctx, actor, command) => {
    switch (command.kind) {
      case 'absent':
        return handleAbsent(ctx, actor, command, deps);
      case 'pause':
        return handlePause(ctx, actor, command, deps);
      case 'resume':
        return handleResume(ctx, actor);
      case 'checkin-time':
        return handleCheckinTime(ctx, actor, command.time, deps);
      case 'summary':
        return handleSummary(ctx, actor, command.student, deps.summaries);
      case 'question':
        // A plain message while a check-in waits is its answer; anything else falls through to answering.
        return draftReflection(ctx, actor, command.text);
      default:
        return undefined;
    }
  };
}

async function handleAbsent(ctx: CommandContext, actor: Person, command: Extract<Command, { kind: 'absent' }>, deps: CheckinCommandDeps): Promise<Reply[]> {
  const { store, clock } = ctx.services;
  const date = command.date === 'today' ? ctx.today : addDays(ctx.today, 1);
  const when = sayIn(ctx.lang)(command.date === 'today' ? 'tänään' : 'huomenna', command.date);
  const placement = await store.placements.findActiveForStudent(actor.id, date);
  if (!placement) return say(ctx, `Sinulla ei ole työpaikkajaksoa ${when}, joten kyselyäkään ei tule.`, `You have no placement ${when}, so there is no check-in anyway.`);
  const day = deps.calendar.isDayOff(date, placement.workingDays);
  if (day.off || deps.extraDaysOff?.includes(date)) return say(ctx, `${capital(when)} ei ole työpäiväsi, joten kyselyä ei tule muutenkaan.`, `${capital(when)} is not one of your working days, so there is no check-in anyway.`);

  await addPause(store.db, { placementId: placement.id, from: date, to: date, reason: command.reason, createdBy: actor.id, now: clock.now() });
  // Today's absence is also the day's record (the weekly summary counts it); tomorrow's is written by the pause.
  if (date === ctx.today && !(await store.reflections.findForDay(placement.id, date))) {
    await store.reflections.upsertForDay({ placementId: placement.id, localDate: date, status: 'absent' });
  }
  ctx.services.logger.info({ placementId: placement.id, date, reason: command.reason }, 'absence recorded');
  return command.reason === 'sick'
    ? say(ctx, `Selvä, parane pian! ${capital(when)} ei tule päivän kyselyä eikä muistutusta. Poissaolo on kirjattu.`, `Got it, get well soon! No check-in or reminder ${when}. The absence is recorded.`)
    : say(ctx, `Selvä! ${capital(when)} ei tule päivän kyselyä eikä muistutusta. Poissaolo on kirjattu.`, `Got it! No check-in or reminder ${when}. The absence is recorded.`);
}

async function handlePause(ctx: CommandContext, actor: Person, command: Extract<Command, { kind: 'pause' }>, deps: CheckinCommandDeps): Promise<Reply[]> {
  const { store, clock } = ctx.services;
  if (!localDateSchema.safeParse(command.from).success || !localDateSchema.safeParse(command.to).success) {
    return say(ctx, 'Anna päivät muodossa VVVV-KK-PP, esim. "tauko 2026-12-01 - 2026-12-05".', 'Give the dates as YYYY-MM-DD, e.g. "pause 2026-12-01 - 2026-12-05".');
  }
  if (command.to < command.from) return say(ctx, 'Tauon loppu on ennen sen alkua.', 'The pause ends before it starts.');
  if (command.from < ctx.today) return say(ctx, 'Tauon voi asettaa vain tästä päivästä eteenpäin.', 'A pause can only start today or later.');
  const placements = await store.placements.listByStudent(actor.id);
  const placement = placements.find((p) => p.startDate <= command.from && command.to <= p.endDate && (p.status === 'planned' || p.status === 'active'));
  if (!placement) return say(ctx, `Tauko ei osu kokonaan työpaikkajaksollesi${periods(ctx, placements)}.`, `The pause is not within your placement${periods(ctx, placements)}.`);
  await addPause(store.db, { placementId: placement.id, from: command.from, to: command.to, reason: 'paused', createdBy: actor.id, now: clock.now() });
  const skipped = deps.calendar.workingDaysBetween(command.from, command.to, placement.workingDays, deps.extraDaysOff ?? []).length;
  const range = `${formatDate(command.from, ctx.lang)}–${formatDate(command.to, ctx.lang)}`;
  return say(
    ctx,
    `Tauko kirjattu ${range}: ${skipped} päivän kysely${skipped === 1 ? '' : 'ä'} jää väliin. Kirjoita "jatka", jos haluat kyselyt takaisin aiemmin.`,
    `Pause recorded ${range}: ${skipped} daily check-in${skipped === 1 ? '' : 's'} will be skipped. Write "resume" to get them back sooner.`,
  );
}

function periods(ctx: CommandContext, placements: readonly Placement[]): string {
  const live = placements.filter((p) => p.endDate >= ctx.today);
  return live.length ? ` (${live.map((p) => `${formatDate(p.startDate, ctx.lang)}–${formatDate(p.endDate, ctx.lang)}`).join(', ')})` : '';
}

async function handleResume(ctx: CommandContext, actor: Person): Promise<Reply[]> {
  const { store, clock } = ctx.services;
  const placements = (await store.placements.listByStudent(actor.id)).filter((p) => p.endDate >= ctx.today);
  const changed = await resumePauses(store.db, placements.map((p) => p.id), ctx.today, clock.now());
  if (changed === 0) return say(ctx, 'Sinulla ei ole voimassa olevaa taukoa: päivän kyselyt tulevat normaalisti.', 'You have no pause in force: daily check-ins come as usual.');
  return say(ctx, 'Kyselyt jatkuvat taas normaalisti.', 'Daily check-ins are back on.');
}

async function handleCheckinTime(ctx: CommandContext, actor: Person, time: string | null, deps: CheckinCommandDeps): Promise<Reply[]> {
  const { store, clock } = ctx.services;
  if (time === null) {
    // The current placement, else the next one: what the student's check-ins are about now.
    const placement = (await store.placements.listByStudent(actor.id)).filter((p) => p.endDate >= ctx.today && p.status !== 'interrupted').sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    if (!placement) return say(ctx, 'Sinulla ei ole käynnissä olevaa tai tulevaa työpaikkajaksoa.', 'You have no current or coming placement.');
    return [
      await checkinWeek(ctx, placement, deps.calendar, deps.extraDaysOff ?? []),
      checkinTimeForm(ctx, placement),
    ];
  }
  if (!checkinTimeSchema.safeParse(time).success) return say(ctx, 'Anna aika muodossa HH:MM, esim. "kyselyn aika 14:30".', 'Give the time as HH:MM, e.g. "checkin time 14:30".');
  const changed = await setCheckinTime(store.db, actor.id, time, ctx.today, clock.now());
  if (changed === 0) return say(ctx, 'Sinulla ei ole käynnissä olevaa tai tulevaa työpaikkajaksoa.', 'You have no current or coming placement.');
  ctx.services.logger.info({ studentId: actor.id, time }, 'check-in time changed');
  return say(ctx, `Selvä: päivän kysely tulee jatkossa klo ${time} (${actor.timeZone}).`, `Done: your daily check-in now comes at ${time} (${actor.timeZone}).`);
}

async function handleSummary(ctx: CommandContext, actor: Person, studentName: string | null, summaries: SummaryService): Promise<Reply[]> {
  const asOf = ctx.services.clock.now();
  const week = weekStart(ctx.today);
  const staffRoles = actor.roles.filter((r) => r !== 'student');
  if (staffRoles.length === 0) {
    // A student's own recap only; another student's name is refused.
    if (studentName && !actor.name.toLowerCase().includes(studentName.toLowerCase())) {
      ctx.services.logger.warn({ actorId: actor.id, command: 'summary' }, "student asked for another student's summary");
      return refused(ctx, 'not-related');
    }
    const reply = await summaries.forRecipient({ recipientId: actor.id, role: 'student', lang: ctx.lang, weekStart: week, asOf });
    return reply ? [reply] : say(ctx, 'Sinulla ei ole tällä viikolla työpaikkajaksoa.', 'You have no placement this week.');
  }
  if (studentName) {
    const pick = await pickStudent(ctx, actor, studentName);
    if (pick.kind === 'reply') return pick.replies;
    const decision = await accessStudent(ctx, actor, pick.student.id, 'view_summary');
    if (!decision.allowed) return refused(ctx, decision.reason);
    const relation = decision.relation === 'self' ? 'admin' : decision.relation;
    const reply = await summaries.forStudent({ studentId: pick.student.id, viewer: { id: actor.id, relation }, lang: ctx.lang, weekStart: week, asOf });
    return reply ? [reply] : say(ctx, `Opiskelijalla ${pick.student.name} ei ole tällä viikolla jaksoa.`, `${pick.student.name} has no placement this week.`);
  }
  const replies: Reply[] = [];
  for (const role of ['instructor', 'teacher'] as const) {
    if (!actor.roles.includes(role)) continue;
    const reply = await summaries.forRecipient({ recipientId: actor.id, role, lang: ctx.lang, weekStart: week, asOf });
    if (reply) replies.push(reply);
  }
  if (replies.length > 0) return replies;
  return actor.roles.includes('admin')
    ? say(ctx, 'Kenen viikkokoosteen haluat nähdä? Kirjoita esim. "viikkokooste Aino".', 'Whose weekly summary do you want? Write e.g. "summary Aino".')
    : say(ctx, 'Sinulla ei ole tällä viikolla opiskelijoita työpaikkajaksolla.', 'You have no students on a placement this week.');
}

function capital(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fi') + text.slice(1);
}
