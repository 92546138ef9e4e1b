// One student's week as numbers and flags, derived from the raw rows with the work calendar. Pure:
// the same rows, calendar and instant give the same figures.
import { instantAt, localDateAt, type WorkCalendar } from '../../calendar/index.ts';
import { unitsFor } from '../../conversation/command-context.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { Localized, Unit } from '../../knowledge/schema.ts';
import type { WeekRow } from '../../storage/weekly-summary-repo.ts';

export type Flag =
  | { kind: 'missed-in-a-row'; count: number }
  | { kind: 'confidence-falling'; from: number; to: number }
  | { kind: 'help-asked'; texts: string[] }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'delivery-uncertain'; count: number };

export interface SectionFigure {
  title: Localized;
  covered: number;
  total: number;
}

export interface RequirementRef {
  id: string;
  text: Localized;
}

/** One of the placement's units in the week: its evidence by section and what is still uncovered before its demonstration. */
export interface UnitWeek {
  unit: Unit;
  /** Requirements of this unit with new evidence this week. */
  touched: RequirementRef[];
  sections: SectionFigure[];
  covered: number;
  total: number;
  uncovered: RequirementRef[];
}

export interface StudentWeek {
  placementId: string;
  student: { id: string; name: string; lang: Lang };
  instructorId: string | null;
  teacherId: string | null;
  workplaceName: string;
  /** The placement's units in its order (its default unit when the knowledge base knows none of them). */
  units: UnitWeek[];
  weekStart: string;
  weekEnd: string;
  startDate: string;
  endDate: string;
  /**
   * Check-ins due this week up to now (working days, not paused, not absent) and those answered. A day
   * marked absent after it was answered is absent: neither here nor in the confidence average
   * (one rule for every count, src/storage/weekly-aggregates.ts countedReflectionsCte).
   */
  checkins: { scheduled: number; answered: number };
  reflections: { answered: number; skipped: number; absent: number };
  observations: number;
  /** Requirements of any of the units with new evidence this week (reflections and observations). */
  touched: RequirementRef[];
  /** Over all the units. */
  covered: number;
  total: number;
  confidenceAvg: number | null;
  confidenceAvgPrevious: number | null;
  flags: Flag[];
  /** Calendar days from the summary's date to the placement's end (negative when it has ended). */
  daysToEnd: number;
  firstWeek: boolean;
}

export interface DeriveContext {
  kb: KnowledgeBase;
  calendar: WorkCalendar;
  extraDaysOff: readonly string[];
  /** The summary's moment: check-ins due after it do not count yet. */
  asOf: Date;
  /** Working days per (weekdays, range), shared by all placements of one run: the calendar is the hot path. */
  workingDayCache: Map<string, string[]>;
  /** Zone arithmetic, likewise (each luxon zone lookup builds an Intl formatter): today per zone… */
  todayByZone: Map<string, string>;
  /** …and a check-in's instant per date, time and zone. */
  dueAt: Map<string, Date>;
}

function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

const MISSED_IN_A_ROW = 3;
const CONFIDENCE_DROP = 0.5;

/** A unit's week from the placement's covered ids and the ids touched this week (requirement ids are unique across units). */
function unitWeek(kb: KnowledgeBase, unit: Unit, covered: ReadonlySet<string>, touchedIds: readonly string[]): UnitWeek {
  const requirements = kb.requirements(unit).map(({ requirement }) => requirement);
  const own = new Map(requirements.map((r) => [r.id, r.text]));
  const sections = unit.sections.map((s) => ({
    title: s.title,
    covered: s.requirements.filter((r) => covered.has(r.id)).length,
    total: s.requirements.length,
  }));
  return {
    unit,
    touched: touchedIds.flatMap((id) => {
      const text = own.get(id);
      return text ? [{ id, text }] : [];
    }),
    sections,
    covered: sections.reduce((n, s) => n + s.covered, 0),
    total: sections.reduce((n, s) => n + s.total, 0),
    uncovered: requirements.filter((r) => !covered.has(r.id)).map((r) => ({ id: r.id, text: r.text })),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function workingDays(ctx: DeriveContext, weekdays: readonly number[], from: string, to: string): string[] {
  const key = `${weekdays.join(',')}|${from}|${to}`;
  return memo(ctx.workingDayCache, key, () => ctx.calendar.workingDaysBetween(from, to, weekdays, ctx.extraDaysOff));
}

/** The placement's check-in days from `from` to `to` (a window) that were due by `asOf`. */
function dueDays(row: WeekRow, ctx: DeriveContext, asOfDate: string, from: string, to: string): string[] {
  const start = from > row.start_date ? from : row.start_date;
  const end = [to, row.end_date, asOfDate].sort()[0] ?? to;
  if (end < start) return [];
  const paused = (day: string) => row.pause_from.some((f, i) => f <= day && day <= (row.pause_to[i] ?? f));
  const absent = new Set(row.absent_dates);
  return workingDays(ctx, row.working_days, from, to)
    .filter((day) => day >= start && day <= end && !paused(day) && !absent.has(day))
    // Only today's check-in may still be ahead of the summary's moment.
    .filter((day) => day !== asOfDate || memo(ctx.dueAt, `${day}|${row.checkin_time}|${row.time_zone}`, () => instantAt(day, row.checkin_time, row.time_zone)).getTime() <= ctx.asOf.getTime());
}

export function deriveStudentWeek(row: WeekRow, covered: readonly string[], window: { weekStart: string; weekEnd: string; lookbackFrom: string }, ctx: DeriveContext): StudentWeek {
  const coveredSet = new Set(covered);
  const units = unitsFor(ctx.kb, row.unit_ids).map((unit) => unitWeek(ctx.kb, unit, coveredSet, row.requirements_touched));
  const text = new Map(units.flatMap((u) => u.touched.map((r) => [r.id, r.text] as const)));
  const answered = new Set(row.answered_dates);
  const inWeek = (day: string) => day >= window.weekStart && day <= window.weekEnd;
  const asOfDate = memo(ctx.todayByZone, row.time_zone, () => localDateAt(ctx.asOf, row.time_zone));

  const weekDays = dueDays(row, ctx, asOfDate, window.weekStart, window.weekEnd);
  const flags: Flag[] = [];
  const streak = missedInARow(dueDays(row, ctx, asOfDate, window.lookbackFrom, window.weekEnd), answered);
  if (streak >= MISSED_IN_A_ROW) flags.push({ kind: 'missed-in-a-row', count: streak });
  if (row.confidence_avg !== null && row.confidence_avg_previous !== null && row.confidence_avg <= row.confidence_avg_previous - CONFIDENCE_DROP) {
    flags.push({ kind: 'confidence-falling', from: row.confidence_avg_previous, to: row.confidence_avg });
  }
  if (row.help_texts.length > 0) flags.push({ kind: 'help-asked', texts: row.help_texts });
  for (const detail of row.unreachable) flags.push({ kind: 'unreachable', detail });
  if (row.uncertain_reported > 0) flags.push({ kind: 'delivery-uncertain', count: row.uncertain_reported });

  return {
    placementId: row.placement_id,
    student: { id: row.student_id, name: row.student_name, lang: row.student_lang },
    instructorId: row.instructor_id,
    teacherId: row.teacher_id,
    workplaceName: row.workplace_name,
    units,
    weekStart: window.weekStart,
    weekEnd: window.weekEnd,
    startDate: row.start_date,
    endDate: row.end_date,
    checkins: { scheduled: weekDays.length, answered: weekDays.filter((d) => answered.has(d)).length },
    reflections: {
      answered: row.answered_dates.filter(inWeek).length,
      skipped: row.skipped_dates.filter(inWeek).length,
      absent: row.absent_dates.filter(inWeek).length,
    },
    observations: row.observations,
    touched: row.requirements_touched.flatMap((id) => {
      const t = text.get(id);
      return t ? [{ id, text: t }] : [];
    }),
    covered: units.reduce((n, u) => n + u.covered, 0),
    total: units.reduce((n, u) => n + u.total, 0),
    confidenceAvg: row.confidence_avg,
    confidenceAvgPrevious: row.confidence_avg_previous,
    flags,
    daysToEnd: daysBetween(asOfDate, row.end_date),
    firstWeek: row.start_date >= window.weekStart,
  };
}

/** Unanswered due check-ins counted back from the latest, up to the first answered one. */
export function missedInARow(dueDaysAscending: readonly string[], answered: ReadonlySet<string>): number {
  let count = 0;
  for (let i = dueDaysAscending.length - 1; i >= 0; i -= 1) {
    const day = dueDaysAscending[i];
    if (day === undefined || answered.has(day)) break;
    count += 1;
  }
  return count;
}

