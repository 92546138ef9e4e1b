// The question-answering use case: plan (intent + grounded items), then compose with the configured
// composer, falling back to the deterministic one if it fails.
import type { Logger } from 'pino';
import type { MessageReply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { createDeterministicComposer } from './compose-deterministic.ts';
import type { AnswerComposer, IntentResolver } from './composer.ts';
import { createPlanner, type AnswerPlan, type PlanContext } from './plan.ts';
import { createSearchIndex, type SearchIndex } from '../../knowledge/search-index.ts';
import { INTENT_LEXICON } from './intent.ts';
import { resolveGrades } from './grading-shape.ts';

/**
 * Plans only the deterministic composer words: several units in one answer, and a grade the unit does not
 * have as such (pass/fail, or no criteria of its own), where a free phrasing could invent what is not there.
 */
function needsTemplates(plan: AnswerPlan): boolean {
  if (plan.more?.length || plan.sharedWith?.length) return true;
  if (plan.intent.kind !== 'grade-criteria' && plan.intent.kind !== 'grade-compare') return false;
  const resolved = resolveGrades(plan.unit, plan.intent.grades);
  return resolved.scale === 'pass-fail' || resolved.missing.length > 0;
}

export interface Answer {
  plan: AnswerPlan;
  reply: MessageReply;
  composer: string;
}

export interface AnswerService {
  answer(question: string, context?: PlanContext): Promise<Answer>;
  plan(question: string, context?: PlanContext): AnswerPlan;
  readonly index: SearchIndex;
}

export function createAnswerService(deps: { kb: KnowledgeBase; logger: Logger; composer?: AnswerComposer; intentResolver?: IntentResolver }): AnswerService {
  // The index's vocabulary knows the base's words and the words the intent rules read, so typos of either are corrected.
  const index = createSearchIndex(deps.kb, { lexicon: INTENT_LEXICON });
  const plan = createPlanner(deps.kb, index);
  const floor = createDeterministicComposer(deps.kb);
  const composer: AnswerComposer = deps.composer ?? floor;

  return {
    index,
    plan,
    async answer(question, context) {
      let p = plan(question, context);
      if (deps.intentResolver?.canResolve(p)) {
        const intent = await deps.intentResolver.resolve(p, context);
        // The LLM's reading counts only if the knowledge base then answers it.
        const again = intent ? plan.forIntent(question, intent, context) : undefined;
        if (again?.outcome === 'answered') p = again;
      }
      if (composer !== floor && !needsTemplates(p) && (composer.canCompose?.(p) ?? true)) {
        try {
          return { plan: p, reply: await composer.compose(p, context), composer: composer.name };
        } catch (error) {
          deps.logger.warn({ err: error, composer: composer.name, intent: p.intent.kind }, 'composer failed; using the deterministic answer');
        }
      }
      return { plan: p, reply: await floor.compose(p), composer: floor.name };
    },
  };
}
