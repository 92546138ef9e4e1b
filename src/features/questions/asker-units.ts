// The units a question is answered for first: a student's are those of their placements active today;
// a teacher or workplace instructor who names one of their own students ("mitä Ainon pitää osata
// arvosanaan 4") gets that student's. Anyone else, and anyone on no placement today, gets every unit
// of the base with its default unit first (plan.ts).
import type { CommandContext } from '../../conversation/command-context.ts';
import type { NamedPerson } from '../../privacy/index.ts';
import type { Placement } from '../../storage/index.ts';
import { normalizeName } from '../../storage/name-match.ts';

export interface AskerUnits {
  unitIds: string[];
  /** Names redacted should any text leave for an LLM: the asker's own, and the student asked about. */
  people: NamedPerson[];
}

const activeOn = (today: string) => (p: Placement) => p.startDate <= today && today <= p.endDate;

/** The units of the placements active today (else of the latest one that has begun), in placement order, once each. */
function currentUnitIds(placements: readonly Placement[], today: string): string[] {
  const active = placements.filter(activeOn(today));
  const begun = placements.filter((p) => p.startDate <= today).sort((a, b) => b.startDate.localeCompare(a.startDate));
  const chosen = active.length ? active : begun.slice(0, 1);
  return [...new Set(chosen.flatMap((p) => p.unitIds))];
}

/** A first name (or surname) written in the text, inflected or not ("Ainon", "Virtaselle"): its first four letters at a word's start. */
function namesIn(text: string, name: string): boolean {
  const words = normalizeName(text).split(' ');
  return normalizeName(name)
    .split(' ')
    .filter((part) => part.length >= 3)
    .some((part) => words.some((w) => w === part || (w.startsWith(part.slice(0, Math.max(4, part.length - 1))) && w.length <= part.length + 4)));
}

export async function askerUnits(ctx: CommandContext, text: string): Promise<AskerUnits> {
  const { actor } = ctx;
  if (!actor) return { unitIds: [], people: [] };
  const self: NamedPerson = { name: actor.name, kind: actor.roles.includes('student') ? 'student' : 'person' };
  const { placements, people } = ctx.services.store;
  if (actor.roles.includes('student')) return { unitIds: currentUnitIds(await placements.listByStudent(actor.id), ctx.today), people: [self] };
  if (!actor.roles.includes('teacher') && !actor.roles.includes('instructor')) return { unitIds: [], people: [self] };
  // Only the staff member's own students: a name is looked for among them, never the whole school.
  const supervised = [...(await placements.listByTeacher(actor.id)), ...(await placements.listByInstructor(actor.id))];
  for (const studentId of [...new Set(supervised.map((p) => p.studentId))]) {
    const student = await people.findById(studentId);
    if (!student || !namesIn(text, student.name)) continue;
    const theirs = supervised.filter((p) => p.studentId === studentId);
    return { unitIds: currentUnitIds(theirs, ctx.today), people: [self, { name: student.name, kind: 'student' }] };
  }
  return { unitIds: [], people: [self] };
}
