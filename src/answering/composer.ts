// The answer-composer port. The deterministic composer is the default and the floor; an LLM composer
// may phrase answers more naturally but must keep to the plan's items (see the LLM issue).
import type { MessageReply } from '../chat/reply.ts';
import type { AnswerPlan } from './plan.ts';

export interface AnswerComposer {
  readonly name: string;
  compose(plan: AnswerPlan): Promise<MessageReply>;
}
