// Chat commands, in Finnish and English, parsed from a message's text. Anything that is not a
// command is a question for the answering engine.
import { compact } from '../text/normalize.ts';

export type Command =
  | { kind: 'help' }
  | { kind: 'progress'; student: string | null }
  | { kind: 'reflect' }
  | { kind: 'my-observations' }
  | { kind: 'observe'; student: string; text: string }
  | { kind: 'students' }
  | { kind: 'absent'; reason: 'sick' | 'absent'; date: 'today' | 'tomorrow' }
  | { kind: 'pause'; from: string; to: string }
  | { kind: 'resume' }
  | { kind: 'summary'; student: string | null }
  | { kind: 'checkin-time'; time: string | null }
  | { kind: 'enrol'; fields: Record<string, string> }
  | { kind: 'link'; platform: 'local' | 'slack' | 'teams'; externalId: string; tenantId: string; person: string }
  | { kind: 'export'; student: string }
  | { kind: 'erase'; student: string; confirmed: boolean }
  | { kind: 'question'; text: string };

export type CommandKind = Command['kind'];

const HELP = /^(help|apua|ohje|ohjeet|komennot|commands|mita osaat|mita voin tehda|what can you do|\?)$/;
const PROGRESS_SELF = /^(my progress|progress|show my progress|edistymiseni|edistyminen|oma edistyminen|mun edistyminen|minun edistymiseni|nayta edistymiseni|nayta edistyminen|tilanne|tilanteeni|where am i)$/;
const PROGRESS_OF = /^(?:progress(?: of)?|edistyminen|nayta edistyminen)\s+(.+)$|^how is (.+?) doing$/;
const PROGRESS_GENITIVE = /^(.+?)(?:n|in) edistyminen$/;
const REFLECT = /^(reflect|reflection|check ?in|reflektoi|reflektio|pohdi|pohdinta|paivan pohdinta|tee reflektio|kirjaa paiva)$/;
const MY_OBSERVATIONS = /^(my observations|observations about me|havaintoni|havainnot minusta|omat havainnot|minun havaintoni)$/;
const STUDENTS = /^(my students|students|opiskelijani|opiskelijat|omat opiskelijat|minun opiskelijani)$/;
const OBSERVE = /^\s*(?:observe|observation|log observation|havainto|havainnoi|kirjaa havainto)\s+([^:]{1,80}?)\s*:\s*([\s\S]+)$/i;
const SICK = /^(olen |ma oon |oon )?(sairas|sairaana|kipea|kipeana)( tanaan| huomenna)?$|^(i am |i'm |im )?(sick|ill|off sick)( today| tomorrow)?$/;
const ABSENT = /^(olen |oon )?(poissa|lomalla|vapaalla)( tanaan| huomenna)?$|^(i am |i'm |im )?(absent|away|off|on leave)( today| tomorrow)?$/;
const PAUSE = /^(?:pause|tauko|keskeytä|keskeyta)(?: check-?ins| kyselyt| reflektiot)?\s+(\d{4}-\d{2}-\d{2})(?:\s*(?:-|–|\.\.|to|asti)\s*(\d{4}-\d{2}-\d{2}))?$/i;
const RESUME = /^(resume|jatka|jatka kyselyja|resume check-?ins)$/;
const SUMMARY = /^(?:summary|weekly summary|viikkokooste|kooste|yhteenveto)(?:\s+(.+))?$/;
const CHECKIN_TIME = /^(?:checkin time|check in time|kyselyn aika|reflektion aika|muistutusaika)(?:\s+(?:klo\s+)?(\d{1,2})\s(\d{2}))?$/;
const ENROL = /^\s*(?:enrol|enroll|lis[aä][aä] jakso|uusi jakso|new placement)(?=\s|$)([\s\S]*)$/i;
const LINK = /^\s*(?:link|yhdista)\s+(local|slack|teams)\s+(\S+)\s+(?:to\s+)?(\S+)(?:\s+(?:tenant|team)\s+(\S+))?\s*$/i;
const EXPORT = /^\s*(?:export|vie tiedot|vie)\s+(.+?)\s*$/i;
const ERASE = /^\s*(?:erase|poista opiskelija|poista)\s+(.+?)(\s+(?:confirm|vahvista))?\s*$/i;

/** `key=value` or `key="value with spaces"` pairs, for the one-line enrolment command. */
export function parseFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/([\p{L}_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/gu)) {
    const key = m[1]?.toLowerCase();
    if (key) fields[key] = (m[2] ?? m[3] ?? m[4] ?? '').trim();
  }
  return fields;
}

export function parseCommand(text: string): Command {
  const raw = text.trim();
  const folded = compact(raw);
  const observe = OBSERVE.exec(raw);
  if (observe?.[1] && observe[2]) return { kind: 'observe', student: observe[1].trim(), text: observe[2].trim() };
  const enrol = ENROL.exec(raw);
  if (enrol) return { kind: 'enrol', fields: parseFields(enrol[1] ?? '') };
  const link = LINK.exec(raw);
  if (link?.[1] && link[2] && link[3]) {
    const platform = link[1].toLowerCase();
    if (platform === 'local' || platform === 'slack' || platform === 'teams')
      return { kind: 'link', platform, externalId: link[2], person: link[3], tenantId: link[4] ?? '' };
  }
  const erase = ERASE.exec(raw);
  if (erase?.[1] && /^\s*(erase|poista opiskelija)\b/i.test(raw)) return { kind: 'erase', student: erase[1], confirmed: Boolean(erase[2]) };
  const exp = EXPORT.exec(raw);
  if (exp?.[1] && /^\s*(export|vie tiedot)\b/i.test(raw)) return { kind: 'export', student: exp[1] };

  if (HELP.test(folded)) return { kind: 'help' };
  if (PROGRESS_SELF.test(folded)) return { kind: 'progress', student: null };
  if (REFLECT.test(folded)) return { kind: 'reflect' };
  if (MY_OBSERVATIONS.test(folded)) return { kind: 'my-observations' };
  if (STUDENTS.test(folded)) return { kind: 'students' };
  const sick = SICK.exec(folded);
  if (sick) return { kind: 'absent', reason: 'sick', date: /huomenna|tomorrow/.test(folded) ? 'tomorrow' : 'today' };
  if (ABSENT.test(folded)) return { kind: 'absent', reason: 'absent', date: /huomenna|tomorrow/.test(folded) ? 'tomorrow' : 'today' };
  const pause = PAUSE.exec(raw);
  if (pause?.[1]) return { kind: 'pause', from: pause[1], to: pause[2] ?? pause[1] };
  if (RESUME.test(folded)) return { kind: 'resume' };
  const time = CHECKIN_TIME.exec(folded);
  if (time) return { kind: 'checkin-time', time: time[1] && time[2] ? `${time[1].padStart(2, '0')}:${time[2]}` : null };
  const summary = SUMMARY.exec(folded);
  if (summary) return { kind: 'summary', student: summary[1] ? originalWords(raw, summary[1]) : null };
  const progressOf = PROGRESS_OF.exec(folded) ?? PROGRESS_GENITIVE.exec(folded);
  const name = progressOf?.[1] ?? progressOf?.[2];
  if (name && name.split(' ').length <= 3) return { kind: 'progress', student: originalWords(raw, name) };
  return { kind: 'question', text: raw };
}

/** The words of the original text that a folded match stands for (keeps ä/ö and capitals). */
function originalWords(raw: string, foldedPart: string): string {
  const words = raw.split(/\s+/);
  const wanted = foldedPart.split(' ');
  for (let i = 0; i + wanted.length <= words.length; i++) {
    const slice = words.slice(i, i + wanted.length);
    if (compact(slice.join(' ')) === foldedPart) return slice.join(' ');
  }
  return foldedPart;
}
