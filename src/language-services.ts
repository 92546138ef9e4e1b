// The language services as configured: deterministic always, with the LLM composer, intent resolver,
// requirement suggestions and the weekly summaries' paragraph on top when an LLM is configured (the
// deterministic path is the floor).
import type { Logger } from 'pino';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import { createLlmComposer } from './features/questions/llm/llm-composer.ts';
import { createLlmIntentResolver } from './features/questions/llm/intent-resolver.ts';
import { type SummaryNarrativeInput, writeSummaryNarrative } from './features/summaries/summary-narrative.ts';
import { createLlm, type LlmConfig } from './llm/index.ts';
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
  const llm = createLlm(config, logger);
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
