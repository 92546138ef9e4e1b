import { describe, it, expect } from 'vitest';
import { instantAt, isValidZone, localDateAt, localWeekday, weekStart } from '../../src/calendar/local-time.ts';

const helsinki = 'Europe/Helsinki';

describe('instantAt across the spring change (Sun 28.3.2027)', () => {
  it('15:00 Helsinki is 13:00Z before and 12:00Z after', () => {
    expect(instantAt('2027-03-26', '15:00', helsinki).toISOString()).toBe('2027-03-26T13:00:00.000Z');
    expect(instantAt('2027-03-30', '15:00', helsinki).toISOString()).toBe('2027-03-30T12:00:00.000Z');
  });

  it('15:30 is 13:30Z in winter and 12:30Z in summer', () => {
    expect(instantAt('2027-01-15', '15:30', helsinki).toISOString()).toBe('2027-01-15T13:30:00.000Z');
    expect(instantAt('2027-07-15', '15:30', helsinki).toISOString()).toBe('2027-07-15T12:30:00.000Z');
  });

  it('on the day of the change uses the offset in force at that hour', () => {
    expect(instantAt('2027-03-28', '02:59', helsinki).toISOString()).toBe('2027-03-28T00:59:00.000Z');
    expect(instantAt('2027-03-28', '04:00', helsinki).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(instantAt('2027-03-28', '15:00', helsinki).toISOString()).toBe('2027-03-28T12:00:00.000Z');
  });

  it('moves a time in the gap (03:00–03:59 does not exist) past the gap by its length', () => {
    expect(instantAt('2027-03-28', '03:00', helsinki).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(instantAt('2027-03-28', '03:30', helsinki).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 01:30Z reads as 04:30 in Helsinki, after the gap.
    expect(localDateAt(new Date('2027-03-28T01:30:00Z'), helsinki)).toBe('2027-03-28');
  });
});

describe('instantAt across the autumn change (Sun 25.10.2026)', () => {
  it('15:00 is 12:00Z on Friday before and 13:00Z on Monday after', () => {
    expect(instantAt('2026-10-23', '15:00', helsinki).toISOString()).toBe('2026-10-23T12:00:00.000Z');
    expect(instantAt('2026-10-26', '15:00', helsinki).toISOString()).toBe('2026-10-26T13:00:00.000Z');
    expect(instantAt('2026-10-25', '15:00', helsinki).toISOString()).toBe('2026-10-25T13:00:00.000Z');
  });

  it('picks the earlier instant for the repeated hour 03:00–03:59', () => {
    expect(instantAt('2026-10-25', '03:30', helsinki).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantAt('2026-10-25', '02:30', helsinki).toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(instantAt('2026-10-25', '04:00', helsinki).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('instantAt in other zones and with bad input', () => {
  it('handles UTC and a zone with another rule', () => {
    expect(instantAt('2026-11-23', '09:00', 'UTC').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    // New York's gap: 2027-03-14 02:30 does not exist; read with EST (-5) → 07:30Z = 03:30 EDT.
    expect(instantAt('2027-03-14', '02:30', 'America/New_York').toISOString()).toBe('2027-03-14T07:30:00.000Z');
  });

  it('rejects malformed times, dates and zones', () => {
    expect(() => instantAt('2027-03-26', '24:00', helsinki)).toThrow(RangeError);
    expect(() => instantAt('2027-03-26', '9:00', helsinki)).toThrow(RangeError);
    expect(() => instantAt('2027-02-30', '09:00', helsinki)).toThrow(RangeError);
    expect(() => instantAt('2027-03-26', '09:00', 'Europe/Hki')).toThrow(RangeError);
  });
});

describe('localDateAt and localWeekday', () => {
  it('gives the Helsinki date of an instant near midnight', () => {
    expect(localDateAt(new Date('2026-12-31T22:30:00Z'), helsinki)).toBe('2027-01-01');
    expect(localDateAt(new Date('2026-12-31T21:59:00Z'), helsinki)).toBe('2026-12-31');
    expect(localDateAt(new Date('2027-06-24T21:00:00Z'), helsinki)).toBe('2027-06-25');
    expect(localDateAt(new Date('2027-06-24T21:00:00Z'), 'UTC')).toBe('2027-06-24');
  });

  it('gives the ISO weekday in the zone', () => {
    const fridayLateUtc = new Date('2027-03-26T22:30:00Z'); // Saturday 00:30 in Helsinki
    expect(localWeekday(fridayLateUtc, 'UTC')).toBe(5);
    expect(localWeekday(fridayLateUtc, helsinki)).toBe(6);
    expect(localWeekday(new Date('2027-03-28T12:00:00Z'), helsinki)).toBe(7);
  });

  it('rejects an invalid instant or zone', () => {
    expect(() => localDateAt(new Date(Number.NaN), helsinki)).toThrow(RangeError);
    expect(() => localDateAt(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('weekStart and isValidZone', () => {
  it('returns the Monday of the week', () => {
    expect(weekStart('2027-03-28')).toBe('2027-03-22'); // Sunday
    expect(weekStart('2027-03-29')).toBe('2027-03-29'); // Monday
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across a year end
  });

  it('knows IANA zones', () => {
    expect(isValidZone('Europe/Helsinki')).toBe(true);
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('Europe/Hki')).toBe(false);
    expect(isValidZone('')).toBe(false);
  });
});
