// Small talk: greetings, thanks, "how are you", "who are you", goodbyes and acknowledgements ("ok",
// "selvä 👍"). A short, friendly answer that says what Osaava does, never a passage of the curriculum.
// Open to everyone, known or not. understanding/phatic.ts recognises such a message however it is written.
import { defineCommand } from '../conversation/command.ts';
import { type CommandContext, message } from '../conversation/command-context.ts';
import type { Reply } from '../conversation/reply.ts';
import type { Person } from '../storage/index.ts';
import { texts } from './texts.ts';
import { PHATIC_KINDS } from './understanding/phatic.ts';

const GREET = {
  fi: '(moi|hei|heippa|moikka|moro|terve|tervehdys|huomenta|päivää|iltaa|hyvää huomenta|hyvää päivää|hyvää iltaa|huomenta kaikille|hello|hei osaava|moi osaava)',
  en: '(hi|hello|hey|hiya|good morning|good afternoon|good evening|hi osaava|hello osaava|hello there|hi there|hey there)',
  sv: '(hej|hejsan|tjena|hallå|god morgon|god dag|god kväll|hej osaava)',
};

function reply(ctx: CommandContext, actor: Person | null, kind: string): Reply[] {
  const t = texts.in(ctx.lang);
  const first = actor?.name.split(' ')[0];
  const name = first ? ` ${first}` : '';
  const opening = {
    greeting: t('smalltalkGreeting', { name }),
    'how-are-you': t('smalltalkHowAreYou'),
    'who-are-you': t('smalltalkWhoAreYou'),
    thanks: t('smalltalkThanks'),
    bye: t('smalltalkBye'),
    ack: t('smalltalkAck'),
  }[kind] ?? t('smalltalkGreeting', { name });
  const examples = [t('exampleGrade'), t('exampleDemonstrate')].map((example) => example.replace(/^"|"$/g, ''));
  return [message(ctx.lang,
    { type: 'paragraph', text: opening },
    ...(kind === 'thanks' || kind === 'bye' || kind === 'ack' ? [] : [{ type: 'paragraph' as const, text: t('smalltalkWhatIDo') }]),
    { type: 'actions', actions: [...examples.map((example) => ({ label: example, text: example })), { label: t('helpWord'), text: t('helpWord') }] })];
}

export const smalltalkCommand = defineCommand({
  id: 'smalltalk',
  roles: ['student', 'instructor', 'teacher', 'admin'],
  subject: { kind: 'none' },
  slots: { kind: { type: 'choice', values: PHATIC_KINDS, default: 'greeting' } },
  phrasings: {
    fi: [
      GREET.fi,
      { text: `[${GREET.fi.slice(1, -1)}] (mitä kuuluu|miten menee|mitä sulle kuuluu|miten voit|mites menee|kuis menee)`, with: { kind: 'how-are-you' } },
      { text: '(kuka olet|kuka sinä olet|kuka sä oot|mikä olet|mikä sinä olet|mikä sä oot|mikä tämä on|mikä osaava on)', with: { kind: 'who-are-you' } },
      { text: '(kiitos|kiitti|kiitoksia|kiitos paljon|kiitos avusta|kiitos osaava|paljon kiitoksia|kiitti paljon)', with: { kind: 'thanks' } },
      { text: '(hei hei|moikka moikka|nähdään|heippa heippa|moi moi)', with: { kind: 'bye' } },
    ],
    en: [
      GREET.en,
      { text: `[${GREET.en.slice(1, -1)}] (how are you|how are you doing|how is it going|hows it going|what's up|whats up)`, with: { kind: 'how-are-you' } },
      { text: '(who are you|what are you|what is osaava|what is this)', with: { kind: 'who-are-you' } },
      { text: '(thanks|thank you|thanks a lot|thank you so much|thx|cheers|thanks osaava)', with: { kind: 'thanks' } },
      { text: '(bye|goodbye|see you|bye bye)', with: { kind: 'bye' } },
    ],
    sv: [
      GREET.sv,
      { text: `[${GREET.sv.slice(1, -1)}] (hur mår du|hur är det|hur går det|läget)`, with: { kind: 'how-are-you' } },
      { text: '(vem är du|vad är du|vad är osaava|vad är det här)', with: { kind: 'who-are-you' } },
      { text: '(tack|tack så mycket|tusen tack|tack för hjälpen|stort tack)', with: { kind: 'thanks' } },
      { text: '(hej då|hejdå|vi ses|ha det bra|hej hej)', with: { kind: 'bye' } },
    ],
  },
  help: { student: texts.all('helpSmalltalk'), staff: texts.all('helpSmalltalk') },
  handle: async (ctx, { actor, slots }) => reply(ctx, actor, slots.kind),
  handleStranger: async (ctx, { slots }) => reply(ctx, null, slots.kind),
});
