// What the simulation must deliver, worked out from the generated school and the calendar alone
// (not from the database), so that "missing" and "duplicates" are checked against an independent
// expectation: every working day's check-in, a reminder for each unanswered one, and each week's
// summaries to every student, instructor and teacher.
import { addDays, instantAt, type WorkCalendar, weekStart } from '../calendar/index.ts';
import { answers, type SimConfig, type SimWorld } from './sim-world.ts';

export type SimKind = 'checkin' | 'reminder' | 'summary';

export interface Expected {
  key: string;
  kind: SimKind;
}

export interface SimWindow {
  start: Date;
  end: Date;
}

/** From the first midnight of `from` (Helsinki, the earliest of the zones) to the last of `to` (Stockholm). */
export function simWindow(config: SimConfig): SimWindow {
  return { start: instantAt(config.from, '00:00', 'Europe/Helsinki'), end: instantAt(addDays(config.to, 1), '00:00', 'Europe/Stockholm') };
}

export interface ExpectationOptions {
  reminderAfterMinutes: number;
  summaryWeekday: number;
  summaryTime: string;
  summaryGraceHours: number;
}

export function expectedDeliveries(world: SimWorld, config: SimConfig, calendar: WorkCalendar, options: ExpectationOptions): Map<string, Expected> {
  const window = simWindow(config);
  const inWindow = (at: Date) => at >= window.start && at <= window.end;
  const expected = new Map<string, Expected>();
  const add = (key: string, kind: SimKind) => expected.set(key, { key, kind });

  for (const p of world.placements) {
    for (const day of calendar.workingDaysBetween(config.from, config.to, p.workingDays)) {
      const due = instantAt(day, p.checkinTime, p.timeZone);
      if (!inWindow(due)) continue;
      add(`checkin:${p.id}:${day}`, 'checkin');
      const reminder = new Date(due.getTime() + options.reminderAfterMinutes * 60_000);
      if (!answers(p.id, day, config.answerRate) && reminder < instantAt(addDays(day, 1), '00:00', p.timeZone) && inWindow(reminder)) {
        add(`reminder:${p.id}:${day}`, 'reminder');
      }
    }
  }

  const zoneOf = new Map(world.people.map((person) => [person.id, person.timeZone]));
  for (let monday = weekStart(config.from); monday <= config.to; monday = addDays(monday, 7)) {
    const summaryDay = addDays(monday, options.summaryWeekday - 1);
    // Every generated placement spans the period: one overlaps the week iff the period does.
    if (config.from > summaryDay || config.to < monday) continue;
    const recipients: [string, string][] = [];
    for (const p of world.placements) recipients.push(['student', p.studentId]);
    for (const id of new Set(world.placements.map((p) => p.instructorId))) recipients.push(['instructor', id]);
    for (const id of new Set(world.placements.map((p) => p.teacherId))) recipients.push(['teacher', id]);
    for (const [role, id] of recipients) {
      const due = instantAt(summaryDay, options.summaryTime, zoneOf.get(id) ?? 'Europe/Helsinki');
      if (due <= window.end && due.getTime() + options.summaryGraceHours * 3_600_000 > window.start.getTime()) add(`summary:${role}:${id}:${monday}`, 'summary');
    }
  }
  return expected;
}
