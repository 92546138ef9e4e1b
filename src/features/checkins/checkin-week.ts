// The student's own check-in page (App Home, "kyselyn aika"): this week's working days with what
// became of each, and a form to move the daily check-in. Read from reflections and pauses, so it
// shows the same whether or not this instance runs the scheduler.
import { addDays, type WorkCalendar, weekStart } from '../../calendar/index.ts';
import { type CommandContext, message } from '../../conversation/command-context.ts';
import { formatDate } from '../../i18n/format.ts';
import type { FormOption, FormReply, ListItem, MessageReply } from '../../conversation/reply.ts';
import type { Placement } from '../../storage/index.ts';
import { texts } from './texts.ts';

/** The times offered in the form: a working day's span in half hours. */
const EARLIEST = 7 * 60;
const LATEST = 20 * 60;

export function checkinTimeOptions(current: string): FormOption[] {
  const times: string[] = [];
  for (let minutes = EARLIEST; minutes <= LATEST; minutes += 30) {
    times.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
  }
  // A time set by command ("kyselyn aika 14:45") stays selectable.
  if (!times.includes(current)) times.push(current);
  return times.sort().map((t) => ({ value: t, label: t }));
}

export function checkinTimeForm(ctx: CommandContext, placement: Placement): FormReply {
  const t = texts.in(ctx.lang);
  return {
    kind: 'form',
    lang: ctx.lang,
    formKind: 'checkin-time',
    formId: placement.id,
    title: t('timeFormTitle'),
    intro: [
      { type: 'paragraph', text: t('timeFormIntro', { time: placement.checkinTime }) },
      { type: 'context', text: t('timeFormHint') },
    ],
    fields: [{ type: 'select', id: 'time', label: t('timeFieldLabel'), options: checkinTimeOptions(placement.checkinTime), initial: placement.checkinTime, optional: false }],
    submitLabel: t('saveButton'),
  };
}

type DayState = 'answered' | 'absent' | 'skipped' | 'paused' | 'missed' | 'today' | 'coming';

/** This week's working days of the placement and what became of each day's check-in. */
export async function checkinWeek(ctx: CommandContext, placement: Placement, calendar: WorkCalendar, extraDaysOff: readonly string[]): Promise<MessageReply> {
  const t = texts.in(ctx.lang);
  const monday = weekStart(ctx.today);
  // biome-ignore lint/complexity/useMathMinMax: local dates are strings, compared as text
  const from = placement.startDate > monday ? placement.startDate : monday;
  const sunday = addDays(monday, 6);
  // biome-ignore lint/complexity/useMathMinMax: local dates are strings, compared as text
  const to = placement.endDate < sunday ? placement.endDate : sunday;
  const days = calendar.workingDaysBetween(from, to, placement.workingDays, extraDaysOff);
  const heading = { type: 'heading' as const, text: t('weekHeading') };
  if (days.length === 0) return message(ctx.lang, heading, { type: 'paragraph', text: t('weekNoWorkingDays') });

  const [reflections, pauses] = await Promise.all([ctx.services.store.reflections.listForPlacement(placement.id, { from, to }), ctx.services.store.pauses.list(placement.id, from)]);
  const byDate = new Map(reflections.map((r) => [r.localDate, r.status]));
  const stateOf = (day: string): DayState => {
    // A day marked sick or absent is absent, even when it was answered first (the summaries count it so too).
    const pause = pauses.find((p) => p.from <= day && day <= p.to);
    if (pause && (pause.reason === 'sick' || pause.reason === 'absent')) return 'absent';
    const status = byDate.get(day);
    if (status) return status;
    if (pause) return 'paused';
    if (day === ctx.today) return 'today';
    return day < ctx.today ? 'missed' : 'coming';
  };
  const items: ListItem[] = days.map((day) => ({ text: t('weekDay', { date: formatDate(day, ctx.lang), state: stateOf(day) }) }));
  return message(ctx.lang, heading, { type: 'list', items });
}
