// "lisää jakso …" / "enrol …": a teacher (or an admin) enrols a placement in one message of
// key=value fields. People are matched by e-mail (or local id) and created when new.
import { isStorageError, type Person } from '../../storage/index.ts';
import { newPlacementSchema } from '../../storage/placement-repo.ts';
import { formatDate, sayIn } from '../../i18n/say.ts';
import type { Reply } from '../../conversation/reply.ts';
import { type CommandContext, message } from '../../conversation/command-context.ts';

const ALIASES: Record<string, string> = {
  opiskelija: 'student', student: 'student', opiskelijan_nimi: 'student_name', student_name: 'student_name',
  ohjaaja: 'instructor', instructor: 'instructor', ohjaajan_nimi: 'instructor_name', instructor_name: 'instructor_name',
  opettaja: 'teacher', teacher: 'teacher',
  tyopaikka: 'workplace', työpaikka: 'workplace', workplace: 'workplace',
  'y-tunnus': 'business_id', ytunnus: 'business_id', business_id: 'business_id', 'business-id': 'business_id',
  alku: 'start', start: 'start', loppu: 'end', end: 'end', aika: 'checkin', checkin: 'checkin', kyselyaika: 'checkin',
  tutkinnon_osa: 'unit', unit: 'unit', tehtavat: 'tasks', tehtävät: 'tasks', tasks: 'tasks',
};

function usage(ctx: CommandContext): Reply[] {
  const say = sayIn(ctx.lang);
  return [message(ctx.lang,
    { type: 'paragraph', text: say('Lisää työpaikkajakso yhdellä viestillä, esimerkiksi:', 'Enrol a placement in one message, for example:') },
    { type: 'quote', text: say(
      'lisää jakso opiskelija=aino.virtanen@koulu.fi opiskelijan_nimi="Aino Virtanen" ohjaaja=mikko.laine@yritys.fi ohjaajan_nimi="Mikko Laine" työpaikka="Kodin Tekniikka Oy" y-tunnus=1234567-1 alku=2026-11-02 loppu=2027-01-29',
      'enrol student=aino.virtanen@school.fi student_name="Aino Virtanen" instructor=mikko.laine@company.fi instructor_name="Mikko Laine" workplace="Kodin Tekniikka Oy" business_id=1234567-1 start=2026-11-02 end=2027-01-29') },
    { type: 'context', text: say('Pakolliset: opiskelija, työpaikka, alku, loppu. Valinnaiset: ohjaaja, y-tunnus, aika (kyselyaika, oletus 15:00), tutkinnon_osa, tehtävät (;-eroteltu). Nimet tarvitaan, jos henkilö on uusi.', 'Required: student, workplace, start, end. Optional: instructor, business_id, checkin (default 15:00), unit, tasks (;-separated). Names are needed for people who are new.') })];
}

async function findOrCreate(ctx: CommandContext, ref: string, name: string | undefined, role: 'student' | 'instructor'): Promise<Person | string> {
  const say = sayIn(ctx.lang);
  const { people } = ctx.services.store;
  const existing = ref.includes('@') ? await people.findByEmail(ref) : await people.findById(ref);
  if (existing) {
    if (!existing.roles.includes(role)) return people.update(existing.id, { roles: [...existing.roles, role] });
    return existing;
  }
  if (!ref.includes('@')) return say(`Henkilöä "${ref}" ei löydy. Anna sähköpostiosoite ja nimi.`, `No person "${ref}". Give an e-mail address and a name.`);
  if (!name) return say(`${ref} on uusi: anna myös nimi (${role === 'student' ? 'opiskelijan_nimi' : 'ohjaajan_nimi'}="…").`, `${ref} is new: give a name too (${role === 'student' ? 'student_name' : 'instructor_name'}="…").`);
  return people.create({ name, email: ref, roles: [role] });
}

export async function handleEnrol(ctx: CommandContext, actor: Person, raw: Record<string, string>): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const f: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) f[ALIASES[k] ?? k] = v;
  if (!f.student || !f.workplace || !f.start || !f.end) return usage(ctx);
  const unitId = f.unit ?? ctx.services.kb.defaultUnit().id;
  if (!ctx.services.kb.unit(unitId)) return [message(ctx.lang, { type: 'paragraph', text: say(`Tutkinnon osaa "${unitId}" ei ole tietopohjassa.`, `The unit "${unitId}" is not in the knowledge base.`) })];

  // Validate everything before creating anyone, so that nothing is stored half-way.
  const probe = newPlacementSchema.safeParse({
    studentId: 'probe', workplaceName: f.workplace, workplaceBusinessId: f.business_id ?? null, unitIds: [unitId],
    startDate: f.start, endDate: f.end, ...(f.checkin ? { checkinTime: f.checkin } : {}),
  });
  if (!probe.success) {
    const problems = probe.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return [message(ctx.lang, { type: 'paragraph', text: say('Jaksoa ei lisätty:', 'The placement was not added:') }, { type: 'list', items: problems.map((p) => ({ text: p })) })];
  }
  const student = await findOrCreate(ctx, f.student, f.student_name, 'student');
  if (typeof student === 'string') return [message(ctx.lang, { type: 'paragraph', text: student })];
  const instructor = f.instructor ? await findOrCreate(ctx, f.instructor, f.instructor_name, 'instructor') : null;
  if (typeof instructor === 'string') return [message(ctx.lang, { type: 'paragraph', text: instructor })];
  const teacherId = actor.roles.includes('teacher') ? actor.id : f.teacher ? (await ctx.services.store.people.findByEmail(f.teacher))?.id ?? null : null;
  try {
    const placement = await ctx.services.store.placements.create({
      studentId: student.id, instructorId: instructor?.id ?? null, teacherId, workplaceName: f.workplace,
      workplaceBusinessId: f.business_id ?? null, unitIds: [unitId], startDate: f.start, endDate: f.end,
      ...(f.checkin ? { checkinTime: f.checkin } : {}),
      keyWorkTasks: f.tasks ? f.tasks.split(';').map((t) => t.trim()).filter(Boolean) : [],
      status: f.start <= ctx.today ? 'active' : 'planned',
    });
    await ctx.services.store.audit.record({ actorId: actor.id, action: 'enrol_placement', subjectPersonId: student.id, details: { placementId: placement.id } });
    return [message(ctx.lang,
      { type: 'heading', text: say('Työpaikkajakso lisätty ✓', 'Placement enrolled ✓') },
      { type: 'list', items: [
        { text: `${say('Opiskelija', 'Student')}: ${student.name}` },
        { text: `${say('Työpaikka', 'Workplace')}: ${placement.workplaceName}${placement.workplaceBusinessId ? ` (${placement.workplaceBusinessId})` : ''}` },
        { text: `${say('Ohjaaja', 'Instructor')}: ${instructor?.name ?? '–'}` },
        { text: `${say('Jakso', 'Period')}: ${formatDate(placement.startDate, ctx.lang)}–${formatDate(placement.endDate, ctx.lang)} · ${say('kysely klo', 'check-in at')} ${placement.checkinTime}` },
      ] })];
  } catch (error) {
    if (isStorageError(error) && error.userVisible) return [message(ctx.lang, { type: 'paragraph', text: error.message })];
    throw error;
  }
}
