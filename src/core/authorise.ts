// Authorisation from a command's declaration, before its handler runs: the actor's role, then whose
// data the command touches. A named student is found among the actor's own students and the
// relationship is checked (an instructor only during the placement) and audited.
import { accessStudent, pickStudent, refused } from '../access/student-access.ts';
import type { Command, Subject } from '../conversation/command.ts';
import type { CommandContext } from '../conversation/command-context.ts';
import { message } from '../conversation/command-context.ts';
import type { Reply } from '../conversation/reply.ts';
import type { Person } from '../storage/index.ts';
import { texts } from './texts.ts';

export type Authorisation = { allowed: true; subject: Subject | null } | { allowed: false; replies: Reply[] };

const STAFF_ROLES = new Set(['instructor', 'teacher', 'admin']);

export async function authorise(ctx: CommandContext, actor: Person, command: Command, slots: Readonly<Record<string, unknown>>): Promise<Authorisation> {
  const log = ctx.services.logger;
  if (!command.roles.some((role) => actor.roles.includes(role))) {
    log.info({ actorId: actor.id, command: command.id }, 'command not allowed for role');
    return { allowed: false, replies: [message(ctx.lang, { type: 'paragraph', text: texts.in(ctx.lang)('notForRole') })] };
  }
  const rule = command.subject;
  if (rule.kind !== 'student') return { allowed: true, subject: null };
  const name = slots[rule.slot];
  if (typeof name !== 'string' || !name.trim()) return { allowed: true, subject: null };

  // One's own name is one's own data, whoever asks.
  const written = name.trim().toLowerCase();
  if (actor.name.toLowerCase().includes(written) || (written.endsWith('n') && actor.name.toLowerCase().includes(written.slice(0, -1)))) {
    return { allowed: true, subject: { student: actor, placements: await ctx.services.store.placements.listByStudent(actor.id), relation: 'self' } };
  }
  if (!actor.roles.some((role) => STAFF_ROLES.has(role))) {
    log.warn({ actorId: actor.id, command: command.id }, "student asked for another student's data");
    return { allowed: false, replies: refused(ctx, 'not-related') };
  }
  const pick = await pickStudent(ctx, actor, name.trim());
  if (pick.kind === 'reply') return { allowed: false, replies: pick.replies };
  const decision = await accessStudent(ctx, actor, pick.student.id, rule.action);
  if (!decision.allowed) return { allowed: false, replies: refused(ctx, decision.reason) };
  return { allowed: true, subject: { student: pick.student, placements: decision.placements, relation: decision.relation } };
}
