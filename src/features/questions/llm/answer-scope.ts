// Which plans the LLM may phrase, and whether the answer then shows every planned item or the ones
// the model picks. Deciding what to say stays with the planner either way.
import type { AnswerPlan } from '../plan.ts';

/** `all`: the plan lists things (criteria of a grade, a section's requirements) and all are shown. */
export type QuoteMode = 'all' | 'chosen';

export function quoteModeFor(plan: AnswerPlan): QuoteMode | undefined {
  if (plan.outcome !== 'answered' || plan.items.length === 0) return undefined;
  // Swedish answers stay deterministic: the uncited-claim check (uncited-claims.ts) compares the
  // model's text with the Finnish and English wording only, so it could not catch a Swedish paraphrase.
  if (plan.lang === 'sv') return undefined;
  switch (plan.intent.kind) {
    case 'grade-criteria':
    case 'grade-compare':
    case 'grading-overview':
    case 'section-requirements':
    case 'all-requirements':
    case 'demonstration':
    case 'unit-facts':
    case 'compare-topics':
      return 'all';
    case 'requirement-check':
    case 'search':
      return 'chosen';
    // Fixed replies and refusals are the deterministic composer's: nothing to improve with an LLM.
    case 'greeting':
    case 'thanks':
    case 'help':
    case 'grade-invalid':
    case 'unknown-unit':
    case 'personal':
    case 'source':
      return undefined;
  }
}

export function canComposeWithLlm(plan: AnswerPlan): boolean {
  return quoteModeFor(plan) !== undefined;
}
