// Questions about the curriculum: whatever is not a command or a statement a feature takes is
// answered from the knowledge base, for the asker's current units first (see asker-units.ts).
import type { CommandContext } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Unit } from '../../knowledge/schema.ts';
import type { AnswerService } from './answer-service.ts';
import { foldDiacritics } from '../../text/normalize.ts';
import { askerUnits } from './asker-units.ts';

export type QuestionCoverage = 'structured' | 'search' | 'none';

/** Intents that say nothing about the curriculum: small talk and help are the core's to recognise. */
const WEAK_INTENTS: ReadonlySet<string> = new Set(['help', 'greeting', 'thanks']);

export interface QuestionsFeature {
  answer(ctx: CommandContext, text: string): Promise<Reply[]>;
  /** The intent a text reads as for a unit (other features ask so as not to take a question for a statement). */
  intentOf(unit: Unit, text: string): string;
  /**
   * How the knowledge base answers the text: `structured` (a grade, a section, a requirement, the
   * unit's facts: a question, whatever else it resembles), `search` (only passages that share words
   * with it) or `none`.
   */
  covers(ctx: CommandContext, text: string): QuestionCoverage;
  /**
   * What a personal question asks of the asker's own data ("kuka on mun opettaja", "what's my grade"):
   * their teacher, their instructor, their grade or their progress; null for anything else.
   */
  personalAsk(ctx: CommandContext, text: string): PersonalAsk | null;
}

/**
 * `grade-criteria`: the asker's own grade and what a named grade requires ("what do I need to do to get a 5");
 * `schedule`: a date of theirs the bot does not see ("milloin mun näyttö on"), for their teacher to tell.
 */
export type PersonalAsk = 'teacher' | 'instructor' | 'grade' | 'grade-criteria' | 'schedule' | 'progress';

/** What a student's teacher has the dates of: the näyttö, the placement, its assessment and meetings. */
const SCHOOL_DATE = /\b(nayt\w*|demonstration\w*|yrkesprov\w*|jakso\w*|harjoittelu\w*|tyossaoppim\w*|placement\w*|praktik\w*|arvioin\w*|assessment\w*|bedomning\w*|palaute\w*|feedback|respons|tapaami\w*|meeting\w*|mote\w*|arviointikeskustelu\w*)\b/;

/** "mitä mun pitää tehdä et saisin vitosen", "what do I need to do to get a 5", "vad måste jag göra för att få en femma". */
const OWN_GRADE_ACTION = /\b(mun|minun|ma|mina|i|jag)\b.*\b(pitaa|taytyy|tarvii|tarvitsee|tarvitsen|need|have|maste|behover)\b.*\b(tehda|teha|do|gora)\b/;

export function createQuestionsFeature({ answers }: { answers: AnswerService; kb: KnowledgeBase }): QuestionsFeature {
  // The core asks twice about one message (covers, personalAsk): the last reading is kept for the second.
  let last: { text: string; lang: string; plan: ReturnType<AnswerService['plan']> } | undefined;
  const planOf = (ctx: CommandContext, text: string) => {
    if (last?.text !== text || last.lang !== ctx.lang) last = { text, lang: ctx.lang, plan: answers.plan(text, { preferredLang: ctx.lang }) };
    return last.plan;
  };
  return {
    async answer(ctx, text) {
      const { unitIds, people } = await askerUnits(ctx, text);
      const { reply, plan } = await answers.answer(text, { preferredLang: ctx.lang, people, unitIds });
      ctx.services.logger.child({ component: 'questions' }).info({ platform: ctx.user.platform, intent: plan.intent.kind, outcome: plan.outcome, citations: reply.citations.length, units: 1 + (plan.more?.length ?? 0) + (plan.sharedWith?.length ?? 0) }, 'question answered');
      return [reply];
    },
    // Read as the answering reads it: spoken forms and typos included.
    intentOf: (unit, text) => answers.plan(text, { unitId: unit.id }).intent.kind,
    personalAsk(ctx, text) {
      const { intent } = planOf(ctx, text);
      if (intent.kind === 'grade-criteria' && OWN_GRADE_ACTION.test(foldDiacritics(text.toLowerCase()))) return 'grade-criteria';
      if (intent.kind !== 'personal') return null;
      if (intent.topic === 'grade' || intent.topic === 'progress') return intent.topic;
      // A date of the placement or its assessment is the teacher's to tell; "när får jag lön" is no one's here.
      if (intent.topic === 'schedule') return SCHOOL_DATE.test(foldDiacritics(text.toLowerCase())) ? 'schedule' : null;
      return intent.topic === 'people' && intent.role ? intent.role : null;
    },
    covers(ctx, text) {
      const plan = planOf(ctx, text);
      if (plan.outcome !== 'answered' || WEAK_INTENTS.has(plan.intent.kind)) return 'none';
      return plan.intent.kind === 'search' ? 'search' : 'structured';
    },
  };
}
