// "loki aino" / "audit aino" / "granskningslogg aino": an admin reads the audit log in chat — who read
// whose data, what and when — about or by one person, or without a name the latest entries of all.
// Newest first, at most AUDIT_SHOWN, with a count of the rest. Reading the log is itself logged.
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, message, paragraph } from '../../conversation/command-context.ts';
import type { ListItem } from '../../conversation/reply.ts';
import { formatList } from '../../i18n/format.ts';
import { type Lang, LOCALES } from '../../i18n/lang.ts';
import type { AuditEntry, Person } from '../../storage/index.ts';
import { commandTexts } from './command-texts.ts';

/** Entries shown in one reply; the rest are counted. */
export const AUDIT_SHOWN = 20;

const say = paragraph;

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** 23.11.2026 klo 12.05 / 23 Nov 2026, 12:05 / 23.11.2026 12.05, in the reader's time zone. */
export function formatDateTime(at: Date, lang: Lang, timeZone: string): string {
  const key = `${lang}:${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      LOCALES[lang],
      lang === 'en' ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone },
    );
    dateTimeFormats.set(key, format);
  }
  return format.format(at);
}

/** "ainon" (fi), "ainos" (sv), "aino's" (en) also as "aino". */
function nameForms(ref: string): string[] {
  const written = ref.trim();
  const forms = [written];
  const possessive = written.replace(/['’]s$/u, '');
  if (possessive !== written) forms.push(possessive);
  if (/\p{L}{3,}[ns]$/u.test(written)) forms.push(written.slice(0, -1));
  return forms;
}

/** Anyone by id, e-mail or name (students, staff, admins alike). */
async function findPeople(ctx: CommandContext, ref: string): Promise<Person[]> {
  const { people } = ctx.services.store;
  const exact = ref.includes('@') ? await people.findByEmail(ref) : await people.findById(ref.trim());
  if (exact) return [exact];
  for (const form of nameForms(ref)) {
    const found = await people.findByName(form);
    if (found.length > 0) return found;
  }
  return [];
}

function detailsOf(entry: AuditEntry): Record<string, unknown> {
  return entry.details && typeof entry.details === 'object' && !Array.isArray(entry.details) ? (entry.details as Record<string, unknown>) : {};
}

export const auditCommand = defineCommand({
  id: 'audit',
  roles: ['admin'],
  subject: { kind: 'admin' },
  slots: { person: { type: 'person', optional: true } },
  phrasings: {
    fi: [
      'loki', 'loki {person}', 'auditointiloki', 'auditointiloki {person}', 'lokimerkinnät', 'lokimerkinnät {person}',
      'kuka on (katsonut|lukenut|nähnyt) {person} tietoja', 'ketkä ovat (katsoneet|lukeneet|nähneet) {person} tietoja', 'kuka on katsonut tietoja',
    ],
    en: [
      'audit', 'audit {person}', 'audit log', 'audit log [of|for] {person}',
      "who (viewed|read|saw|accessed) {person} data", "who has (viewed|read|seen|accessed) {person} data", 'who has looked at {person} data',
    ],
    sv: [
      'granskningslogg', 'granskningslogg {person}', 'logg {person}', 'granskningslogg för {person}',
      'vem har (sett|läst|tittat på) {person} uppgifter', 'vilka har (sett|läst) {person} uppgifter',
    ],
  },
  help: { staff: commandTexts.all('helpAudit') },
  async handle(ctx, { actor, slots }) {
    const t = commandTexts.in(ctx.lang);
    const { store } = ctx.services;
    let person: Person | null = null;
    if (slots.person) {
      const found = await findPeople(ctx, slots.person);
      if (found.length === 0) return say(ctx, t('personNotFound', { ref: slots.person }));
      if (found.length > 1) return say(ctx, t('auditSeveral', { ref: slots.person, names: formatList(found.map((p) => p.name), ctx.lang, 'disjunction') }));
      person = found[0] ?? null;
    }
    const { entries, total } = await store.audit.latest({ ...(person ? { personId: person.id } : {}), limit: AUDIT_SHOWN });
    // Who read the log, about whom: recorded after listing, so the reply does not show itself.
    await store.audit.record({ actorId: actor.id, action: 'view_audit', subjectPersonId: person?.id ?? null, details: {} });
    if (entries.length === 0) return say(ctx, person ? t('auditNonePerson', { name: person.name }) : t('auditNoneAll'));

    const ids = [...new Set(entries.flatMap((e) => [e.actorId, e.subjectPersonId]).filter((id): id is string => id !== null))];
    const names = new Map<string, string>();
    for (const id of ids) {
      const found = id === person?.id ? person : await store.people.findById(id);
      if (found) names.set(id, found.name);
    }
    const nameOf = (id: string | null, none: string) => (id === null ? none : names.get(id) ?? t('auditErased'));
    const items: ListItem[] = entries.map((entry) => {
      const details = detailsOf(entry);
      const notes = [
        typeof details.relation === 'string' ? t('auditRelation', { relation: details.relation }) : '',
        details.scheduled === true ? t('auditScheduled') : '',
      ].filter(Boolean);
      return { text: t('auditLine', {
        at: formatDateTime(entry.at, ctx.lang, actor.timeZone),
        actor: nameOf(entry.actorId, t('auditNobody')),
        note: notes.length > 0 ? ` (${notes.join(', ')})` : '',
        action: t('auditAction', { action: entry.action.replace(/\W/g, '_') }),
        subject: details.anonymised === true ? t('auditErased') : nameOf(entry.subjectPersonId, t('auditNoSubject')),
      }) };
    });
    const heading = person ? t('auditHeadingPerson', { name: person.name, total }) : t('auditHeadingAll', { total });
    const rest = total - entries.length;
    return [message(ctx.lang,
      { type: 'heading', text: heading },
      { type: 'list', items },
      ...(rest > 0 ? [{ type: 'context' as const, text: t('auditMore', { count: rest }) }] : []))];
  },
});
