// Who may see or act on a student's data. Pure functions: the callers load the facts (the actor,
// the student's placements, today's date) and must act on the decision the types hand back.
import type { LocalDate, Person, Placement, Relation } from '../storage/index.ts';

export type { Relation } from '../storage/index.ts';

export type AccessDecision =
  | { allowed: true; relation: Relation; placements: Placement[] }
  | { allowed: false; reason: 'not-related' | 'outside-placement-period' };

/**
 * A student sees their own data; an instructor only their own students and only during the
 * placement period (eHOKS: an instructor's right is tied to their own period); a teacher their
 * students; an admin everyone. `placements` are the student's placements.
 */
export function decideStudentAccess(actor: Person, studentId: string, placements: readonly Placement[], today: LocalDate): AccessDecision {
  if (actor.id === studentId) return { allowed: true, relation: 'self', placements: [...placements] };
  if (actor.roles.includes('admin')) return { allowed: true, relation: 'admin', placements: [...placements] };
  if (actor.roles.includes('teacher')) {
    const taught = placements.filter((p) => p.teacherId === actor.id);
    if (taught.length) return { allowed: true, relation: 'teacher', placements: taught };
  }
  if (actor.roles.includes('instructor')) {
    const instructed = placements.filter((p) => p.instructorId === actor.id);
    const current = instructed.filter((p) => p.startDate <= today && today <= p.endDate);
    if (current.length) return { allowed: true, relation: 'instructor', placements: current };
    if (instructed.length) return { allowed: false, reason: 'outside-placement-period' };
  }
  return { allowed: false, reason: 'not-related' };
}

/** The commands each role may use; questions about the curriculum are open to everyone. */
export const ROLE_COMMANDS = {
  student: ['progress', 'reflect', 'my-observations', 'absent', 'pause', 'resume', 'checkin-time', 'summary'],
  instructor: ['observe', 'students', 'progress', 'summary'],
  teacher: ['observe', 'students', 'progress', 'summary', 'enrol'],
  admin: ['observe', 'students', 'progress', 'summary', 'enrol', 'link', 'export', 'erase'],
} as const;

export type RoleCommand = (typeof ROLE_COMMANDS)[keyof typeof ROLE_COMMANDS][number];

export function mayUse(actor: Person, command: RoleCommand): boolean {
  return actor.roles.some((role) => (ROLE_COMMANDS[role] as readonly string[]).includes(command));
}
