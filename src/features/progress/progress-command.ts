// "my progress" (a student) and "progress Aino" (their instructor, teacher or an admin).
import { buildProgressReply } from './progress-view.ts';
import { computeCoverage, type Person, type Placement } from '../../storage/index.ts';
import { sayIn } from '../../i18n/say.ts';
import type { Reply } from '../../conversation/reply.ts';
import { type CommandContext, message, unitOf } from '../../conversation/command-context.ts';
import { accessStudent, pickStudent, refused } from '../../access/student-access.ts';

/** The placement that matters today: the active one, else the latest that has started. */
export function currentPlacement(placements: readonly Placement[], today: string): Placement | undefined {
  const active = placements.find((p) => p.startDate <= today && today <= p.endDate);
  if (active) return active;
  return [...placements].filter((p) => p.startDate <= today).sort((a, b) => b.endDate.localeCompare(a.endDate))[0] ?? placements[0];
}

export async function progressReplies(ctx: CommandContext, student: Person, placements: readonly Placement[], self: boolean): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const placement = currentPlacement(placements, ctx.today);
  if (!placement) return [message(ctx.lang, { type: 'paragraph', text: self
    ? say('Sinulla ei ole työpaikkajaksoa Osaavassa. Pyydä opettajaasi lisäämään se.', 'You have no placement in Osaava. Ask your teacher to add it.')
    : say(`Opiskelijalla ${student.name} ei ole työpaikkajaksoa.`, `${student.name} has no placement.`) })];
  const unit = unitOf(ctx.services, placement.unitIds);
  const coverage = await computeCoverage(ctx.services.store.db, placement.id, ctx.services.kb.requirements(unit).map((r) => r.requirement.id));
  return [buildProgressReply(ctx.services.kb, { student, placement, unit, coverage, today: ctx.today }, ctx.lang, self)];
}

export async function handleProgress(ctx: CommandContext, actor: Person, studentName: string | null): Promise<Reply[]> {
  if (studentName === null) {
    if (actor.roles.includes('student')) return progressReplies(ctx, actor, await ctx.services.store.placements.listByStudent(actor.id), true);
    const say = sayIn(ctx.lang);
    return [message(ctx.lang, { type: 'paragraph', text: say('Kenen edistymisen haluat nähdä? Kirjoita esim. "edistyminen Aino" tai "opiskelijani".', 'Whose progress do you want to see? Write e.g. "progress Aino" or "my students".') })];
  }
  if (!actor.roles.some((r) => r !== 'student')) {
    // A student names someone: only their own data is theirs to see (their own name still works).
    if (!actor.name.toLowerCase().includes(studentName.toLowerCase())) {
      ctx.services.logger.warn({ actorId: actor.id, command: 'progress' }, 'student asked for another student\'s progress');
      return refused(ctx, 'not-related');
    }
    return progressReplies(ctx, actor, await ctx.services.store.placements.listByStudent(actor.id), true);
  }
  const pick = await pickStudent(ctx, actor, studentName);
  if (pick.kind === 'reply') return pick.replies;
  const decision = await accessStudent(ctx, actor, pick.student.id, 'view_progress');
  if (!decision.allowed) return refused(ctx, decision.reason);
  return progressReplies(ctx, pick.student, decision.placements, false);
}
