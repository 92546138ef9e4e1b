// "my students": the actor's students at a glance (coverage, last check-in, days left).
import { placementsInScope } from '../../access/student-access.ts';
import { daysBetween } from '../../calendar/index.ts';
import { defineCommand } from '../../conversation/command.ts';
import { message, unitsOf } from '../../conversation/command-context.ts';
import type { ListItem, SuggestedAction } from '../../conversation/reply.ts';
import { formatDate } from '../../i18n/format.ts';
import { commandTexts } from './command-texts.ts';

export const studentsCommand = defineCommand({
  id: 'students',
  roles: ['instructor', 'teacher', 'admin'],
  // Each listed student is audited one by one in the handler.
  subject: { kind: 'none' },
  slots: {},
  phrasings: {
    fi: ['opiskelijani', 'opiskelijat', 'omat opiskelijat', 'minun opiskelijani', 'mun opiskelijat', 'näytä opiskelijat', 'näytä opiskelijani', '[kaikki] [mun|minun] opiskelijat', '(ketä|keitä) (mä|minä) (ohjaan|opetan)', 'ketkä ovat (opiskelijani|mun opiskelijat)'],
    en: ['my students', 'students', 'show my students', 'list students', 'list my students', '[all] [my] students', 'who are my students', 'who do i (supervise|teach|instruct)'],
    sv: ['mina studerande', 'studerande', 'visa mina studerande', 'mina elever', 'vilka är mina studerande', 'vem handleder jag', '(vilka|vem) (elever|studerande) har jag'],
  },
  help: { staff: commandTexts.all('helpStudents') },
  async handle(ctx, { actor }) {
    const t = commandTexts.in(ctx.lang);
    const { store, kb } = ctx.services;
    const placements = await placementsInScope(ctx, actor);
    if (placements.length === 0) return [message(ctx.lang, { type: 'paragraph', text: t('noStudents') })];
    const items: ListItem[] = [];
    const actions: SuggestedAction[] = [];
    for (const p of placements.sort((a, b) => a.startDate.localeCompare(b.startDate))) {
      const student = await store.people.findById(p.studentId);
      if (!student) continue;
      // Coverage over every unit of the placement (the progress view splits it per unit).
      const ids = unitsOf(ctx.services, p.unitIds).flatMap((unit) => kb.requirements(unit).map((r) => r.requirement.id));
      const coverage = await store.coverage.forPlacement(p.id, ids);
      // A placement enrolled ahead of its start has no reflections yet (and no range to ask for).
      const recent = p.startDate <= ctx.today ? await store.reflections.listForPlacement(p.id, { from: p.startDate, to: ctx.today }) : [];
      const last = recent.filter((r) => r.status === 'answered').map((r) => r.localDate).sort().at(-1);
      await store.audit.record({ actorId: actor.id, action: 'list_student', subjectPersonId: student.id, details: {} });
      items.push({ text: t('studentLine', {
        name: student.name,
        workplace: p.workplaceName,
        covered: coverage.filter((c) => c.status !== 'uncovered').length,
        total: ids.length,
        last: last ? formatDate(last, ctx.lang) : '–',
        left: Math.max(0, daysBetween(ctx.today, p.endDate)),
      }) });
      actions.push({ label: student.name, text: t('progressAction', { name: student.name }) });
    }
    return [message(ctx.lang, { type: 'heading', text: t('heading', { count: items.length }) }, { type: 'list', items }, { type: 'actions', actions: actions.slice(0, 5) })];
  },
});
