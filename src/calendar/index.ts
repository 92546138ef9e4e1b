export { createWorkCalendar, mondayToFriday } from './work-calendar.ts';
export type { DayStatus, WorkCalendar, WorkCalendarOptions } from './work-calendar.ts';
export { createFinnishHolidayTable, finnishHolidays } from './finnish-holidays.ts';
export type { Holiday, HolidayTable, LocalizedName } from './finnish-holidays.ts';
export { instantAt, isValidZone, localDateAt, localWeekday, weekStart } from './local-time.ts';
export { addDays, daysBetween, isLocalDate, weekdayOf } from './local-date.ts';
export type { IsoWeekday } from './local-date.ts';
