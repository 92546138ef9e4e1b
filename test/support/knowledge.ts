// The real knowledge base and answering service, loaded once per test file.
import { createAnswerService, type AnswerService } from '../../src/features/questions/answer-service.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/index.ts';
import { createLogger } from '../../src/logging/logger.ts';

const cached = new Map<string, { kb: KnowledgeBase; answers: AnswerService }>();

/** The knowledge folder `dir` (default: the shipped `knowledge/`), loaded once per test file. */
export function realKnowledge(dir = 'knowledge'): { kb: KnowledgeBase; answers: AnswerService } {
  let loaded = cached.get(dir);
  if (!loaded) {
    const kb = loadKnowledgeBase(dir);
    loaded = { kb, answers: createAnswerService({ kb, logger: createLogger({ level: 'silent' }) }) };
    cached.set(dir, loaded);
  }
  return loaded;
}

export const silentLogger = () => createLogger({ level: 'silent' });
