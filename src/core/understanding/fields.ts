// The fields of a command written as key=value pairs ("enrol student=aino instructor=mikko …") or,
// for an enrolment, as plain words ("opiskelija Ville, ohjaaja Sanna, työpaikka Kauppa Oy,
// 11.1.–31.3.2027"): each key after its field's name, the dates of a range as start and end.
import { parseWrittenDate } from '../../text/dates.ts';
import { foldDiacritics } from '../../text/normalize.ts';

/** `key=value` or `key="value with spaces"` pairs (the enrolment command's one-line form). */
export function parseFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/([\p{L}_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+))/gu)) {
    const key = m[1] ? foldDiacritics(m[1]) : undefined;
    if (key) fields[key] = (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
  }
  return fields;
}

// A field's name as people write it before its value, in Finnish (also inflected), English and Swedish.
const FIELD_WORDS: [RegExp, string][] = [
  [/^(opiskelija|opiskelijaksi|opiskelijana|student|studerande[n]?|elev(en)?)$/, 'student'],
  [/^(ohjaaja|ohjaajaksi|ohjaajana|tyopaikkaohjaaja|tyopaikkaohjaajaksi|tyopaikkaohjaajana|instructor|supervisor|handledare[n]?)$/, 'instructor'],
  [/^(opettaja|opettajaksi|opettajana|teacher|larare[n]?)$/, 'teacher'],
  [/^(tyopaikka|tyopaikaksi|tyopaikkana|workplace|employer|arbetsplats(en)?|yritys|company|foretag(et)?)$/, 'workplace'],
];
const RANGE = /(\d{1,2}\.\d{1,2}\.?(?:\d{4})?|\d{4}-\d{2}-\d{2})\s*(?:[-–]|to|till|asti|saakka)\s*(\d{1,2}\.\d{1,2}\.?(?:\d{4})?|\d{4}-\d{2}-\d{2})/;

/**
 * An enrolment written in words, or {} when too few of its fields are named: each comma-separated
 * part that holds a field's name gives that field the words after its last one.
 */
export function naturalFields(text: string, today: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of text.split(/[,;\n]/)) {
    const range = RANGE.exec(part);
    if (range?.[1] && range[2]) {
      const end = parseWrittenDate(range[2], today);
      // "1.2.–30.4.2027": the first date takes the year of the second.
      const start = parseWrittenDate(/\d{4}/.test(range[1]) || !end ? range[1] : `${range[1].replace(/\.?$/, '.')}${end.slice(0, 4)}`, today);
      if (start && end) {
        fields.start = start;
        fields.end = end;
        continue;
      }
    }
    const words = part.trim().split(/\s+/);
    // The last field name in the part: "lisää Ville uudelle työpaikalle: ohjaaja Sanna" names the instructor.
    const at = words.findLastIndex((w) => FIELD_WORDS.some(([re]) => re.test(foldDiacritics(w.toLowerCase().replace(/[:]$/, '')))));
    if (at < 0 || at === words.length - 1) continue;
    const key = FIELD_WORDS.find(([re]) => re.test(foldDiacritics((words[at] ?? '').toLowerCase().replace(/[:]$/, ''))))?.[1];
    const value = words.slice(at + 1).join(' ').replace(/^[:=]\s*/, '').trim();
    if (key && value && !fields[key]) fields[key] = value;
  }
  if (PLACEMENT_WORD.test(foldDiacritics(text.toLowerCase()))) Object.assign(fields, { ...placementInWords(text, today), ...fields });
  // A placement's dates and one more field, or three fields: fewer is a sentence that names a role in passing.
  const named = Object.keys(fields).filter((key) => key !== 'start' && key !== 'end').length;
  return (fields.start && named >= 1) || named >= 3 ? fields : {};
}

/** Words for a placement: the fields below are read only in a message about one. */
const PLACEMENT_WORD = /\b(\w*jakso\w*|harjoittelu\w*|placement|placements|internship|praktik\w*|period(en)?|arbetsplatsperiod\w*)\b/;
const DATE = /\d{1,2}\.\d{1,2}\.(?:\d{4})?|\d{4}-\d{2}-\d{2}/g;
/** "Ainolle", "Villelle" (for Aino, for Ville), "for Aino", "för Ville": whom the placement is for. */
const FOR_NAME = /(?:^|\s)(?:(\p{Lu}\p{Ll}+?)(?:lle)|(?:for|för)\s+(\p{Lu}\p{Ll}+))(?=$|[\s,.;:!?])/u;
/** "Sannan ohjaukseen", "Mikon ohjauksessa", "with Mikko as instructor", "med Sanna som handledare". */
const INSTRUCTED_BY = /(?:^|\s)(\p{Lu}\p{Ll}+?)n\s+ohjauk\w*|(?:^|\s)(?:with|med)\s+(\p{Lu}\p{Ll}+)\s+(?:as|som)\s+(?:instructor|supervisor|handledare)/u;
/** A company by its legal form: "Kodinkone Oy", "Byggmax Ab", "Acme Ltd". */
const COMPANY = /((?:\p{Lu}[\p{L}&-]*\s+){1,3}(?:Oy|Oyj|Ab|Ky|Tmi|Ltd|Inc|AB))(?=$|[\s,.;:!?])/u;

/**
 * A placement told in a sentence ("Voisitko perustaa Ainolle uuden työpaikkajakson? Ohjaajana Mikko,
 * Kodinkone Oy, alkaa 7.1.2027 ja päättyy 31.3.2027"): two dates as its start and end, the person it
 * is for, the instructor's name in the genitive before "ohjaukseen", a company by its legal form.
 */
function placementInWords(text: string, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  const dates = [...text.matchAll(DATE)].map((m) => parseWrittenDate(m[0], today)).filter((d): d is string => d !== null);
  if (dates.length === 2 && dates[0] && dates[1] && dates[0] < dates[1]) {
    out.start = dates[0];
    out.end = dates[1];
  }
  const student = FOR_NAME.exec(text);
  if (student) out.student = (student[1] ?? student[2] ?? '').trim();
  const instructor = INSTRUCTED_BY.exec(text);
  if (instructor) out.instructor = baseName((instructor[1] ?? instructor[2] ?? '').trim());
  const company = COMPANY.exec(text);
  if (company?.[1]) out.workplace = company[1].trim();
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v));
}

/** A Finnish genitive stem back to the name's basic form where it is regular ("Mikon" → Mikko, "Sannan" → Sanna). */
function baseName(stem: string): string {
  // Consonant gradation of a double k, p or t ("Mikon", "Pekan"): the name has it double.
  return /[aeiouyäö][kpt][aeiouyäö]$/i.test(stem) && /^[A-ZÅÄÖ]\p{Ll}*[^kpt][kpt][oaeiuy]$/u.test(stem) ? stem.replace(/([kpt])([aeiouyäö])$/i, '$1$1$2') : stem;
}
