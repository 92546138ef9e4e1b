// The answer-composer port. The deterministic composer is the default and the floor; an LLM composer
// may phrase answers more naturally but must keep to the plan's items (see src/llm/).
import type { MessageReply } from '../../conversation/reply.ts';
import type { Intent } from './intent.ts';
import type { AnswerPlan, PlanContext } from './plan.ts';

export interface AnswerComposer {
  readonly name: string;
  /** False when this composer leaves the plan to the deterministic one (no call, no warning). */
  canCompose?(plan: AnswerPlan): boolean;
  compose(plan: AnswerPlan, context?: PlanContext): Promise<MessageReply>;
}

/** Reads a question the rules could not place; the knowledge base still has to answer it. */
export interface IntentResolver {
  canResolve(plan: AnswerPlan): boolean;
  resolve(plan: AnswerPlan, context?: PlanContext): Promise<Intent | undefined>;
}
