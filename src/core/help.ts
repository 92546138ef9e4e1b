// "help": generated from the registry. A person sees the help lines of the commands their roles may
// use, students' lines first, in the language they wrote in; someone Osaava does not know sees what
// anyone may ask and how to get enrolled.
import { defineCommand } from '../conversation/command.ts';
import { type CommandContext, message } from '../conversation/command-context.ts';
import type { ListItem, Reply } from '../conversation/reply.ts';
import type { Person } from '../storage/index.ts';
import type { CommandRegistry } from './registry.ts';
import { texts } from './texts.ts';

export function helpFor(ctx: CommandContext, actor: Person | null, registry: CommandRegistry): Reply[] {
  const t = texts.in(ctx.lang);
  if (!actor) {
    return [message(ctx.lang,
      { type: 'paragraph', text: t('helloStranger') },
      { type: 'paragraph', text: t('enrolmentHint') },
      { type: 'list', items: [{ text: t('exampleGrade') }, { text: t('exampleAll') }, { text: t('exampleDemonstrate') }] })];
  }
  const items: ListItem[] = [];
  const isStudent = actor.roles.includes('student');
  const staffRoles = actor.roles.filter((role) => role !== 'student');
  for (const audience of ['student', 'staff'] as const) {
    for (const { declaration } of registry.commands) {
      const lines = declaration.help[audience];
      // Help about help is noise inside the help itself.
      if (!lines || declaration.id === 'help') continue;
      const usable = audience === 'student'
        ? isStudent && declaration.roles.includes('student')
        : declaration.roles.some((role) => role !== 'student' && staffRoles.includes(role));
      if (!usable) continue;
      // Commands that share a line (my teacher, my instructor) show it once.
      for (const line of Array.isArray(lines) ? lines : [lines]) if (!items.some((item) => item.text === line[ctx.lang])) items.push({ text: line[ctx.lang] });
    }
  }
  return [message(ctx.lang,
    { type: 'paragraph', text: t('helloPerson', { name: actor.name.split(' ')[0] ?? actor.name }) },
    { type: 'list', items },
    { type: 'paragraph', text: t('askAnything') })];
}

export function enrolmentHint(ctx: CommandContext): string {
  return texts.in(ctx.lang)('enrolmentHint');
}

/** The help command itself; it reads the registry it is registered in. */
export function createHelpCommand(registry: () => CommandRegistry) {
  return defineCommand({
    id: 'help',
    roles: ['student', 'instructor', 'teacher', 'admin'],
    subject: { kind: 'none' },
    slots: {},
    phrasings: {
      fi: ['apua', 'apu', 'ohje', 'ohjeet', 'komennot', 'mitä [sä|sinä] osaat [tehdä]', 'mitä (mä|minä) voin (tehdä|kysyä) [täällä|sulta|sinulta]', 'mitä voit tehdä', 'miten tätä käytetään', 'mihin (sä|sinä) pystyt', 'mitä tällä tehdään', '[apua] en tiedä mitä (tehdä|teen)'],
      en: ['help', 'commands', 'what can you do', 'what can i do [here]', 'what can i ask [you]', 'what can you help [me] with', 'how does this work', 'menu', 'how do i use this'],
      sv: ['hjälp', 'kommandon', 'vad kan du', 'vad kan du göra', 'vad kan jag göra [här]', 'vad kan jag fråga [dig]', 'vad kan du hjälpa [mig] med', 'hur fungerar det här'],
    },
    help: { student: texts.all('helpHelp'), staff: texts.all('helpHelp') },
    handle: async (ctx, { actor }) => helpFor(ctx, actor, registry()),
    handleStranger: async (ctx) => helpFor(ctx, null, registry()),
  });
}
