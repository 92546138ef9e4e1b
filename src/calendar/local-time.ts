import { DateTime, IANAZone } from 'luxon';
import { parseLocalDate, type IsoWeekday } from './local-date.ts';

export { weekStart } from './local-date.ts';

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** True for an IANA time zone name the runtime knows, e.g. `Europe/Helsinki`. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function zoneOf(zone: string): IANAZone {
  if (!isValidZone(zone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
  return IANAZone.create(zone);
}

function localDateTimeAt(instant: Date, zone: string): DateTime<true> {
  const value = DateTime.fromJSDate(instant, { zone: zoneOf(zone) });
  if (!value.isValid) throw new RangeError('Invalid instant');
  return value;
}

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `zone`. */
export function localDateAt(instant: Date, zone: string): string {
  return localDateTimeAt(instant, zone).toISODate();
}

/** The ISO weekday (1 = Monday) that `instant` falls on in `zone`. */
export function localWeekday(instant: Date, zone: string): IsoWeekday {
  return localDateTimeAt(instant, zone).weekday;
}

/**
 * The instant when the wall clock in `zone` shows `time` on `localDate`.
 *
 * Around DST changes this follows RFC 5545 and Temporal's `compatible` rule:
 * - a wall time inside the spring-forward gap (03:30 on Helsinki's last Sunday of March) does not
 *   exist; it is read with the offset in force before the gap, which lands after the gap, the
 *   length of the gap later (03:30 → 04:30 EEST = 01:30Z);
 * - a wall time that occurs twice in autumn (03:30 on the last Sunday of October) is the earlier
 *   of the two instants (03:30 EEST = 00:30Z).
 */
export function instantAt(localDate: string, time: string, zone: string): Date {
  const match = timePattern.exec(time);
  if (match === null) throw new RangeError(`Not a time (HH:MM): ${JSON.stringify(time)}`);
  const ianaZone = zoneOf(zone);
  const day = parseLocalDate(localDate);
  // The wall-clock reading as if it were UTC; the real instant is this minus the zone's offset.
  const wallMs = day.toMillis() + (Number(match[1]) * 60 + Number(match[2])) * minuteMs;

  // Real zones never change offset twice within two days, so the offsets a day either side are
  // the only candidates.
  const offsetBefore = ianaZone.offset(wallMs - dayMs) * minuteMs;
  const offsetAfter = ianaZone.offset(wallMs + dayMs) * minuteMs;
  const readsAsWall = (candidate: number): boolean => candidate + ianaZone.offset(candidate) * minuteMs === wallMs;

  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(readsAsWall);
  // Empty: the time falls in a gap, so read it with the offset before the gap.
  const chosen = candidates.length === 0 ? wallMs - offsetBefore : Math.min(...candidates);
  return new Date(chosen);
}
