// Questions about the curriculum: whatever is not a command or a statement a feature takes is
// answered from the knowledge base, for the asker's current unit when they have one.
import type { CommandContext } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Unit } from '../../knowledge/schema.ts';
import type { AnswerService } from './answer-service.ts';

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
}

export function createQuestionsFeature({ answers }: { answers: AnswerService; kb: KnowledgeBase }): QuestionsFeature {
  return {
    async answer(ctx, text) {
      const placements = ctx.actor ? await ctx.services.store.placements.listByStudent(ctx.actor.id) : [];
      const unitId = placements.find((p) => p.startDate <= ctx.today && ctx.today <= p.endDate)?.unitIds[0];
      // The asker's own name is redacted too should any text leave for an LLM.
      const people = ctx.actor ? [{ name: ctx.actor.name, kind: ctx.actor.roles.includes('student') ? ('student' as const) : ('person' as const) }] : [];
      const { reply, plan } = await answers.answer(text, { preferredLang: ctx.lang, people, ...(unitId ? { unitId } : {}) });
      ctx.services.logger.child({ component: 'questions' }).info({ platform: ctx.user.platform, intent: plan.intent.kind, outcome: plan.outcome, citations: reply.citations.length }, 'question answered');
      return [reply];
    },
    // Read as the answering reads it: spoken forms and typos included.
    intentOf: (unit, text) => answers.plan(text, { unitId: unit.id }).intent.kind,
    covers(ctx, text) {
      const plan = answers.plan(text, { preferredLang: ctx.lang });
      if (plan.outcome !== 'answered' || WEAK_INTENTS.has(plan.intent.kind)) return 'none';
      return plan.intent.kind === 'search' ? 'search' : 'structured';
    },
  };
}
