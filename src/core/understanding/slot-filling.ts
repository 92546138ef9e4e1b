// A guessed command's slots filled from the entities a message carries (entities.ts), by type, or
// no fill at all: a command is only taken from a guess when every slot it needs has exactly one value
// of its kind, and nothing typed in the message is left over. A date no slot takes ("mitä pitää osata
// ennen näyttöä 15.12." guessed as some command), a second name where one is wanted, a time for a
// command without one: each means the guess explains the message badly, so it stays free text.
import type { Command, SlotSpec } from '../../conversation/command.ts';
import type { Entities, KnownPerson } from './entities.ts';
import type { SlotRaw } from './phrasing.ts';

/** Everything typed fitted, but a value the command needs was not there or named more than one. */
export const MISSING = 'missing';

export interface FilledSlots {
  values: Record<string, SlotRaw>;
  /**
   * How many slots that the command needs, or that take a typed value (date, time, id, platform), were
   * filled: such a guess goes before the statements. A name in an optional slot does not count:
   * "Aino teki erinomaisen tarjouksen" is an observation to draft before it is anyone's summary.
   */
  filled: number;
}

/**
 * `students`: the ids of the students the actor may name (a `student` slot takes only those; a
 * `person` slot anyone found). Choice slots are never set from a guess: they keep their default,
 * so a guessed erase only asks for its confirmation. MISSING: the message fits the command but
 * lacks a value it needs (or names two where it needs one), so the user may be shown how to write it.
 */
export function fillSlots(command: Command, entities: Entities, students: ReadonlySet<string>): FilledSlots | typeof MISSING | null {
  const specs = Object.entries(command.slots) as [string, SlotSpec][];
  const count = (wanted: (spec: SlotSpec) => boolean) => specs.filter(([, spec]) => wanted(spec)).length;
  const namesSomeone = (spec: SlotSpec) => spec.type === 'student' || spec.type === 'person' || (spec.type === 'word' && spec.entity === 'person');
  // Everything typed must have a place (the dates of named fields are the fields').
  const fieldsSlot = count((s) => s.type === 'fields') > 0 && Object.keys(entities.fields).length > 0;
  if (!fieldsSlot && entities.dates.length > count((s) => s.type === 'date')) return null;
  if (entities.times.length > count((s) => s.type === 'time')) return null;
  if (entities.accounts.length > count((s) => s.type === 'word' && s.entity === 'account')) return null;
  // A name beside the one account id a command takes is the account's owner ("Aino's old Slack account U01AINO77 got deactivated").
  const owner = entities.accounts.length === 1 && count((s) => s.type === 'word' && s.entity === 'account') === 1 && entities.people.length === 1;
  // A person named for a command that takes its values as named fields ("lisää uusi jakso Villelle"): the fields are missing.
  if (!fieldsSlot && !owner && entities.people.length + entities.emails.length > 0 && count(namesSomeone) === 0) return count((s) => s.type === 'fields') > 0 ? MISSING : null;
  const dateSlots = count((s) => s.type === 'date');
  // Dates in figures first, then in words ("tauko huomisesta" has only words), as many as there are date slots.
  const dates = dateSlots ? [...entities.dates, ...entities.dayWords].slice(0, dateSlots) : [];
  // "mitä kyselyssä kysytään klo 9", "what should i know before 15.12.": a date or time asked about.
  if (entities.asks && dates.length + entities.dates.length + entities.times.length > 0) return null;

  const values: Record<string, SlotRaw> = {};
  let filled = 0;
  const one = <T>(found: readonly T[]): T | null | 'ambiguous' => (found.length > 1 ? 'ambiguous' : (found[0] ?? null));
  for (const [name, spec] of specs) {
    const optional = 'optional' in spec && spec.optional === true;
    let value: SlotRaw | 'ambiguous' = null;
    switch (spec.type) {
      case 'date':
        value = dates.shift() ?? null;
        break;
      case 'time':
        value = one(entities.times);
        break;
      case 'student': {
        const named = entities.people.filter((p) => students.has(p.id));
        // A name found that is none of the actor's students: not this command's (or not for this actor).
        if (named.length === 0 && entities.people.length > 0) return null;
        const person = one(named);
        value = person === 'ambiguous' ? person : (person?.name ?? null);
        break;
      }
      case 'person':
        value = personRef(entities);
        break;
      case 'word':
        if (spec.entity === 'platform') value = one(entities.platforms);
        else if (spec.entity === 'account') value = one(entities.accounts);
        else if (spec.entity === 'person') value = personRef(entities);
        break;
      case 'text':
        value = optional ? null : entities.text;
        break;
      case 'fields':
        if (fieldsSlot) value = entities.fields;
        else if (!optional) return MISSING;
        break;
      case 'choice':
        continue;
    }
    if (value === 'ambiguous') return MISSING;
    if (value === null || value === '') {
      if (!optional) return MISSING;
      continue;
    }
    values[name] = value;
    if (!optional || spec.type === 'date' || spec.type === 'time' || spec.type === 'word') filled++;
  }
  return { values, filled };
}

/** The one person named (by id, as the admin commands look people up) or e-mail written. */
function personRef(entities: Entities): string | null | 'ambiguous' {
  const refs = [...entities.people.map((p: KnownPerson) => p.id), ...entities.emails];
  return refs.length > 1 ? 'ambiguous' : (refs[0] ?? null);
}
