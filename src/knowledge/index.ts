export { createKnowledgeBase, type KnowledgeBase, type KnowledgeItem } from './knowledge-base.ts';
export { KnowledgeFileError, loadKnowledgeFiles } from './load-knowledge.ts';

import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import { loadKnowledgeFiles } from './load-knowledge.ts';

export function loadKnowledgeBase(dir: string): KnowledgeBase {
  return createKnowledgeBase(loadKnowledgeFiles(dir));
}
