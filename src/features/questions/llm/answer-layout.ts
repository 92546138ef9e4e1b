// Turns a validated LLM answer into the same blocks the deterministic composer uses: the model's
// connecting text, then the knowledge base's own wording for every record shown, then the sources.
import type { AnswerPlan } from '../plan.ts';
import type { Block, Lang, ListItem, MessageReply } from '../../../conversation/reply.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../../knowledge/knowledge-base.ts';
import { passageBlocks, quoteItem, quoteNote } from '../compose-deterministic.ts';
import { levelName, ownLevelName, titleIn } from '../labels.ts';
import { texts } from '../texts.ts';
import type { LlmAnswer } from './answer-schema.ts';
import type { Focus } from '../excerpt.ts';

function pointItem(point: LlmAnswer['points'][number]): ListItem {
  const [first, ...rest] = point.cite;
  const text = rest.length ? `${point.text} ${rest.map((id) => `[${id}]`).join(' ')}` : point.text;
  return first === undefined ? { text } : { text, cite: first };
}

/** A heading (or context line) per group, so criteria stay under their grade and requirements under their section. */
function groupTitle(item: KnowledgeItem, lang: Lang): Block | undefined {
  switch (item.kind) {
    case 'criterion': {
      const heading = (l: Lang, level: string) => texts.in(l)('criteriaHeading', { level });
      // English: "Good 4: assessment criteria (Hyvä 4: arviointikriteerit)"; Swedish: "God 4 (Hyvä 4): bedömningskriterier".
      const text = lang === 'en'
        ? `${heading('en', item.level.name.en ?? item.level.name.fi)} (${heading('fi', item.level.name.fi)})`
        : heading(lang, levelName(item.level, lang));
      return { type: 'heading', text };
    }
    case 'requirement':
      return { type: 'context', text: titleIn(item.section.title, lang) };
    case 'method':
      return { type: 'heading', text: titleIn(item.unit.demonstration.title, lang) };
    case 'unit':
    case 'passage':
      return undefined;
  }
}

function groupKey(item: KnowledgeItem): string {
  switch (item.kind) {
    case 'criterion':
      return `criterion:${item.level.id}`;
    case 'requirement':
      return `requirement:${item.section.id}`;
    case 'method':
    case 'unit':
      return item.kind;
    case 'passage':
      return `passage:${item.id}`;
  }
}

/** The subject the quoted verb phrases share ("toteuttaa työn…" is what the student does). */
function subjectLine(item: KnowledgeItem, lang: Lang, firstOfKind: boolean): Block | undefined {
  const t = texts.in(lang);
  if (item.kind === 'criterion') {
    const subject = item.unit.assessment.subject.fi.toLowerCase();
    return { type: 'paragraph', text: t('gradeSubject', { level: ownLevelName(item.level, lang), subject }) };
  }
  if (item.kind === 'requirement' && firstOfKind) {
    return { type: 'paragraph', text: t('requirementsSubject') };
  }
  return undefined;
}

export function quotedBlocks(items: readonly KnowledgeItem[], lang: Lang, focus?: Focus): Block[] {
  const groups = new Map<string, KnowledgeItem[]>();
  for (const item of items) groups.set(groupKey(item), [...(groups.get(groupKey(item)) ?? []), item]);
  const kindsSeen = new Set<KnowledgeItem['kind']>();
  return [...groups.values()].flatMap((group): Block[] => {
    const [first] = group;
    if (first === undefined) return [];
    if (first.kind === 'passage') return passageBlocks(first, lang, { questions: false, ...(focus ? { focus } : {}) });
    const subject = subjectLine(first, lang, !kindsSeen.has(first.kind));
    kindsSeen.add(first.kind);
    const title = groupTitle(first, lang);
    // Requirements: "The student:" once, then each section's title over its list.
    const header = first.kind === 'requirement' ? [subject, title] : [title, subject];
    return [...header.flatMap((b) => (b ? [b] : [])), { type: 'list', items: group.map((i) => quoteItem(i, lang)) }];
  });
}

export function layoutLlmAnswer(input: {
  plan: AnswerPlan;
  kb: KnowledgeBase;
  /** The answer with names already restored. */
  answer: LlmAnswer;
  shown: readonly KnowledgeItem[];
  cited: readonly KnowledgeItem[];
}): MessageReply {
  const { plan, kb, answer, shown, cited } = input;
  const lang = plan.lang;
  const blocks: Block[] = [];
  if (answer.intro.trim()) blocks.push({ type: 'paragraph', text: answer.intro.trim() });
  if (answer.points.length) blocks.push({ type: 'list', items: answer.points.map(pointItem) });
  blocks.push(...quotedBlocks(shown, lang, plan.focus));
  if (shown.some((i) => i.kind !== 'passage')) blocks.push(...quoteNote(lang));
  if (answer.outro?.trim()) blocks.push({ type: 'paragraph', text: answer.outro.trim() });
  return { kind: 'message', lang, blocks, citations: cited.map((i) => kb.cite(i, lang)) };
}
