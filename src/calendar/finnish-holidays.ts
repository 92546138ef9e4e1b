import Holidays from 'date-holidays';

export type LocalizedName = { fi: string; en: string };
export type Holiday = { date: string; name: LocalizedName };
export type HolidayTable = { holidaysIn(year: number): ReadonlyMap<string, Holiday> };

/**
 * Eves that Finns take off but date-holidays types as `bank` (New Year's Eve, also `bank`, stays a
 * working day). Computed here rather than picked from the `bank` list so that a change in the
 * library's rule names cannot drop them silently.
 */
function evesOff(year: number): Holiday[] {
  const yyyy = String(year).padStart(4, '0');
  // Midsummer Eve is the Friday from 19 to 25 June (getUTCDay: 5 = Friday).
  const june19 = new Date(Date.UTC(year, 5, 19)).getUTCDay();
  const midsummerEve = 19 + ((5 - june19 + 7) % 7);
  return [
    { date: `${yyyy}-06-${midsummerEve}`, name: { fi: 'juhannusaatto', en: 'Midsummer Eve' } },
    { date: `${yyyy}-12-24`, name: { fi: 'jouluaatto', en: 'Christmas Eve' } },
  ];
}

// Finnish writes holiday names in lower case; date-holidays capitalises a few.
function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('fi') + text.slice(1);
}

/**
 * Finnish days off, looked up once per year. Constructing date-holidays is slow, so one table holds
 * one instance; use `finnishHolidays()` for the process-wide table.
 */
export function createFinnishHolidayTable(): HolidayTable {
  const library = new Holidays('FI');
  const byYear = new Map<number, ReadonlyMap<string, Holiday>>();

  function build(year: number): ReadonlyMap<string, Holiday> {
    const english = new Map(
      library.getHolidays(year, 'en').filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]),
    );
    const days = new Map<string, Holiday>();
    for (const h of library.getHolidays(year, 'fi')) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      days.set(date, { date, name: { fi: lowerFirst(h.name), en: english.get(date) ?? h.name } });
    }
    for (const eve of evesOff(year)) if (!days.has(eve.date)) days.set(eve.date, eve);
    return days;
  }

  return {
    holidaysIn(year) {
      if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
      let days = byYear.get(year);
      if (days === undefined) {
        days = build(year);
        byYear.set(year, days);
      }
      return days;
    },
  };
}

let shared: HolidayTable | undefined;

/** The process-wide table, created on first use. */
export function finnishHolidays(): HolidayTable {
  shared ??= createFinnishHolidayTable();
  return shared;
}
