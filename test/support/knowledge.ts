// The real knowledge base and answering service, loaded once per test file.
import { createAnswerService, type AnswerService } from '../../src/features/questions/answer-service.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/index.ts';
import { createLogger } from '../../src/logging/logger.ts';

let cached: { kb: KnowledgeBase; answers: AnswerService } | undefined;

export function realKnowledge(): { kb: KnowledgeBase; answers: AnswerService } {
  if (!cached) {
    const kb = loadKnowledgeBase('knowledge');
    cached = { kb, answers: createAnswerService({ kb, logger: createLogger({ level: 'silent' }) }) };
  }
  return cached;
}

export const silentLogger = () => createLogger({ level: 'silent' });
