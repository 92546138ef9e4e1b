// Suggests the requirements a free-text reflection or observation touches. The person confirms the
// suggestion; an id that was not offered rejects the whole reply.
import { z } from 'zod';
import type { Lang } from '../conversation/reply.ts';
import type { NamedPerson, Redactor } from '../privacy/index.ts';
import { LlmError, type ChatModel } from '../llm/chat-model.ts';
import { asData, languageName, prompts } from '../llm/prompts.ts';

export const suggestionSchema = z.object({ ids: z.array(z.string()) });
export const LLM_SUGGESTION_SCHEMA_NAME = 'osaava_requirement_suggestion';
const MAX_SUGGESTIONS = 5;

export interface SuggestRequirementsInput {
  text: string;
  lang: Lang;
  candidates: readonly { id: string; text_fi: string }[];
  /** People whose names may occur in the text: replaced before it leaves. */
  people?: readonly NamedPerson[];
}

/** Candidate ids, most relevant first. Throws `LlmError` (the caller keeps its own suggestion). */
export async function suggestRequirementsWithLlm(deps: { model: ChatModel; redactor: Redactor }, input: SuggestRequirementsInput): Promise<string[]> {
  if (input.text.trim() === '' || input.candidates.length === 0) return [];
  const p = prompts();
  const text = deps.redactor.redact(input.text, { names: input.people ?? [] }).text;
  const { value } = await deps.model.complete({
    system: p.suggestRequirementsSystem({
      language: languageName(input.lang),
      candidates: input.candidates.map((c) => `[${c.id}] ${c.text_fi}`).join('\n'),
    }),
    messages: [{ role: 'user', content: p.suggestRequirementsUser({ text: asData(text) }) }],
    schema: suggestionSchema,
    schemaName: LLM_SUGGESTION_SCHEMA_NAME,
    maxTokens: 200,
  });
  const offered = new Set(input.candidates.map((c) => c.id));
  const unknown = value.ids.filter((id) => !offered.has(id)).length;
  if (unknown) throw new LlmError('invalid-output', `the suggestion named ${unknown} id(s) that were not candidates`);
  return [...new Set(value.ids)].slice(0, MAX_SUGGESTIONS);
}
