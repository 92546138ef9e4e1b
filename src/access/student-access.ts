// Finding the students an actor may see, and picking one by (partial) name.
import { decideStudentAccess, type AccessDecision } from './policy.ts';
import { currentPlacement, normalizeName, type Person, type Placement } from '../storage/index.ts';
import { formatList } from '../i18n/format.ts';
import { finnishNameForms } from '../privacy/finnish-name-forms.ts';
import { editDistance } from '../text/edit-distance.ts';
import { foldDiacritics } from '../text/normalize.ts';
import { texts } from './texts.ts';
import type { Reply } from '../conversation/reply.ts';
import { type CommandContext, message } from '../conversation/command-context.ts';

/** Placements the actor instructs (now), teaches, or all for an admin. */
export async function placementsInScope(ctx: CommandContext, actor: Person): Promise<Placement[]> {
  const { placements } = ctx.services.store;
  if (actor.roles.includes('admin')) return placements.listAll();
  const lists = await Promise.all([
    actor.roles.includes('teacher') ? placements.listByTeacher(actor.id) : [],
    actor.roles.includes('instructor') ? placements.listByInstructor(actor.id) : [],
  ]);
  const byId = new Map(lists.flat().map((p) => [p.id, p]));
  return [...byId.values()].filter((p) => p.teacherId === actor.id || (p.startDate <= ctx.today && ctx.today <= p.endDate));
}

export type StudentPick =
  | { kind: 'one'; student: Person; placements: Placement[] }
  | { kind: 'reply'; replies: Reply[] };

/** "Aino" → the one matching student among the actor's, or a question back (none / which one). */
export async function pickStudent(ctx: CommandContext, actor: Person, name: string): Promise<StudentPick> {
  const t = texts.in(ctx.lang);
  const scope = await placementsInScope(ctx, actor);
  const ids = [...new Set(scope.map((p) => p.studentId))];
  let matches = name.includes('@') ? await studentsByEmail(ctx, name, ids) : await ctx.services.store.people.findStudentsByName(name, ids);
  // "Ainon edistyminen": a Finnish genitive names Aino.
  if (matches.length === 0 && /\p{L}{3,}n$/u.test(name)) matches = await ctx.services.store.people.findStudentsByName(name.slice(0, -1), ids);
  // Any other case of a name ("ainosta", "Villelle", "Ainolla"): the student whose name has that form.
  if (matches.length === 0 && /^\p{L}{3,}$/u.test(name.trim())) {
    const written = foldDiacritics(name.trim().toLowerCase());
    const people = (await ctx.services.store.people.findByIds(ids)).filter((p) => p.roles.includes('student'));
    matches = people.filter((p) => p.name.split(/\s+/).some((part, i) => finnishNameForms(part, i === 0 ? 'given' : 'family').some((form) => foldDiacritics(form.toLowerCase()) === written)));
  }
  // Namesakes: the full name as written picks the one who bears exactly it ("Aino Virtanen", not "Aino Virtanen-Koski").
  if (matches.length > 1) {
    const exact = matches.filter((m) => normalizeName(m.name) === normalizeName(name));
    if (exact.length === 1) matches = exact;
  }
  const only = matches.length === 1 ? matches[0] : undefined;
  if (only) return { kind: 'one', student: only, placements: scope.filter((p) => p.studentId === only.id) };
  if (matches.length > 1) {
    // Told apart by what the actor knows them by: the workplace, and the e-mail that picks one.
    const workplace = (id: string) => currentPlacement(scope.filter((p) => p.studentId === id), ctx.today)?.workplaceName;
    return { kind: 'reply', replies: [message(ctx.lang,
      { type: 'paragraph', text: t('severalMatch', { name }) },
      { type: 'list', items: matches.map((m) => ({ text: [m.name, workplace(m.id), m.email].filter(Boolean).join(' · ') })) },
      { type: 'context', text: t(matches.every((m) => m.email) ? 'writeFullNameOrEmail' : 'writeFullName') })] };
  }
  const known = await Promise.all(ids.map((id) => ctx.services.store.people.findById(id)));
  const names = known.filter((p): p is Person => p !== null).map((p) => p.name);
  // "Vile" → "Did you mean Ville Korhonen?": a typo of a first or last name among the actor's own students.
  const written = foldDiacritics(name.trim());
  const near = names.filter((full) => full.split(/\s+/).some((part) => editDistance(foldDiacritics(part), written, 2) <= (written.length >= 5 ? 2 : 1)));
  return { kind: 'reply', replies: [message(ctx.lang,
    { type: 'paragraph', text: near.length ? `${t('notFound', { name })} ${t('didYouMean', { names: formatList(near, ctx.lang, 'disjunction') })}` : t('notFound', { name }) },
    { type: 'context', text: names.length ? t('yourStudents', { names: names.join(', ') }) : t('noStudents') })] };
}

/** The actor's students with this e-mail address (case does not matter). */
async function studentsByEmail(ctx: CommandContext, email: string, ids: readonly string[]): Promise<Person[]> {
  const wanted = email.trim().toLowerCase();
  const people = await Promise.all(ids.map((id) => ctx.services.store.people.findById(id)));
  return people.filter((p): p is Person => p?.roles.includes('student') === true && p.email?.toLowerCase() === wanted);
}

/** Checks access to a student's data and writes the audit entry when it is someone else's. */
export async function accessStudent(ctx: CommandContext, actor: Person, studentId: string, action: string): Promise<AccessDecision> {
  const placements = await ctx.services.store.placements.listByStudent(studentId);
  const decision = decideStudentAccess(actor, studentId, placements, ctx.today);
  if (decision.allowed && decision.relation !== 'self') {
    await ctx.services.store.audit.record({ actorId: actor.id, action, subjectPersonId: studentId, details: { relation: decision.relation } });
  }
  if (!decision.allowed) {
    ctx.services.logger.warn({ actorId: actor.id, studentId, action, reason: decision.reason }, 'access refused');
  }
  return decision;
}

export function refused(ctx: CommandContext, reason: 'not-related' | 'outside-placement-period'): Reply[] {
  const t = texts.in(ctx.lang);
  return [message(ctx.lang, { type: 'paragraph', text: t(reason === 'outside-placement-period' ? 'outsidePeriod' : 'notRelated') })];
}
