// The target: an answer prompt carries at most a fifth of the tokens of a prompt that sends
// the whole knowledge base, on average over the development questions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerPromptBudget, estimateTokens, intentPromptTokens } from '../../../../src/features/questions/llm/prompt-budget.ts';
import { realKnowledge } from '../../../support/knowledge.ts';

const { kb, answers } = realKnowledge();
const questionSchema = z.object({ q: z.string() });
const questions = readFileSync('/work/shared/eval/questions.dev.jsonl', 'utf8').trim().split('\n').map((l) => questionSchema.parse(JSON.parse(l)).q);

describe('prompt tokens per answer', () => {
  it('estimates tokens as characters / 4', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('abcdefghi')).toBe(3);
  });

  it('stays at or below a fifth of the whole-knowledge-base baseline on average', () => {
    const budgets = questions.flatMap((q) => answerPromptBudget(answers.plan(q), kb) ?? []);
    expect(budgets.length).toBeGreaterThanOrEqual(20);
    const ratio = budgets.reduce((sum, b) => sum + b.prompt / b.baseline, 0) / budgets.length;
    expect(ratio).toBeLessThanOrEqual(0.2);
    // No single answer prompt comes near the baseline either.
    for (const b of budgets) expect(b.prompt / b.baseline).toBeLessThan(0.5);
  });

  it('counts every prompt of a question the rules could not place, too', () => {
    const plan = answers.plan('kerro vitsi');
    expect(answerPromptBudget(plan, kb)).toBeUndefined();
    const baseline = answerPromptBudget(answers.plan('mitä arvosanaan 3 vaaditaan'), kb)?.baseline ?? 0;
    expect(intentPromptTokens(plan, kb)).toBeLessThanOrEqual(baseline / 5);
  });
});
