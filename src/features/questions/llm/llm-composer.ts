// The LLM answer composer: the model phrases an answer around the plan's items and cites them; the
// knowledge base supplies every quoted wording. Anything doubtful throws, and the answer service
// gives the deterministic answer instead.
import type { Logger } from 'pino';
import type { AnswerComposer } from '../composer.ts';
import type { AnswerPlan } from '../plan.ts';
import type { MessageReply } from '../../../conversation/reply.ts';
import type { KnowledgeBase } from '../../../knowledge/knowledge-base.ts';
import type { NamedPerson, Redactor } from '../../../privacy/index.ts';
import { layoutLlmAnswer } from './answer-layout.ts';
import { buildAnswerPrompt } from './answer-prompt.ts';
import { LLM_ANSWER_SCHEMA_NAME, llmAnswerSchema, type LlmAnswer } from './answer-schema.ts';
import { quoteModeFor } from './answer-scope.ts';
import { isLlmError, type ChatModel } from '../../../llm/chat-model.ts';
import { validateLlmAnswer, type RejectionReason } from './validate-answer.ts';

/** Who takes part in the conversation: their names are replaced before the question leaves. */
export interface ComposeContext {
  people?: readonly NamedPerson[];
}

export interface LlmComposer extends AnswerComposer {
  /** False for plans the deterministic composer keeps (greetings, refusals, nothing found). */
  canCompose(plan: AnswerPlan): boolean;
  compose(plan: AnswerPlan, context?: ComposeContext): Promise<MessageReply>;
}

export class LlmAnswerRejectedError extends Error {
  override name = 'LlmAnswerRejectedError';
  readonly reason: RejectionReason | 'not-applicable';
  constructor(reason: RejectionReason | 'not-applicable') {
    super(`LLM answer not used: ${reason}`);
    this.reason = reason;
  }
}

const MAX_ANSWER_TOKENS = 900;

function restoreAnswer(answer: LlmAnswer, restore: (text: string) => string): LlmAnswer {
  return {
    intro: restore(answer.intro),
    points: answer.points.map((p) => ({ ...p, text: restore(p.text) })),
    quotes: answer.quotes,
    outro: answer.outro === null ? null : restore(answer.outro),
  };
}

export function createLlmComposer(deps: { model: ChatModel; kb: KnowledgeBase; logger: Logger; redactor: Redactor }): LlmComposer {
  const { model, kb, logger, redactor } = deps;
  return {
    name: 'llm',
    canCompose: (plan) => quoteModeFor(plan) !== undefined,
    async compose(plan, context = {}) {
      const mode = quoteModeFor(plan);
      if (mode === undefined) throw new LlmAnswerRejectedError('not-applicable');
      const log = { composer: 'llm', model: model.name, intent: plan.intent.kind, lang: plan.lang };

      const redaction = redactor.redact(plan.question, { names: context.people ?? [] });
      const prompt = buildAnswerPrompt(plan, redaction.text, mode);
      let value: LlmAnswer;
      try {
        const result = await model.complete({
          system: prompt.system,
          messages: [{ role: 'user', content: prompt.user }],
          schema: llmAnswerSchema,
          schemaName: LLM_ANSWER_SCHEMA_NAME,
          maxTokens: MAX_ANSWER_TOKENS,
        });
        value = result.value;
        logger.debug({ ...log, promptTokens: result.usage.promptTokens, completionTokens: result.usage.completionTokens }, 'llm answer received');
      } catch (error) {
        logger.warn({ ...log, code: isLlmError(error) ? error.code : 'unexpected', retryable: isLlmError(error) && error.retryable }, 'llm call failed; the deterministic answer is given');
        throw error;
      }

      // Checked on the redacted text: the model never saw the names, so placeholders are its words.
      const verdict = validateLlmAnswer(value, plan, mode, kb);
      if (!verdict.ok) {
        logger.warn({ ...log, reason: verdict.reason, count: verdict.count }, 'llm answer rejected; the deterministic answer is given');
        throw new LlmAnswerRejectedError(verdict.reason);
      }
      const answer = restoreAnswer(value, (text) => redactor.restore(text, redaction.mapping));
      return layoutLlmAnswer({ plan, kb, answer, shown: verdict.shown, cited: verdict.cited });
    },
  };
}
