import { DateTime } from 'luxon';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (so 2027-02-29 is false). */
export function isLocalDate(value: string): boolean {
  return localDatePattern.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

/**
 * A local date as a zone-free luxon value. Local dates are calendar days, not instants, so all
 * arithmetic happens in UTC where every day has 24 hours.
 */
export function parseLocalDate(localDate: string): DateTime<true> {
  const parsed = localDatePattern.test(localDate) ? DateTime.fromISO(localDate, { zone: 'UTC' }) : null;
  if (parsed === null || !parsed.isValid) {
    throw new RangeError(`Not a local date (YYYY-MM-DD): ${JSON.stringify(localDate)}`);
  }
  return parsed;
}

export function formatLocalDate(value: DateTime<true>): string {
  return value.toISODate();
}

export function addDays(localDate: string, days: number): string {
  return formatLocalDate(parseLocalDate(localDate).plus({ days }));
}

export function weekdayOf(localDate: string): IsoWeekday {
  return parseLocalDate(localDate).weekday;
}

/** The Monday of the ISO week that holds `localDate`. */
export function weekStart(localDate: string): string {
  return formatLocalDate(parseLocalDate(localDate).startOf('week'));
}

export function isIsoWeekday(value: number): value is IsoWeekday {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
