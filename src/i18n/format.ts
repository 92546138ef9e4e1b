// Dates and lists as each language writes them: 4.12.2026 in Finnish and Finland-Swedish, 4 Dec 2026 in English.
import { type Lang, LOCALES } from './lang.ts';

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A local date (YYYY-MM-DD) in the language's own form; anything else is returned unchanged. */
export function formatDate(localDate: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) return localDate;
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], lang === 'en' ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "Aino, Ville ja Emma" / "Aino, Ville and Emma" / "Aino, Ville och Emma" (or "… tai …" as a disjunction). */
export function formatList(items: readonly string[], lang: Lang, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const key = `${lang}:${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(LOCALES[lang], { type });
    listFormats.set(key, format);
  }
  return format.format(items);
}
