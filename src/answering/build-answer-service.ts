// The answer service as configured: deterministic always, with the LLM composer and intent resolver
// on top when an LLM is configured (the deterministic answer stays the floor).
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { createLlm, createLlmComposer, createLlmIntentResolver, type LlmConfig } from '../llm/index.ts';
import { createRedactor } from '../privacy/index.ts';
import { type AnswerService, createAnswerService } from './answer-service.ts';

export function buildAnswerService(config: LlmConfig, kb: KnowledgeBase, logger: Logger): AnswerService {
  const llm = createLlm(config, logger);
  if (!llm) return createAnswerService({ kb, logger });
  const redactor = createRedactor();
  return createAnswerService({
    kb,
    logger,
    composer: createLlmComposer({ model: llm.model, kb, logger, redactor }),
    intentResolver: createLlmIntentResolver({ model: llm.model, kb, logger, redactor }),
  });
}
