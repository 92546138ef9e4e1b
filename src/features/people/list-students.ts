// "my students": the actor's students at a glance (coverage, last check-in, days left).
import { daysBetween } from '../progress/progress-view.ts';
import { computeCoverage, type Person } from '../../storage/index.ts';
import { formatDate, sayIn } from '../../i18n/say.ts';
import type { ListItem, Reply, SuggestedAction } from '../../conversation/reply.ts';
import { type CommandContext, message, unitOf } from '../../conversation/command-context.ts';
import { placementsInScope } from '../../access/student-access.ts';

export async function handleListStudents(ctx: CommandContext, actor: Person): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const { store, kb } = ctx.services;
  const placements = await placementsInScope(ctx, actor);
  if (placements.length === 0) return [message(ctx.lang, { type: 'paragraph', text: say('Sinulla ei ole tällä hetkellä opiskelijoita työpaikkajaksolla.', 'You have no students on placement at the moment.') })];
  const items: ListItem[] = [];
  const actions: SuggestedAction[] = [];
  for (const p of placements.sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const student = await store.people.findById(p.studentId);
    if (!student) continue;
    const unit = unitOf(ctx.services, p.unitIds);
    const ids = kb.requirements(unit).map((r) => r.requirement.id);
    const coverage = await computeCoverage(store.db, p.id, ids);
    const covered = coverage.filter((c) => c.status !== 'uncovered').length;
    const recent = await store.reflections.listForPlacement(p.id, { from: p.startDate, to: ctx.today });
    const last = recent.filter((r) => r.status === 'answered').map((r) => r.localDate).sort().at(-1);
    const left = daysBetween(ctx.today, p.endDate);
    await store.audit.record({ actorId: actor.id, action: 'list_student', subjectPersonId: student.id, details: {} });
    items.push({ text: `**${student.name}** · ${p.workplaceName} · ${say('näyttöä', 'evidence')} **${covered}/${ids.length}** · ${say('viimeisin reflektio', 'last reflection')} ${last ? formatDate(last, ctx.lang) : '–'} · ${left > 0 ? say(`${left} pv jäljellä`, `${left} days left`) : say('päättynyt', 'ended')}` });
    actions.push({ label: student.name, text: say(`edistyminen ${student.name}`, `progress ${student.name}`) });
  }
  return [message(ctx.lang, { type: 'heading', text: say(`Opiskelijasi (${items.length})`, `Your students (${items.length})`) }, { type: 'list', items }, { type: 'actions', actions: actions.slice(0, 5) })];
}
