// Dates and times as people write them in chat: 2026-12-14, 14.12.2026, 14.12., 14.12, tänään /
// today / idag, huomenna / tomorrow / i morgon, (ensi) maanantaina / (next) monday / (på) måndag;
// 14:30, 14.30, klo 9. Pure: "today" is given.
import { foldDiacritics } from './normalize.ts';

const RELATIVE_DAYS: Record<string, number> = {
  tanaan: 0, tanaa: 0, today: 0, tdy: 0, '2day': 0, idag: 0, 'i dag': 0,
  huomenna: 1, huomen: 1, tomorrow: 1, tmrw: 1, tmr: 1, tmrow: 1, tomoz: 1, imorgon: 1, 'i morgon': 1, imorn: 1, 'i morn': 1,
  ylihuomenna: 2, 'day after tomorrow': 2, 'i overmorgon': 2,
  eilen: -1, yesterday: -1, igar: -1, 'i gar': -1,
};

// ISO weekday (1 = Monday) of weekday words in Finnish (also the essive "maanantaina"), English and Swedish.
const WEEKDAYS: Record<string, number> = {
  maanantai: 1, maanantaina: 1, monday: 1, mandag: 1,
  tiistai: 2, tiistaina: 2, tuesday: 2, tisdag: 2,
  keskiviikko: 3, keskiviikkona: 3, wednesday: 3, onsdag: 3,
  torstai: 4, torstaina: 4, thursday: 4, torsdag: 4,
  perjantai: 5, perjantaina: 5, friday: 5, fredag: 5,
  lauantai: 6, lauantaina: 6, saturday: 6, lordag: 6,
  sunnuntai: 7, sunnuntaina: 7, sunday: 7, sondag: 7,
};

/** "maanantaina" → the coming Monday (today when it is Monday); "ensi maanantaina" / "next monday" → after today. */
function weekdayDate(words: string, today: string): string | null {
  const match = /^(?:(ensi|next|nasta|on|pa)\s+)?(\p{L}+)$/u.exec(words);
  const weekday = match?.[2] ? WEEKDAYS[match[2]] : undefined;
  if (!weekday) return null;
  const todayWeekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  let ahead = (weekday - todayWeekday + 7) % 7;
  if (ahead === 0 && (match?.[1] === 'ensi' || match?.[1] === 'next' || match?.[1] === 'nasta')) ahead = 7;
  return shift(today, ahead);
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function shift(localDate: string, days: number): string {
  const date = new Date(`${localDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// Month names and their usual short forms in English, Swedish and Finnish (with the partitive "joulukuuta").
const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'januari', 'tammikuu', 'tammi'],
  ['feb', 'february', 'februari', 'helmikuu', 'helmi'],
  ['mar', 'march', 'mars', 'maaliskuu', 'maalis'],
  ['apr', 'april', 'huhtikuu', 'huhti'],
  ['may', 'maj', 'toukokuu', 'touko'],
  ['jun', 'june', 'juni', 'kesakuu', 'kesa'],
  ['jul', 'july', 'juli', 'heinakuu', 'heina'],
  ['aug', 'august', 'augusti', 'elokuu', 'elo'],
  ['sep', 'sept', 'september', 'syyskuu', 'syys'],
  ['oct', 'october', 'okt', 'oktober', 'lokakuu', 'loka'],
  ['nov', 'november', 'marraskuu', 'marras'],
  ['dec', 'december', 'joulukuu', 'joulu'],
].forEach((names, i) => {
  for (const name of names) {
    MONTHS[name] = i + 1;
    if (name.endsWith('kuu')) MONTHS[`${name}ta`] = i + 1;
  }
});

/** "dec 21", "21 December", "21st of december", "21. joulukuuta", "21 dec": a day and a month by name. */
function monthNamed(word: string): { day: number; month: number } | null {
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(\p{L}+)\.?$/u.exec(word);
  const monthFirst = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/u.exec(word);
  const [day, name] = dayFirst ? [dayFirst[1], dayFirst[2]] : monthFirst ? [monthFirst[2], monthFirst[1]] : [];
  const month = name ? MONTHS[name] : undefined;
  return month && day ? { day: Number(day), month } : null;
}

/** The occurrence of day.month nearest to today (so "3.1." written in late December is next January). */
function nearestYear(day: number, month: number, today: string): string | null {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => iso(y, month, day)).filter((d): d is string => d !== null);
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(today));
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

/** A written date as YYYY-MM-DD, or null when it is not one (or not a real calendar date). */
export function parseWrittenDate(text: string, today: string): string | null {
  const word = foldDiacritics(text.trim()).replace(/\s+/g, ' ');
  const relative = RELATIVE_DAYS[word];
  if (relative !== undefined) return shift(today, relative);
  const onWeekday = weekdayDate(word, today);
  if (onWeekday) return onWeekday;
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  const named = monthNamed(word);
  if (named) return nearestYear(named.day, named.month, today);
  const fiMatch = /^(\d{1,2})\.(\d{1,2})\.?(\d{4}|\d{2})?$/.exec(word);
  if (fiMatch) {
    const day = Number(fiMatch[1]);
    const month = Number(fiMatch[2]);
    if (!fiMatch[3]) return nearestYear(day, month, today);
    const year = fiMatch[3].length === 2 ? 2000 + Number(fiMatch[3]) : Number(fiMatch[3]);
    return iso(year, month, day);
  }
  return null;
}

// "ensi viikolla", "ens viikol", "next week", "nästa vecka": the working week after this one.
const NEXT_WEEK = /^(?:ensi|ens|next|nasta) (?:viikko|viikolla|viikol|viikon|viikoks|viikoksi|week|vecka|veckan)$/;

/** "ensi viikolla" → [the coming Monday, the Friday after it]: the next working week, as a range. */
export function parseWrittenWeek(text: string, today: string): [string, string] | null {
  if (!NEXT_WEEK.test(foldDiacritics(text.trim().toLowerCase()).replace(/\s+/g, ' '))) return null;
  const monday = weekdayDate('ensi maanantai', today);
  return monday ? [monday, shift(monday, 4)] : null;
}

/** A written time of day as HH:MM ("14:30", "14.30", "9"), or null. */
export function parseWrittenTime(text: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!match) return null;
  const half = match[3]?.toLowerCase().replace(/\./g, '');
  const written = Number(match[1]);
  // "4pm" is 16:00, "12am" midnight; a 24-hour figure with am/pm ("15 pm") is no time.
  if (half && (written < 1 || written > 12)) return null;
  const hours = half ? (written % 12) + (half === 'pm' ? 12 : 0) : written;
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
