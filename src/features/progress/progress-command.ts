// "my progress" (a student) and "progress Aino" (their instructor, teacher or an admin): which
// requirements have evidence and which are still missing before the skills demonstration.
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, message, unitOf } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import { currentPlacement, type Person, type Placement } from '../../storage/index.ts';
import { commandTexts } from './command-texts.ts';
import { buildProgressReply } from './progress-view.ts';

export async function progressReplies(ctx: CommandContext, student: Person, placements: readonly Placement[], self: boolean): Promise<Reply[]> {
  const t = commandTexts.in(ctx.lang);
  const placement = currentPlacement(placements, ctx.today);
  if (!placement) return [message(ctx.lang, { type: 'paragraph', text: self ? t('noPlacementSelf') : t('noPlacementOther', { name: student.name }) })];
  const unit = unitOf(ctx.services, placement.unitIds);
  const coverage = await ctx.services.store.coverage.forPlacement(placement.id, ctx.services.kb.requirements(unit).map((r) => r.requirement.id));
  return [buildProgressReply(ctx.services.kb, { student, placement, unit, coverage, today: ctx.today }, ctx.lang, self)];
}

export const progressCommand = defineCommand({
  id: 'progress',
  roles: ['student', 'instructor', 'teacher', 'admin'],
  subject: { kind: 'student', slot: 'student', action: 'view_progress' },
  slots: { student: { type: 'student', optional: true } },
  phrasings: {
    fi: [
      'edistymiseni', 'edistyminen', 'oma edistyminen', 'mun edistyminen', 'minun edistymiseni', 'näytä edistymiseni', 'näytä edistyminen',
      'tilanne', 'tilanteeni', 'mikä on tilanteeni', 'miten olen edistynyt',
      'missä vaiheessa (olen|oon|mä oon|ollaan)', 'miten mulla menee', 'mitä (puuttuu|vielä puuttuu|on näyttämättä)', 'mitä mulla on (näyttämättä|tekemättä)',
      'edistyminen {student}', 'näytä edistyminen {student}', '{student} edistyminen', 'miten {student} edistyy', 'miten {student} (menee|sujuu)', 'miten {student} (pärjää|on edistynyt)',
    ],
    en: ['my progress', 'progress', 'show my progress', 'where am i', 'how am i doing', 'how far (along am i|have i got|have i come)', "what's (missing|left)", 'progress {student}', 'progress of {student}', 'show progress of {student}', 'how is {student} doing', 'how is {student} getting on', 'how is {student} progressing'],
    sv: ['mina framsteg', 'framsteg', 'visa mina framsteg', 'hur går det för mig', 'hur långt har jag kommit', 'vad saknas [ännu]', 'framsteg {student}', 'visa framsteg för {student}', 'hur går det för {student}'],
  },
  help: { student: commandTexts.all('helpStudent'), staff: commandTexts.all('helpStaff') },
  async handle(ctx, { actor, subject }) {
    if (subject) return progressReplies(ctx, subject.student, subject.placements, subject.relation === 'self');
    if (actor.roles.includes('student')) return progressReplies(ctx, actor, await ctx.services.store.placements.listByStudent(actor.id), true);
    return [message(ctx.lang, { type: 'paragraph', text: commandTexts.in(ctx.lang)('askWhose') })];
  },
});
