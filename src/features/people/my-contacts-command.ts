// "kuka on mun opettaja" / "who is my instructor": a student's own contact people, from their
// current placement (never anyone else's).
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, message } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import { currentPlacement, type Person } from '../../storage/index.ts';
import { commandTexts } from './command-texts.ts';

async function contact(ctx: CommandContext, actor: Person, who: 'teacher' | 'instructor'): Promise<Reply[]> {
  const t = commandTexts.in(ctx.lang);
  const say = (text: string) => [message(ctx.lang, { type: 'paragraph', text })];
  const placement = currentPlacement(await ctx.services.store.placements.listByStudent(actor.id), ctx.today);
  if (!placement) return say(t('noPlacement'));
  const id = who === 'teacher' ? placement.teacherId : placement.instructorId;
  const person = id ? await ctx.services.store.people.findById(id) : null;
  if (!person) return say(t(who === 'teacher' ? 'noTeacher' : 'noInstructor'));
  const email = person.email ? ` (${person.email})` : '';
  return say(t(who === 'teacher' ? 'yourTeacher' : 'yourInstructor', { name: person.name, email }));
}

const MY = { fi: '[kuka|ketä] (on|ois) (mun|minun|mulla|minulla|meidän)', en: "who is [my|our]", sv: 'vem är (min|vår)' };

export const myTeacherCommand = defineCommand({
  id: 'my-teacher',
  roles: ['student'],
  subject: { kind: 'self' },
  slots: {},
  phrasings: {
    fi: [`${MY.fi} (opettaja|opettajani|ope|open|opettajana)`, 'kuka on opettajani', 'kuka on ope', 'opettajani', 'mun opettaja', 'kuka mua opettaa', 'kenelle soitan koulussa'],
    en: [`${MY.en} teacher`, 'my teacher', 'who teaches me', 'who is my tutor'],
    sv: [`${MY.sv} lärare`, 'min lärare', 'vem undervisar mig'],
  },
  help: { student: commandTexts.all('helpMyTeacher') },
  handle: async (ctx, { actor }) => contact(ctx, actor, 'teacher'),
});

export const myInstructorCommand = defineCommand({
  id: 'my-instructor',
  roles: ['student'],
  subject: { kind: 'self' },
  slots: {},
  phrasings: {
    fi: [`${MY.fi} (ohjaaja|ohjaajani|työpaikkaohjaaja|työpaikkaohjaajani|työkkäri)`, 'kuka on ohjaajani', 'kuka on työpaikkaohjaajani', 'mun ohjaaja', 'työpaikkaohjaajani', 'kuka mua ohjaa'],
    en: [`${MY.en} (instructor|supervisor|workplace instructor|mentor)`, 'my instructor', 'my supervisor', 'who supervises me'],
    sv: [`${MY.sv} (handledare|arbetsplatshandledare)`, 'min handledare', 'vem handleder mig'],
  },
  help: { student: commandTexts.all('helpMyTeacher') },
  handle: async (ctx, { actor }) => contact(ctx, actor, 'instructor'),
});
