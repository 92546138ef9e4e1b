// The real knowledge base and answering service, loaded once per test file.
import { renderPlainText } from '../../src/conversation/render-text.ts';
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

/**
 * The shipped base's answers as the question tests read them: `ask` gives the plan, the reply, its
 * plain text and the planned items' ids; `requirement` the id of the default unit's requirement with
 * this Finnish text.
 */
export function realAnswers() {
  const { kb, answers } = realKnowledge();
  const ask = async (q: string) => {
    const a = await answers.answer(q);
    return { ...a, text: renderPlainText(a.reply), ids: a.plan.items.map((i) => i.id) };
  };
  const requirement = (fi: string): string => {
    const found = kb.requirements(kb.defaultUnit()).find((r) => r.requirement.text.fi === fi);
    if (!found) throw new Error(`no requirement "${fi}"`);
    return found.requirement.id;
  };
  return { kb, answers, ask, requirement };
}
