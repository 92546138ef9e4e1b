// Which requirements a free text (an observation, a reflection) touches. Retrieval always answers;
// with an LLM configured its suggestion is asked first. Either way the person confirms.
import type { Logger } from 'pino';
import type { RequirementSuggester, SuggestRequest } from '../conversation/command-context.ts';
import type { SearchIndex } from '../knowledge/search-index.ts';

export type { RequirementSuggester, SuggestRequest } from '../conversation/command-context.ts';

/** Requirements a text touches, from the answering engine's full-text retrieval. */
export function suggestByRetrieval(index: SearchIndex, unitId: string, text: string): string[] {
  return index
    .search(text, { kinds: ['requirement'], unitId, limit: 5 })
    .filter((hit, _, all) => hit.coverage >= 0.2 && hit.score >= (all[0]?.score ?? 0) * 0.4)
    .slice(0, 3)
    .map((hit) => hit.item.id);
}

export function createRequirementSuggester(deps: {
  index: SearchIndex;
  logger: Logger;
  llm?: (request: SuggestRequest & { candidates: { id: string; text_fi: string }[] }) => Promise<string[]>;
}): RequirementSuggester {
  return async (request) => {
    const fallback = () => suggestByRetrieval(deps.index, request.unit.id, request.text);
    if (!deps.llm) return fallback();
    const candidates = request.unit.sections.flatMap((s) => s.requirements.map((r) => ({ id: r.id, text_fi: r.text.fi })));
    try {
      const ids = await deps.llm({ ...request, candidates });
      return ids.length ? ids : fallback();
    } catch (error) {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'LLM requirement suggestion failed; using retrieval');
      return fallback();
    }
  };
}
