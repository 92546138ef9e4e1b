// A short narrative paragraph on top of one student's weekly figures. The prompt holds that one
// student's figures and a placeholder for their name, nothing else; the name is put back afterwards.
import { z } from 'zod';
import type { Lang } from '../../conversation/reply.ts';
import type { NamedPerson, Redactor } from '../../privacy/index.ts';
import type { NarrativeFigures } from './summary-service.ts';
import { detectLanguage } from '../../text/language.ts';
import { LlmError, type ChatModel } from '../../llm/chat-model.ts';
import { languageName, prompts } from '../../llm/prompts.ts';

export const narrativeSchema = z.object({ paragraph: z.string() });
export const LLM_NARRATIVE_SCHEMA_NAME = 'osaava_summary_narrative';
const MAX_PARAGRAPH_CHARS = 900;
const PERSON_PLACEHOLDER = /\[(?:STUDENT|INSTRUCTOR|TEACHER|PERSON)_\d+\]/g;

/** One student's week, as the deterministic summary computes it (its figures, nothing else). */
export type SummaryFigures = NarrativeFigures;

export interface SummaryNarrativeInput {
  lang: Lang;
  student: { name: string };
  figures: SummaryFigures;
}

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

export function figuresText(f: SummaryFigures): string {
  return [
    `Week: ${f.weekStart} to ${f.weekEnd}`,
    `Daily reflections: ${f.reflections.answered} answered, ${f.reflections.skipped} skipped, ${f.reflections.absent} absent`,
    `Instructor observations: ${f.observations}`,
    `Confidence average (1-5): ${f.confidenceAvg === null ? 'no ratings' : round(f.confidenceAvg)}; the week before: ${f.confidenceAvgPrevious === null ? 'no ratings' : round(f.confidenceAvgPrevious)}`,
    `Requirements touched (${f.requirementsTouched.length}):`,
    ...f.requirementsTouched.map((r) => `- [${r.id}] ${r.text}`),
  ].join('\n');
}

// Placeholders carry digits of their own ([STUDENT_1]); they are not figures.
const numbersIn = (text: string): Set<number> => new Set((text.replace(PERSON_PLACEHOLDER, '').match(/\d+/g) ?? []).map(Number));

/** One paragraph in `lang`. Throws `LlmError` when the model's paragraph cannot be trusted. */
export async function writeSummaryNarrative(deps: { model: ChatModel; redactor: Redactor }, input: SummaryNarrativeInput): Promise<string> {
  const names: NamedPerson[] = [{ name: input.student.name, kind: 'student' }];
  const student = deps.redactor.redact(input.student.name, { names });
  const figures = deps.redactor.redact(figuresText(input.figures), { names }).text;
  const p = prompts();
  const { value } = await deps.model.complete({
    system: p.summaryNarrativeSystem({ language: languageName(input.lang), studentPlaceholder: student.text }),
    messages: [{ role: 'user', content: p.summaryNarrativeUser({ figures }) }],
    schema: narrativeSchema,
    schemaName: LLM_NARRATIVE_SCHEMA_NAME,
    maxTokens: 300,
  });
  const paragraph = value.paragraph.trim();
  if (paragraph === '' || paragraph.length > MAX_PARAGRAPH_CHARS) throw new LlmError('invalid-output', 'the paragraph was empty or too long');
  if ((paragraph.match(PERSON_PLACEHOLDER) ?? []).some((ph) => ph !== student.text)) throw new LlmError('invalid-output', 'the paragraph named someone else');
  const known = numbersIn(figures);
  if ([...numbersIn(paragraph)].some((n) => !known.has(n))) throw new LlmError('invalid-output', 'the paragraph has a number that is not in the figures');
  if (detectLanguage(paragraph, input.lang) !== input.lang) throw new LlmError('invalid-output', 'the paragraph is in the wrong language');
  return deps.redactor.restore(paragraph, student.mapping);
}
