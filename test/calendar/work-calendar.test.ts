import { describe, it, expect } from 'vitest';
import Holidays from 'date-holidays';
import { createWorkCalendar } from '../../src/calendar/work-calendar.ts';
import { createFinnishHolidayTable } from '../../src/calendar/finnish-holidays.ts';

const monFri = [1, 2, 3, 4, 5];
const calendar = createWorkCalendar();

describe('isDayOff: Christmas 2026 to Epiphany 2027', () => {
  it.each([
    ['2026-12-24', { fi: 'jouluaatto', en: 'Christmas Eve' }],
    ['2026-12-25', { fi: 'joulupäivä', en: 'Christmas Day' }],
    ['2026-12-26', { fi: 'tapaninpäivä', en: 'Boxing Day' }],
    ['2027-01-01', { fi: 'uudenvuodenpäivä', en: "New Year's Day" }],
    ['2027-01-06', { fi: 'loppiainen', en: 'Epiphany' }],
  ])('%s is a holiday with Finnish and English names', (date, name) => {
    expect(calendar.isDayOff(date)).toEqual({ off: true, reason: 'holiday', name });
  });

  it("keeps New Year's Eve (Thu 31.12.2026) a working day", () => {
    expect(calendar.isDayOff('2026-12-31')).toEqual({ off: false });
    expect(calendar.isWorkingDay('2026-12-31', monFri)).toBe(true);
  });

  it('works on the days between the holidays', () => {
    expect(calendar.workingDaysBetween('2026-12-21', '2027-01-08', monFri)).toEqual([
      '2026-12-21', '2026-12-22', '2026-12-23',
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31',
      '2027-01-04', '2027-01-05', '2027-01-07', '2027-01-08',
    ]);
  });
});

describe('isDayOff: Easter 2027 and other holidays', () => {
  it('Good Friday 26.3.2027 and Easter Monday 29.3.2027 are off, the days around them are not', () => {
    expect(calendar.isDayOff('2027-03-26')).toMatchObject({ off: true, reason: 'holiday', name: { fi: 'pitkäperjantai' } });
    expect(calendar.isDayOff('2027-03-29')).toMatchObject({ off: true, reason: 'holiday', name: { fi: 'toinen pääsiäispäivä' } });
    expect(calendar.isDayOff('2027-03-25')).toEqual({ off: false });
    expect(calendar.isDayOff('2027-03-30')).toEqual({ off: false });
    expect(calendar.nextWorkingDay('2027-03-25', monFri)).toBe('2027-03-30');
  });

  it('Midsummer Eve (Fri 25.6.2027) is off though date-holidays types it bank', () => {
    expect(calendar.isDayOff('2027-06-25')).toEqual({
      off: true,
      reason: 'holiday',
      name: { fi: 'juhannusaatto', en: 'Midsummer Eve' },
    });
    expect(calendar.isDayOff('2026-06-19')).toMatchObject({ off: true, name: { fi: 'juhannusaatto' } });
    expect(calendar.isDayOff('2027-06-24')).toEqual({ off: false });
  });

  it('agrees with date-holidays on which day is Midsummer Eve, 2020–2035', () => {
    const library = new Holidays('FI');
    const table = createFinnishHolidayTable();
    for (let year = 2020; year <= 2035; year += 1) {
      const eve = library.getHolidays(year, 'fi').find((h) => h.name === 'juhannusaatto');
      expect(eve).toBeDefined();
      expect(table.holidaysIn(year).get(eve?.date.slice(0, 10) ?? '')?.name.fi).toBe('juhannusaatto');
    }
  });

  it('looks each year up once', () => {
    const table = createFinnishHolidayTable();
    expect(table.holidaysIn(2027)).toBe(table.holidaysIn(2027));
    expect(table.holidaysIn(2026)).not.toBe(table.holidaysIn(2027));
  });

  it.each([
    ['2026-05-01', 'vappu'],
    ['2027-05-01', 'vappu'],
    ['2026-05-14', 'helatorstai'],
    ['2027-05-06', 'helatorstai'],
    ['2026-12-06', 'itsenäisyyspäivä'],
    ['2027-12-06', 'itsenäisyyspäivä'],
    ['2026-10-31', 'pyhäinpäivä'],
  ])('%s is %s', (date, fi) => {
    expect(calendar.isDayOff(date)).toMatchObject({ off: true, reason: 'holiday', name: { fi } });
  });

  it("does not count observances such as Mother's Day as holidays", () => {
    // Sun 10.5.2026: a weekend, not a holiday.
    expect(calendar.isDayOff('2026-05-10')).toEqual({ off: true, reason: 'weekend' });
    expect(calendar.isWorkingDay('2026-05-10', [1, 2, 3, 4, 5, 6, 7])).toBe(true);
  });
});

describe('working weekdays and school days off', () => {
  it('reports weekdays outside the working days as weekend', () => {
    expect(calendar.isDayOff('2026-11-21')).toEqual({ off: true, reason: 'weekend' }); // Saturday
    expect(calendar.isDayOff('2026-11-21', [1, 2, 3, 4, 5, 6])).toEqual({ off: false });
    expect(calendar.isDayOff('2026-11-20', [1, 2, 3, 4])).toEqual({ off: true, reason: 'weekend' }); // Friday
  });

  it('reports a holiday on a weekend as the holiday', () => {
    expect(calendar.isDayOff('2026-12-26')).toMatchObject({ reason: 'holiday' }); // Saturday
  });

  it("honours the school's extra days off, including New Year's Eve", () => {
    const school = createWorkCalendar({ extraDaysOff: ['2026-12-31', '2026-10-19'] });
    expect(school.isDayOff('2026-12-31')).toEqual({ off: true, reason: 'school' });
    expect(school.isWorkingDay('2026-10-19', monFri)).toBe(false);
    expect(school.isWorkingDay('2026-10-20', monFri)).toBe(true);
    expect(school.nextWorkingDay('2026-12-30', monFri)).toBe('2027-01-04');
    // Another calendar is not affected.
    expect(calendar.isWorkingDay('2026-12-31', monFri)).toBe(true);
  });

  it('accepts per-call days off, e.g. a student vacation', () => {
    const days = calendar.workingDaysBetween('2026-11-16', '2026-11-22', monFri, ['2026-11-18', '2026-11-19']);
    expect(days).toEqual(['2026-11-16', '2026-11-17', '2026-11-20']);
    expect(calendar.nextWorkingDay('2026-11-17', monFri, ['2026-11-18', '2026-11-19'])).toBe('2026-11-20');
  });
});

describe('workingDaysBetween and nextWorkingDay', () => {
  it('counts both ends inclusive', () => {
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-27', monFri)).toHaveLength(5);
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-23', monFri)).toEqual(['2026-11-23']);
  });

  it('returns nothing when the end is before the start', () => {
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-23', monFri)).toEqual([]);
  });

  it('skips weekends, Independence Day and Christmas in December 2026', () => {
    // 23 weekdays; minus Christmas Eve and Christmas Day (6.12 and 26.12 fall on a weekend).
    expect(calendar.workingDaysBetween('2026-12-01', '2026-12-31', monFri)).toHaveLength(21);
  });

  it('crosses a year end', () => {
    expect(calendar.nextWorkingDay('2026-12-31', monFri)).toBe('2027-01-04');
    expect(calendar.nextWorkingDay('2026-12-23', monFri)).toBe('2026-12-28');
    expect(calendar.nextWorkingDay('2027-06-23', monFri)).toBe('2027-06-24');
    expect(calendar.nextWorkingDay('2027-06-24', monFri)).toBe('2027-06-28');
  });

  it('follows a placement that works weekends', () => {
    expect(calendar.nextWorkingDay('2026-11-20', [6, 7])).toBe('2026-11-21');
    expect(calendar.workingDaysBetween('2026-12-19', '2026-12-27', [6, 7])).toEqual(['2026-12-19', '2026-12-20', '2026-12-27']);
  });

  it('rejects malformed input', () => {
    expect(() => calendar.isDayOff('2027-02-29')).toThrow(RangeError);
    expect(() => calendar.isDayOff('26.3.2027')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-11-23', [])).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-11-23', [0, 1])).toThrow(RangeError);
    expect(() => createWorkCalendar({ extraDaysOff: ['2026-13-01'] })).toThrow(RangeError);
  });

  it('gives up instead of looping when every day is off', () => {
    const closed = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    expect(() => calendar.nextWorkingDay('2026-12-31', [1, 2, 3, 4, 5, 6, 7], closed)).toThrow(RangeError);
  });
});
