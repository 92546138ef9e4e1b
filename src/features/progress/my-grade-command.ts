// "mikä mun arvosana on": Osaava does not grade. It says where the grade is decided, names the
// student's own teacher to ask, and offers what it does know (progress, the criteria).
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, message } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import { currentPlacement, type Person } from '../../storage/index.ts';
import { commandTexts } from './command-texts.ts';

async function teacherOf(ctx: CommandContext, actor: Person): Promise<string | null> {
  const placement = currentPlacement(await ctx.services.store.placements.listByStudent(actor.id), ctx.today);
  const teacher = placement?.teacherId ? await ctx.services.store.people.findById(placement.teacherId) : null;
  return teacher?.name ?? null;
}

function answer(ctx: CommandContext, teacher: string | null, known: boolean): Reply[] {
  const t = commandTexts.in(ctx.lang);
  const actions = [
    ...(known ? [{ label: t('actionMyProgress'), text: t('actionMyProgress') }] : []),
    { label: t('actionGradeCriteria'), text: t('actionGradeCriteria') },
  ];
  if (!known) return [message(ctx.lang, { type: 'paragraph', text: t('gradeStranger') }, { type: 'actions', actions })];
  return [message(ctx.lang,
    { type: 'paragraph', text: t('gradeRedirect') },
    { type: 'paragraph', text: teacher ? t('gradeAskTeacher', { teacher }) : t('gradeSeeProgress') },
    { type: 'actions', actions })];
}

const WHAT = { fi: '(mikä|mitä|minkä|millanen|millainen) [on]', en: '(what|which) [is|will be]', sv: '(vilket|vad) [är|blir]' };

export const myGradeCommand = defineCommand({
  id: 'my-grade',
  roles: ['student', 'instructor', 'teacher', 'admin'],
  subject: { kind: 'self' },
  slots: {},
  phrasings: {
    fi: [
      `${WHAT.fi} (mun|minun) arvosana [on]`, `${WHAT.fi} arvosanani [on]`, 'mikä arvosana mulle tulee', 'minkä arvosanan saan', 'minkä arvosanan mä saan', 'mitä arvosanaa mä saan',
      'mitä arvosanaa olen saamassa', 'saanko vitosen', 'saanko nelosen', 'paljonko mun numero on', 'mikä mun numero on', 'mun arvosana', 'arvosanani', '(mitä|minkä) (numeroa|numeron|arvosanaa|arvosanan) (mä|minä) saan [tästä]', 'kuka (arvioi|arvostelee) (mut|minut)', 'kuka päättää (mun|minun) arvosanan'
    ],
    en: [`${WHAT.en} my (grade|mark)`, 'what grade will i get', 'what grade am i getting', 'my grade', 'will i get a 5', 'did i pass', 'who grades me', 'who (decides|gives) my grade'],
    sv: [`${WHAT.sv} (mitt|min) (vitsord|betyg)`, '(vilket|vad) (vitsord|betyg) (får|har) jag', 'vad får jag för (vitsord|betyg)', 'mitt (vitsord|betyg)', 'har jag klarat det', 'vem bedömer mig'],
  },
  help: { student: commandTexts.all('helpMyGrade') },
  handle: async (ctx, { actor }) => answer(ctx, actor.roles.includes('student') ? await teacherOf(ctx, actor) : null, true),
  handleStranger: async (ctx) => answer(ctx, null, false),
});
