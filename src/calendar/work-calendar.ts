import { finnishHolidays, type HolidayTable, type LocalizedName } from './finnish-holidays.ts';
import { addDays, isIsoWeekday, parseLocalDate, weekdayOf } from './local-date.ts';

/**
 * Why a day has no check-in. `weekend` means "not one of the placement's working weekdays", which
 * for a Monday–Friday placement is the weekend. A holiday wins over a school day off, which wins
 * over a weekend, so a holiday on a Saturday still reports its name.
 */
export type DayStatus =
  | { off: false }
  | { off: true; reason: 'holiday'; name: LocalizedName }
  | { off: true; reason: 'school' | 'weekend' };

export type WorkCalendarOptions = {
  /** Days (`YYYY-MM-DD`) the school adds, e.g. New Year's Eve or an autumn break. */
  extraDaysOff?: readonly string[];
  country?: 'FI';
  /** Defaults to the process-wide table; pass one to share or isolate the cache. */
  holidays?: HolidayTable;
};

export type WorkCalendar = {
  /** Holidays and school days off; weekdays outside `workingDays` (default Mon–Fri) are `weekend`. */
  isDayOff(localDate: string, workingDays?: readonly number[]): DayStatus;
  isWorkingDay(localDate: string, workingDays: readonly number[]): boolean;
  /** Working days from `start` to `end`, both inclusive; empty when `end` is before `start`. */
  workingDaysBetween(
    start: string,
    end: string,
    workingDays: readonly number[],
    extraDaysOff?: readonly string[],
  ): string[];
  /** The first working day strictly after `after`. */
  nextWorkingDay(after: string, workingDays: readonly number[], extraDaysOff?: readonly string[]): string;
};

export const mondayToFriday: readonly number[] = [1, 2, 3, 4, 5];

// A school's list could in principle close a whole year; stop looking rather than loop forever.
const maxSearchDays = 366;

function checkedWorkingDays(workingDays: readonly number[]): ReadonlySet<number> {
  if (workingDays.length === 0 || !workingDays.every(isIsoWeekday)) {
    throw new RangeError(`Working days must be ISO weekdays 1–7, at least one: ${JSON.stringify(workingDays)}`);
  }
  return new Set(workingDays);
}

function checkedDates(dates: readonly string[]): ReadonlySet<string> {
  for (const date of dates) parseLocalDate(date);
  return new Set(dates);
}

export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const holidays = options.holidays ?? finnishHolidays();
  const schoolDaysOff = checkedDates(options.extraDaysOff ?? []);

  function status(localDate: string, working: ReadonlySet<number>, extra: ReadonlySet<string>): DayStatus {
    const holiday = holidays.holidaysIn(parseLocalDate(localDate).year).get(localDate);
    if (holiday !== undefined) return { off: true, reason: 'holiday', name: holiday.name };
    if (schoolDaysOff.has(localDate) || extra.has(localDate)) return { off: true, reason: 'school' };
    if (!working.has(weekdayOf(localDate))) return { off: true, reason: 'weekend' };
    return { off: false };
  }

  return {
    isDayOff(localDate, workingDays = mondayToFriday) {
      return status(localDate, checkedWorkingDays(workingDays), new Set());
    },

    isWorkingDay(localDate, workingDays) {
      return !status(localDate, checkedWorkingDays(workingDays), new Set()).off;
    },

    workingDaysBetween(start, end, workingDays, extraDaysOff = []) {
      const working = checkedWorkingDays(workingDays);
      const extra = checkedDates(extraDaysOff);
      const last = parseLocalDate(end).toISODate();
      const days: string[] = [];
      for (let day = parseLocalDate(start).toISODate(); day <= last; day = addDays(day, 1)) {
        if (!status(day, working, extra).off) days.push(day);
      }
      return days;
    },

    nextWorkingDay(after, workingDays, extraDaysOff = []) {
      const working = checkedWorkingDays(workingDays);
      const extra = checkedDates(extraDaysOff);
      let day = parseLocalDate(after).toISODate();
      for (let step = 0; step < maxSearchDays; step += 1) {
        day = addDays(day, 1);
        if (!status(day, working, extra).off) return day;
      }
      throw new RangeError(`No working day within ${maxSearchDays} days after ${after}`);
    },
  };
}
