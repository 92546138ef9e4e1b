// The language services as configured: deterministic always, with the LLM composer, intent resolver,
// requirement suggestions and the weekly summaries' paragraph on top when an LLM is configured (the
// deterministic path is the floor).
import type { Logger } from 'pino';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { createLlmComposer } from './features/questions/llm/llm-composer.ts';
import { createLlmIntentResolver } from './features/questions/llm/intent-resolver.ts';
import { type SummaryNarrativeInput, writeSummaryNarrative } from './features/summaries/summary-narrative.ts';
import { type ChatModel, type ChatRequest, type ChatResult, LlmError } from './llm/chat-model.ts';
import type { Llm, LlmConfig } from './llm/index.ts';
import { suggestRequirementsWithLlm } from './requirement-suggestions/suggest-with-llm.ts';
import { createRedactor } from './privacy/index.ts';
import { type AnswerService, createAnswerService } from './features/questions/answer-service.ts';
import { createRequirementSuggester, type RequirementSuggester } from './requirement-suggestions/requirement-suggester.ts';

export interface LanguageServices {
  answers: AnswerService;
  suggestRequirements: RequirementSuggester;
  /** One LLM paragraph on top of a student's weekly figures; absent without an LLM. */
  narrateSummary?: (input: SummaryNarrativeInput) => Promise<string>;
}

export function buildLanguageServices(config: LlmConfig, kb: KnowledgeBase, logger: Logger): LanguageServices {
  const llm = configuredLlm(config, logger);
  if (!llm) {
    const answers = createAnswerService({ kb, logger });
    return { answers, suggestRequirements: createRequirementSuggester({ index: answers.index, logger }) };
  }
  const redactor = createRedactor();
  const answers = createAnswerService({
    kb,
    logger,
    composer: createLlmComposer({ model: llm.model, kb, logger, redactor }),
    intentResolver: createLlmIntentResolver({ model: llm.model, kb, logger, redactor }),
  });
  return {
    answers,
    suggestRequirements: createRequirementSuggester({
      index: answers.index,
      logger,
      llm: (r) => suggestRequirementsWithLlm({ model: llm.model, redactor }, { text: r.text, lang: r.lang, candidates: r.candidates, ...(r.people ? { people: r.people } : {}) }),
    }),
    narrateSummary: (input) => writeSummaryNarrative({ model: llm.model, redactor }, input),
  };
}

export function buildAnswerService(config: LlmConfig, kb: KnowledgeBase, logger: Logger): AnswerService {
  return buildLanguageServices(config, kb, logger).answers;
}

/**
 * The configured LLM. Its client (the OpenAI SDK: tens of MB and most of a second to load) is imported
 * only when an LLM is configured; the import starts here and a first request waits for it.
 */
function configuredLlm(config: LlmConfig, logger: Logger): Llm | undefined {
  if (!config.llmEnabled) return undefined;
  const loading = import('./llm/index.ts').then(({ createLlm }) => createLlm(config, logger));
  loading.catch((error: unknown) => logger.error({ err: error }, 'the LLM client could not be loaded; answers stay on the deterministic path'));
  const model: ChatModel = {
    name: config.OPENAI_MODEL,
    async complete<T>(request: ChatRequest<T>): Promise<ChatResult<T>> {
      const llm = await loading.catch(() => undefined);
      if (!llm) throw new LlmError('unavailable', 'the LLM client could not be loaded');
      return llm.model.complete(request);
    },
  };
  return { model };
}
