// How much an answer prompt costs next to the naive alternative of sending the whole knowledge base
// with every question. chars/4 is the usual rough token count for Latin-script text.
import type { AnswerPlan } from '../plan.ts';
import type { KnowledgeBase } from '../../../knowledge/knowledge-base.ts';
import { buildAnswerPrompt, type AnswerPrompt } from './answer-prompt.ts';
import { quoteModeFor } from './answer-scope.ts';
import { intentCatalog } from './intent-resolver.ts';
import { prompts } from '../../../llm/prompts.ts';

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

const tokensOf = (prompt: AnswerPrompt): number => estimateTokens(prompt.system) + estimateTokens(prompt.user);

export interface PromptBudget {
  /** The answer prompt Osaava sends: the plan's items only. */
  prompt: number;
  /** The same prompt carrying every item of the knowledge base. */
  baseline: number;
}

/** Undefined for plans the LLM does not compose (no prompt is sent for them). */
export function answerPromptBudget(plan: AnswerPlan, kb: KnowledgeBase): PromptBudget | undefined {
  const mode = quoteModeFor(plan);
  if (mode === undefined) return undefined;
  return {
    prompt: tokensOf(buildAnswerPrompt(plan, plan.question, mode)),
    baseline: tokensOf(buildAnswerPrompt(plan, plan.question, mode, kb.items)),
  };
}

/** The intent-resolution prompt (titles only) for a question the rules could not place. */
export function intentPromptTokens(plan: AnswerPlan, kb: KnowledgeBase): number {
  const p = prompts();
  return estimateTokens(p.intentSystem({ unitName: `${plan.unit.name.fi} (${plan.unit.name.en ?? plan.unit.name.fi})`, catalog: intentCatalog(kb, plan.unit) }))
    + estimateTokens(p.intentUser({ question: plan.question }));
}
