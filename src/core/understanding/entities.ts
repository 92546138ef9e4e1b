// The typed things a message carries wherever they stand in it — dates and date ranges, times of day,
// Slack and Teams account ids, platform names, e-mail addresses, the names of known people in any
// case form ("villeen", "Ainosta", "aino's") — and the message with each replaced by a placeholder
// of its kind ("linkitä xplatform xaccount xname"). The intent classifier reads the masked form (it
// was taught the commands' phrasings with the same placeholders), and a guessed command's slots are
// filled from these entities by type, so that a command written in any order still gets its values.
import type { SlotSpec } from '../../conversation/command.ts';
import { finnishNameForms } from '../../privacy/finnish-name-forms.ts';
import { parseWrittenDate, parseWrittenTime, parseWrittenWeek } from '../../text/dates.ts';
import { foldDiacritics } from '../../text/normalize.ts';
import { naturalFields, parseFields } from './fields.ts';
import type { Token, Tokens } from './tokens.ts';
import { wordTimeAt } from './word-times.ts';

/** The placeholder each kind of entity (and each slot type that takes one) stands as. */
export const PLACEHOLDER = {
  date: 'xdate',
  time: 'xtime',
  name: 'xname',
  platform: 'xplatform',
  account: 'xaccount',
  text: 'xtext',
} as const;
export const PLACEHOLDERS: ReadonlySet<string> = new Set(Object.values(PLACEHOLDER));

/** The placeholder a slot is taught as, or '' for a slot that carries no kind (fields, an optional text, a plain word). */
export function slotPlaceholder(spec: SlotSpec): string {
  switch (spec.type) {
    case 'student':
    case 'person':
      return PLACEHOLDER.name;
    case 'date':
      return PLACEHOLDER.date;
    case 'time':
      return PLACEHOLDER.time;
    case 'text':
      return spec.optional ? '' : PLACEHOLDER.text;
    case 'word':
      return spec.entity === 'person' ? PLACEHOLDER.name : spec.entity ? PLACEHOLDER[spec.entity] : '';
    default:
      return '';
  }
}

/** Someone the actor may name: id, full name. */
export interface KnownPerson {
  id: string;
  name: string;
  email?: string | null;
}

export interface Entities {
  /** Dates written in figures (14.12., 2026-12-14): each must have a place in the command. */
  dates: string[];
  /** Dates written in words (huomenna, next monday): taken by a date slot, else only words. */
  dayWords: string[];
  times: string[];
  platforms: string[];
  accounts: string[];
  emails: string[];
  /** The distinct people named, in order. */
  people: KnownPerson[];
  /** What follows a named person after a ":", " - ", "," or "that/että/att" (an observation's text). */
  text: string | null;
  /** The message with each entity (and the text) as its placeholder. */
  masked: string;
  /** The same with the words after a name left as written: for a command that takes no text ("delete Ville's data, he asked …"). */
  maskedWithText: string;
  /** It opens with a question word or ends with "?": a date or time in it is more likely asked about than set. */
  asks: boolean;
  /** Named fields (key=value pairs, or an enrolment in words: fields.ts); their dates are theirs. */
  fields: Record<string, string>;
}

// The words a question about something opens with ("mitä pitää osata ennen näyttöä 15.12.", "when is
// the demo on 15.12."); a request to the bot opens otherwise ("voisitko vaihtaa…", "can you pause…").
const QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'mita', 'mika', 'mitka', 'miten', 'milloin', 'miksi', 'kuka', 'keta', 'missa', 'mista', 'paljonko', 'kuinka', 'pitaako', 'onko', 'saako', 'voiko', 'tarvitseeko',
  'what', 'when', 'how', 'why', 'who', 'where', 'which', 'is', 'are', 'do', 'does', 'should', 'must',
  'vad', 'nar', 'hur', 'varfor', 'vem', 'var', 'vilken', 'vilka', 'maste', 'ska', 'behover', 'far',
]);

// Words after which a number is a time of day ("klo 9", "at 3.30", "kl 14").
const TIME_WORDS: ReadonlySet<string> = new Set(['klo', 'kello', 'kelloon', 'at', 'kl', 'klockan']);
const HALF_DAY: ReadonlySet<string> = new Set(['am', 'pm']);
/** Words of a time of day: a bare number after "till"/"to" in such a message is a time. */
const TIME_TALK = /\b(tid|tiden|klockslag|time|aika|aikaa|ajan|kellonaika\w*|kyselyaika\w*|check-?in|incheckning\w*)\b/i;
// Where an observation's own text starts after the name.
const TEXT_CONNECTORS: ReadonlySet<string> = new Set(['et', 'etta', 'that', 'att', 'kun', 'when']);
const PLATFORMS: Readonly<Record<string, string>> = { slack: 'slack', teams: 'teams', msteams: 'teams' };
// Slack user ids (U…, W…) and Teams user ids (29:…).
const SLACK_ID = /^[UW][A-Z0-9]{6,}$/;
const TEAMS_ID = /^29:(?:[\w-]{6,}|\d*[A-Za-z][\w-]{2,})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every written form of each person's names: "ville" → Ville, "villeen", "villen", "villes", "ville's". */
export function nameIndex(people: readonly KnownPerson[]): Map<string, KnownPerson[]> {
  const index = new Map<string, KnownPerson[]>();
  const add = (form: string, person: KnownPerson) => {
    const key = foldDiacritics(form.toLowerCase());
    const owners = index.get(key) ?? [];
    if (!owners.includes(person)) owners.push(person);
    index.set(key, owners);
  };
  for (const person of people) {
    const parts = person.name.split(/\s+/).filter((part) => /^\p{L}{3,}$/u.test(part));
    parts.forEach((part, i) => {
      for (const form of finnishNameForms(part, i === 0 ? 'given' : 'family')) add(form, person);
      for (const suffix of ["'s", '’s', 's']) add(part + suffix, person);
    });
  }
  return index;
}

/** Finds the entities of `tokens` (already tokenized, so at most MAX_TOKENS are read). */
export function findEntities(tokens: Tokens, today: string, names: Map<string, KnownPerson[]>): Entities {
  const list = tokens.list;
  const asks = QUESTION_OPENERS.has(list[0]?.norm ?? '') || tokens.text.trim().endsWith('?');
  const written = tokens.text.slice(0, 2000);
  const fields = /[\p{L}_]\s*=\s*\S/u.test(written) ? parseFields(written) : naturalFields(written, today);
  const out: Entities = { dates: [], dayWords: [], times: [], platforms: [], accounts: [], emails: [], people: [], text: null, masked: '', maskedWithText: '', asks, fields };
  const masked: string[] = [];
  const folded = list.map((t) => t.norm).join(' ');
  let textFrom: number | null = null;
  for (let i = 0; i < list.length; i++) {
    const token = list[i];
    if (!token) continue;
    const previous = list[i - 1]?.norm ?? '';
    const raw = token.raw;
    if (TEAMS_ID.test(raw) || SLACK_ID.test(raw)) {
      out.accounts.push(raw);
      masked.push(PLACEHOLDER.account);
      continue;
    }
    if (token.kind === 'word' && EMAIL.test(raw)) {
      out.emails.push(raw);
      masked.push(PLACEHOLDER.name);
      continue;
    }
    const platform = token.kind === 'word' ? PLATFORMS[token.norm.split('-')[0] ?? ''] : undefined;
    if (platform) {
      if (!out.platforms.includes(platform)) out.platforms.push(platform);
      masked.push(PLACEHOLDER.platform);
      continue;
    }
    // "dec 21", "21 December", "21. joulukuuta": a date in two tokens, a figure and a month's name.
    const next = list[i + 1];
    const monthDate = next && (token.kind === 'number') !== (next.kind === 'number') ? parseWrittenDate(`${raw} ${next.raw}`, today) : null;
    if (monthDate && next && /\d/.test(`${raw}${next.raw}`) && /\p{L}{3}/u.test(`${raw}${next.raw}`)) {
      out.dates.push(monthDate);
      masked.push(PLACEHOLDER.date);
      i++;
      continue;
    }
    if (token.kind === 'number' || /^\d/.test(raw)) {
      // "9 am", "4 pm": the half of the day written apart.
      const half = list[i + 1]?.kind === 'word' && HALF_DAY.has(list[i + 1]?.norm ?? '') ? list[i + 1]?.norm : undefined;
      const time = parseWrittenTime(half ? `${raw}${half}` : raw);
      const date = /^\d+$/.test(raw) ? null : parseWrittenDate(raw, today);
      if (time && (TIME_WORDS.has(previous) || !date)) {
        // A bare number is a time only after "klo"/"at" or with am/pm: "3 päivää" is no time.
        // "ändra tiden till 9", "change the time to 9": after "till"/"to" in a message about a time of day.
        const toTime = (previous === 'till' || previous === 'to' || previous === 'asti') && TIME_TALK.test(tokens.text);
        if (/[.:]/.test(raw) || TIME_WORDS.has(previous) || half || /[ap]m$/i.test(raw) || toTime) {
          out.times.push(time);
          masked.push(PLACEHOLDER.time);
          if (half) i++;
          continue;
        }
      }
      // "14.-18.12.": a day, a dash, then the date whose month and year it shares.
      const rangeEnd = /^\d{1,2}$/.test(raw) && list[i + 1]?.kind === 'punct' && list[i + 1]?.norm === '-' ? parseWrittenDate(list[i + 2]?.raw ?? '', today) : null;
      const rangeStart = rangeEnd ? `${rangeEnd.slice(0, 8)}${raw.padStart(2, '0')}` : null;
      if (rangeStart && rangeEnd && Number(raw) >= 1 && rangeStart < rangeEnd) {
        out.dates.push(rangeStart);
        masked.push(PLACEHOLDER.date);
        continue;
      }
      if (date) {
        out.dates.push(date);
        masked.push(PLACEHOLDER.date);
        continue;
      }
      masked.push(asWritten(token));
      continue;
    }
    // A time in words: "neljältä", "puoli kymmeneen", "at four", "halv tio".
    const wordTime = token.kind === 'word' ? wordTimeAt(list, i, folded) : null;
    if (wordTime) {
      out.times.push(wordTime.time);
      masked.push(PLACEHOLDER.time);
      i += wordTime.length - 1;
      continue;
    }
    // A date in words: "huomenna", "ensi maanantaina", "next monday", "i morgon".
    if (token.kind === 'word') {
      const next = list[i + 1];
      // "ens viikol": a range of days, written for the classifier as one ("xdate - xdate").
      const week = next?.kind === 'word' ? parseWrittenWeek(`${raw} ${next.raw}`, today) : null;
      if (week) {
        out.dates.push(...week);
        masked.push(PLACEHOLDER.date, '-', PLACEHOLDER.date);
        i++;
        continue;
      }
      const twoWords = next?.kind === 'word' ? parseWrittenDate(`${raw} ${next.raw}`, today) : null;
      const word = twoWords ?? parseWrittenDate(raw, today);
      if (word) {
        // Left as written for the classifier: "tänään", "today's" are as often a modifier as a value.
        out.dayWords.push(word);
        masked.push(asWritten(token));
        if (twoWords && next) {
          masked.push(asWritten(next));
          i++;
        }
        continue;
      }
    }
    const named = token.kind === 'word' ? names.get(token.norm) : undefined;
    if (named?.length) {
      for (const person of named) if (!out.people.includes(person)) out.people.push(person);
      masked.push(PLACEHOLDER.name);
      if (textFrom === null) textFrom = textStart(tokens, i + 1);
      continue;
    }
    masked.push(asWritten(token));
  }
  out.maskedWithText = masked.join(' ');
  if (textFrom !== null && textFrom < list.length) {
    const start = list[textFrom]?.start ?? tokens.text.length;
    const text = tokens.text.slice(start).trim();
    // The text is what follows: the words before it stay for the classifier, the rest is one placeholder.
    const cut = masked.length - (list.length - textFrom);
    if (text && cut >= 0) {
      out.text = text;
      masked.splice(cut, masked.length - cut, PLACEHOLDER.text);
    }
  }
  // An id tells its platform when no word does: 29:… is Teams, U… Slack.
  const account = out.accounts[0];
  if (!out.platforms.length && out.accounts.length === 1 && account) out.platforms.push(TEAMS_ID.test(account) ? 'teams' : 'slack');
  out.masked = masked.join(' ');
  return out;
}

/** A word as the classifier reads it: with its ä and ö (its stemmer knows them), a contraction as its words. */
const asWritten = (token: Token) => (foldDiacritics(token.raw).replace(/’/g, "'") === token.norm ? token.raw.toLowerCase() : token.norm);

/** Where the text after a name starts: after a separator or connector close behind it, else null. */
function textStart(tokens: Tokens, from: number): number | null {
  const list = tokens.list;
  const after = list[from - 1]?.end ?? 0;
  // ":" / "-" (tokens), or a comma in the raw text right after the name.
  const rawGap = (i: number) => tokens.text.slice(list[i - 1]?.end ?? after, list[i]?.start ?? after);
  for (let i = from; i < Math.min(list.length, from + 3); i++) {
    const token = list[i];
    if (!token) break;
    if (rawGap(i).includes(',')) return i;
    if (token.kind === 'punct' && (token.norm === ':' || token.norm === '-')) return i + 1;
    if (token.kind === 'word' && TEXT_CONNECTORS.has(token.norm)) return i + 1;
  }
  return null;
}
