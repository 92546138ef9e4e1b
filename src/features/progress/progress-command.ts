// "my progress" (a student) and "progress Aino" (their instructor, teacher or an admin): which
// requirements of each of the placement's units have evidence and which are still missing before
// that unit's skills demonstration.
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, message, unitsOf } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import { currentPlacement, type Person, type Placement } from '../../storage/index.ts';
import { commandTexts } from './command-texts.ts';
import { buildProgressReply } from './progress-view.ts';

export async function progressReplies(ctx: CommandContext, student: Person, placements: readonly Placement[], self: boolean): Promise<Reply[]> {
  const t = commandTexts.in(ctx.lang);
  const placement = currentPlacement(placements, ctx.today);
  if (!placement) return [message(ctx.lang, { type: 'paragraph', text: self ? t('noPlacementSelf') : t('noPlacementOther', { name: student.name }) })];
  // Every unit of the placement, each with its own coverage (requirement ids are unique across units: one query).
  const units = unitsOf(ctx.services, placement.unitIds);
  const ids = units.flatMap((unit) => ctx.services.kb.requirements(unit).map((r) => r.requirement.id));
  const coverage = await ctx.services.store.coverage.forPlacement(placement.id, ids);
  return [buildProgressReply(ctx.services.kb, { student, placement, units, coverage, today: ctx.today }, ctx.lang, self)];
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
      '(paljonko|kuinka paljon|onko) [mulla|minulla] [on] [vielä] [paljon] (jäljellä|tekemättä|näyttämättä)', 'mitä [mulla|minulla] on [vielä] jäljellä',
      'edistyminen {student}', 'näytä edistyminen {student}', '{student} edistyminen', 'miten {student} edistyy', 'miten {student} (menee|sujuu)', 'miten {student} (pärjää|on edistynyt)', 'miten {student} on (mennyt|sujunut|pärjännyt)',
    ],
    en: ['my progress', 'progress', 'show my progress', 'where am i', 'how am i doing', 'how far (along am i|have i got|have i come)', "what's (missing|left)", 'what (do i have|have i got) [still] left [to do]', 'how much (do i have|is) left', 'progress {student}', 'progress of {student}', 'show progress of {student}', 'how is {student} doing', 'how is {student} getting on', 'how is {student} progressing'],
    sv: ['mina framsteg', 'framsteg', 'visa mina framsteg', 'hur går det för mig', 'hur långt har jag kommit', 'vad saknas [ännu]', 'hur ligger jag till', 'framsteg {student}', 'visa framsteg för {student}', 'hur går det för {student}'],
  },
  help: { student: commandTexts.all('helpStudent'), staff: commandTexts.all('helpStaff') },
  async handle(ctx, { actor, subject }) {
    if (subject) return progressReplies(ctx, subject.student, subject.placements, subject.relation === 'self');
    if (actor.roles.includes('student')) return progressReplies(ctx, actor, await ctx.services.store.placements.listByStudent(actor.id), true);
    return [message(ctx.lang, { type: 'paragraph', text: commandTexts.in(ctx.lang)('askWhose') })];
  },
});
