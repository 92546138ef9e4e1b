// "lisää jakso …" / "enrol …": a teacher (or an admin) enrols a placement in one message of
// key=value fields or in words (understanding/fields.ts). People are matched by e-mail, local id or
// name (one person of that name), and created when new (with an e-mail). Dates may be
// written 2026-12-07 or 7.12.2026; the units by id or name, several separated by ";" or "|"
// (`tutkinnon_osa="Asiakkuuksien hoitaminen; Myynti"`). Every problem is told in the writer's language.
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, message } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Person } from '../../storage/index.ts';
import { type EnrolmentPerson, newPlacementSchema } from '../../storage/placement-repo.ts';
import { parseWrittenDate, parseWrittenTime } from '../../text/dates.ts';
import { commandTexts } from './command-texts.ts';
import { knownUnitLines, resolveUnitRefs, splitUnitRefs } from './unit-refs.ts';
import { textIn } from '../../knowledge/schema.ts';

// Field names in Finnish, English and Swedish (folded: ä → a), to the one name used below.
const ALIASES: Record<string, string> = {
  opiskelija: 'student', student: 'student', studerande: 'student',
  opiskelijan_nimi: 'student_name', student_name: 'student_name', studerandes_namn: 'student_name',
  ohjaaja: 'instructor', instructor: 'instructor', handledare: 'instructor',
  ohjaajan_nimi: 'instructor_name', instructor_name: 'instructor_name', handledares_namn: 'instructor_name',
  opettaja: 'teacher', teacher: 'teacher', larare: 'teacher',
  tyopaikka: 'workplace', workplace: 'workplace', arbetsplats: 'workplace',
  'y-tunnus': 'business_id', ytunnus: 'business_id', business_id: 'business_id', 'business-id': 'business_id', 'fo-nummer': 'business_id',
  alku: 'start', start: 'start', borjan: 'start', loppu: 'end', end: 'end', slut: 'end',
  aika: 'checkin', checkin: 'checkin', kyselyaika: 'checkin', tid: 'checkin',
  tutkinnon_osa: 'unit', tutkinnon_osat: 'unit', unit: 'unit', units: 'unit', examensdel: 'unit', examensdelar: 'unit', tehtavat: 'tasks', tasks: 'tasks', uppgifter: 'tasks',
};

// Which field a schema path stands for, to name it as the writer wrote it.
const FIELD_OF_PATH: Record<string, string> = { startDate: 'start', endDate: 'end', checkinTime: 'checkin', workplaceBusinessId: 'business_id', workplaceName: 'workplace', keyWorkTasks: 'tasks' };

/** Units that name nothing the bot knows: which ones, and the units it does know (the likeliest first). */
function unknownUnits(ctx: CommandContext, unknown: readonly string[]): Reply[] {
  const t = commandTexts.in(ctx.lang);
  const known = knownUnitLines(ctx.services.kb.units, unknown, ctx.lang);
  return [message(ctx.lang,
    { type: 'paragraph', text: t('unknownUnits', { count: unknown.length, units: unknown.map((u) => `"${u}"`).join(', ') }) },
    { type: 'paragraph', text: t('knownUnitsIntro', { count: ctx.services.kb.units.length }) },
    { type: 'list', items: known.lines.map((text) => ({ text })) },
    ...(known.more > 0 ? [{ type: 'context' as const, text: t('moreUnits', { count: known.more }) }] : []),
    { type: 'context', text: t('unitsHint') },
  )];
}

function usage(ctx: CommandContext): Reply[] {
  const t = commandTexts.in(ctx.lang);
  return [message(ctx.lang, { type: 'paragraph', text: t('usageIntro') }, { type: 'quote', text: t('usageExample') }, { type: 'context', text: t('usageFields') })];
}

const AMBIGUOUS = 'ambiguous';

/**
 * Someone named in words ("ohjaaja Sanna Koskinen", "Villelle"): the one person of that name who has
 * the role, else the one person of that name; several is a question back, none is nobody.
 */
async function byName(ctx: CommandContext, ref: string, role: 'student' | 'instructor'): Promise<Person | typeof AMBIGUOUS | null> {
  if (!/\p{L}/u.test(ref)) return null;
  const found = await ctx.services.store.people.findByName(ref.trim());
  const inRole = found.filter((p) => p.roles.includes(role));
  const candidates = inRole.length > 0 ? inRole : found;
  if (candidates.length > 1) return AMBIGUOUS;
  return candidates[0] ?? null;
}

/** Who `ref` is in this enrolment, decided before anything is stored: someone known, someone new, or why not. */
async function personFor(ctx: CommandContext, actor: Person, ref: string, name: string | undefined, role: 'student' | 'instructor'): Promise<{ who: EnrolmentPerson; known: Person | null } | string> {
  const t = commandTexts.in(ctx.lang);
  const { people } = ctx.services.store;
  const existing = ref.includes('@') ? await people.findByEmail(ref) : ((await people.findById(ref)) ?? (await byName(ctx, ref, role)));
  if (existing === AMBIGUOUS) return t('personAmbiguous', { ref, names: (await people.findByName(ref)).map((p) => p.name).join(', ') });
  if (existing) {
    if (existing.roles.includes(role)) return { who: { id: existing.id }, known: existing };
    // A teacher's enrolment never turns a student into an instructor or the admin into a student.
    if (!actor.roles.includes('admin')) {
      ctx.services.logger.warn({ actorId: actor.id, personId: existing.id, role }, 'enrolment would change an existing person\'s roles');
      return t('otherRole', { name: existing.name, roles: existing.roles.join(', ') });
    }
    return { who: { id: existing.id, addRole: role }, known: existing };
  }
  if (!ref.includes('@')) return t('personNotFound', { ref });
  if (!name) return t('newPersonNeedsName', { ref, field: t(role === 'student' ? 'fieldStudentName' : 'fieldInstructorName') });
  return { who: { create: { name, email: ref, roles: [role] } }, known: null };
}

export const enrolCommand = defineCommand({
  id: 'enrol',
  roles: ['teacher', 'admin'],
  subject: { kind: 'none' },
  slots: { fields: { type: 'fields' } },
  phrasings: {
    fi: ['lisää jakso {fields}', 'uusi jakso {fields}', 'lisää työpaikkajakso {fields}'],
    en: ['enrol {fields}', 'enroll {fields}', 'new placement {fields}', 'add placement {fields}'],
    sv: ['ny period {fields}', 'lägg till period {fields}', 'ny arbetsplatsperiod {fields}'],
  },
  help: { staff: commandTexts.all('helpEnrol') },
  async handle(ctx, { actor, slots }) {
    const t = commandTexts.in(ctx.lang);
    const f: Record<string, string> = {};
    for (const [k, v] of Object.entries(slots.fields)) f[ALIASES[k] ?? k] = v;
    const required = ['student', 'workplace', 'start', 'end'] as const;
    const missing = required.filter((field) => !f[field]);
    // Some fields given ("uus jakso Villelle Sannan ohjaukseen, alku … loppu …"): which ones are still missing, then how to write it.
    if (missing.length > 0 && missing.length < required.length) {
      const names = t('fieldNames').split('|');
      const fields = missing.map((field) => names[required.indexOf(field)] ?? field).join(', ');
      return [message(ctx.lang, { type: 'paragraph', text: t('missingFields', { fields }) }), ...usage(ctx)];
    }
    if (!f.student || !f.workplace || !f.start || !f.end) return usage(ctx);
    // The units the placement covers; without the field, the knowledge base's default unit.
    const named = resolveUnitRefs(ctx.services.kb.units, splitUnitRefs(f.unit ?? ''));
    if (named.unknown.length > 0) return unknownUnits(ctx, named.unknown);
    const units = named.units.length > 0 ? named.units : [ctx.services.kb.defaultUnit()];
    const unitIds = units.map((unit) => unit.id);
    const startDate = parseWrittenDate(f.start, ctx.today) ?? f.start;
    const endDate = parseWrittenDate(f.end, ctx.today) ?? f.end;
    const checkinTime = f.checkin ? parseWrittenTime(f.checkin) ?? f.checkin : undefined;

    // Validate everything before creating anyone, so that nothing is stored half-way.
    const probe = newPlacementSchema.safeParse({
      studentId: 'probe', workplaceName: f.workplace, workplaceBusinessId: f.business_id ?? null, unitIds,
      startDate, endDate, ...(checkinTime ? { checkinTime } : {}),
    });
    if (!probe.success) {
      const writtenKey = (field: string) => Object.keys(slots.fields).find((key) => (ALIASES[key] ?? key) === field) ?? field;
      const problems = [...new Set(probe.error.issues.map((issue) => {
        const path = String(issue.path[0] ?? '');
        const field = FIELD_OF_PATH[path] ?? path;
        if (path === 'endDate' && issue.code === 'custom') return t('problemEndBeforeStart');
        if (path === 'startDate' || path === 'endDate') return t('problemDate', { field: writtenKey(field) });
        if (path === 'checkinTime') return t('problemTime');
        if (path === 'workplaceBusinessId') return t('problemBusinessId');
        return t('problemText', { field: writtenKey(field) });
      }))];
      return [message(ctx.lang, { type: 'paragraph', text: t('notAdded') }, { type: 'list', items: problems.map((p) => ({ text: p })) })];
    }
    // Everything is checked first; then the people, the placement and its audit entry are stored in one transaction.
    const student = await personFor(ctx, actor, f.student, f.student_name, 'student');
    if (typeof student === 'string') return [message(ctx.lang, { type: 'paragraph', text: student })];
    // Nor does it attach another teacher's student to this teacher's placement.
    if (student.known && !actor.roles.includes('admin')) {
      const theirs = await ctx.services.store.placements.listByStudent(student.known.id);
      if (theirs.some((p) => p.teacherId !== null && p.teacherId !== actor.id)) {
        ctx.services.logger.warn({ actorId: actor.id, studentId: student.known.id }, 'enrolment of another teacher\'s student refused');
        return [message(ctx.lang, { type: 'paragraph', text: t('otherTeacher', { name: student.known.name }) })];
      }
    }
    if (f.instructor && f.instructor.trim().toLowerCase() === f.student.trim().toLowerCase()) return [message(ctx.lang, { type: 'paragraph', text: t('samePerson') })];
    const instructor = f.instructor ? await personFor(ctx, actor, f.instructor, f.instructor_name, 'instructor') : null;
    if (typeof instructor === 'string') return [message(ctx.lang, { type: 'paragraph', text: instructor })];
    const teacherId = actor.roles.includes('teacher') ? actor.id : f.teacher ? (await ctx.services.store.people.findByEmail(f.teacher))?.id ?? null : null;
    const enrolled = await ctx.services.store.placements.enrol({
      actorId: actor.id,
      student: student.who,
      instructor: instructor?.who ?? null,
      placement: {
        teacherId, workplaceName: f.workplace, workplaceBusinessId: f.business_id ?? null, unitIds, startDate, endDate,
        ...(checkinTime ? { checkinTime } : {}),
        keyWorkTasks: f.tasks ? f.tasks.split(';').map((task) => task.trim()).filter(Boolean) : [],
        status: startDate <= ctx.today ? 'active' : 'planned',
      },
    });
    const { placement } = enrolled;
    return [message(ctx.lang,
      { type: 'heading', text: t('enrolled') },
      { type: 'list', items: [
        { text: t('student', { name: enrolled.student.name }) },
        { text: t('workplace', { workplace: `${placement.workplaceName}${placement.workplaceBusinessId ? ` (${placement.workplaceBusinessId})` : ''}` }) },
        { text: t('instructor', { name: enrolled.instructor?.name ?? '–' }) },
        { text: t('units', { count: units.length, units: units.map((unit) => textIn(unit.name, ctx.lang)).join(', ') }) },
        { text: t('period', { from: formatDate(placement.startDate, ctx.lang), to: formatDate(placement.endDate, ctx.lang), time: placement.checkinTime }) },
      ] })];
  },
});
