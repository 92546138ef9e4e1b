// The answer prompt: the plan's items only (never the whole knowledge base, never anyone's data),
// the redacted question, and what the planner already knows about the question.
import type { AnswerPlan } from '../plan.ts';
import type { KnowledgeItem } from '../../../knowledge/knowledge-base.ts';
import { textOf } from '../../../knowledge/knowledge-base.ts';
import type { QuoteMode } from './answer-scope.ts';
import { asData, languageName, prompts } from '../../../llm/prompts.ts';

/** Long enough for every record the planner picks today; a cap so one odd record cannot flood a prompt. */
const PASSAGE_PROMPT_LIMIT = 4000;

export interface AnswerPrompt {
  system: string;
  user: string;
}

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit).replace(/\s+\S*$/, '')} …` : text;
}

/** One record as the model sees it: `[id] kind · where`, then its texts. */
export function recordText(item: KnowledgeItem): string {
  const text = textOf(item);
  switch (item.kind) {
    case 'requirement':
      return `[${item.id}] requirement · section "${item.section.title.fi}" (${item.section.title.en ?? item.section.title.fi})\n  fi: ${text.fi}\n  en: ${text.en ?? '(no English)'}`;
    case 'criterion':
      return `[${item.id}] criterion · grade ${item.level.name.fi} (${item.level.name.en ?? item.level.name.fi}): the student\n  fi: ${text.fi}\n  en: ${text.en ?? '(no English)'}`;
    case 'method':
      return `[${item.id}] method · ${item.unit.demonstration.title.fi} (${item.unit.demonstration.title.en ?? item.unit.demonstration.title.fi})\n  fi: ${text.fi}\n  en: ${text.en ?? '(no English)'}`;
    case 'unit':
      return `[${item.id}] unit facts\n  fi: ${text.fi}\n  en: ${text.en ?? '(no English)'}`;
    case 'passage':
      return `[${item.id}] passage · ${item.document.title.fi} › ${item.record.headingPath.join(' › ')}\n  title: ${item.record.title.fi} (${item.record.title.en ?? item.record.title.fi})\n  fi: ${cut(item.record.text, PASSAGE_PROMPT_LIMIT)}`;
  }
}

export function recordsText(items: readonly KnowledgeItem[]): string {
  return items.map(recordText).join('\n\n');
}

function levelNames(plan: AnswerPlan, grades: readonly number[]): string {
  return grades.map((g) => plan.unit.assessment.levels.find((l) => l.grade === g)?.name.en ?? String(g)).join(' and ');
}

/** What the planner established, so the model neither contradicts nor repeats the lookup. */
export function planNote(plan: AnswerPlan): string {
  const { intent, unit, items } = plan;
  switch (intent.kind) {
    case 'grade-criteria':
      return `The question asks what ${levelNames(plan, intent.grades)} requires. The records are all the assessment criteria of that level.`;
    case 'grade-compare':
      return `The question compares ${levelNames(plan, intent.grades)}. The records are all their criteria; the criteria climb along the same threads: ${unit.assessment.threads.map((t) => t.name.en ?? t.name.fi).join(', ')}.`;
    case 'grading-overview':
      return `The question asks how the unit is graded: on the levels ${unit.assessment.levels.map((l) => l.name.en ?? l.name.fi).join(', ')}. The records are the criteria of every level.`;
    case 'section-requirements': {
      const section = unit.sections.find((s) => s.id === intent.sectionId);
      return `The question asks for the requirements of the section "${section?.title.en ?? intent.sectionId}". The records are all of them.`;
    }
    case 'all-requirements':
      return `The records are all ${items.length} professional skill requirements of the unit, in the sections ${unit.sections.map((s) => `"${s.title.en ?? s.title.fi}"`).join(', ')}.`;
    case 'demonstration':
      return 'The question asks how the skills of the unit are demonstrated. The records are the ways of demonstrating them.';
    case 'unit-facts':
      return 'The question asks about the unit itself; the record holds its facts.';
    case 'requirement-check':
      return items[0]?.kind === 'requirement'
        ? 'The question asks whether something belongs to the unit. The records are the unit\'s requirements closest to its topic: say which of them cover it.'
        : 'None of the unit\'s professional skill requirements matches the question\'s topic, so it is not one of the requirements. The records are what the supporting material says about it.';
    case 'search':
      return 'The records are the knowledge base\'s best matches for the question.';
    case 'compare-topics':
      return `The question sets side by side "${intent.topics[0]}" and "${intent.topics[1]}". The records are what the knowledge base says about each; compare only what they say.`;
    case 'source':
    case 'personal':
    case 'greeting':
    case 'thanks':
    case 'help':
    case 'grade-invalid':
    case 'unknown-unit':
      return '';
  }
}

function quotePolicy(mode: QuoteMode): string {
  switch (mode) {
    case 'all':
      return 'Osaava prints every record below word for word under your text, so do not list them again; `quotes` may stay empty.';
    case 'chosen':
      return 'Put in `quotes` the ids of the records that answer the question; Osaava prints them word for word under your text.';
  }
}

/** The prompt for a plan; `records` defaults to the plan's items (the baseline passes the whole knowledge base). */
export function buildAnswerPrompt(plan: AnswerPlan, redactedQuestion: string, mode: QuoteMode, records: readonly KnowledgeItem[] = plan.items): AnswerPrompt {
  const p = prompts();
  return {
    system: p.answerSystem({ unitName: `${plan.unit.name.fi} (${plan.unit.name.en ?? plan.unit.name.fi})`, language: languageName(plan.lang) }),
    user: p.answerUser({ question: asData(redactedQuestion), planNote: planNote(plan), quotePolicy: quotePolicy(mode), records: recordsText(records) }),
  };
}
