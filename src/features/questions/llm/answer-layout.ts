// Turns a validated LLM answer into the same blocks the deterministic composer uses: the model's
// connecting text, then the knowledge base's own wording for every record shown, then the sources.
import type { AnswerPlan } from '../plan.ts';
import type { Block, Lang, ListItem, MessageReply } from '../../../conversation/reply.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../../knowledge/knowledge-base.ts';
import { textOf } from '../../../knowledge/knowledge-base.ts';
import type { LlmAnswer } from './answer-schema.ts';

const PASSAGE_DISPLAY_LIMIT = 1200;

function quoteItem(item: KnowledgeItem, lang: Lang): ListItem {
  const text = textOf(item);
  return lang === 'fi' ? { text: text.fi, cite: item.id } : { text: text.fi, translation: text.en, cite: item.id };
}

function pointItem(point: LlmAnswer['points'][number]): ListItem {
  const [first, ...rest] = point.cite;
  const text = rest.length ? `${point.text} ${rest.map((id) => `[${id}]`).join(' ')}` : point.text;
  return first === undefined ? { text } : { text, cite: first };
}

function passageBlocks(item: Extract<KnowledgeItem, { kind: 'passage' }>, lang: Lang): Block[] {
  const full = item.record.text;
  const text = full.length > PASSAGE_DISPLAY_LIMIT ? `${full.slice(0, PASSAGE_DISPLAY_LIMIT).replace(/\s+\S*$/, '')} …` : full;
  return [
    { type: 'heading', text: lang === 'fi' ? item.record.title.fi : `${item.record.title.en} (${item.record.title.fi})` },
    { type: 'context', text: lang === 'fi' ? `Lähde: ${item.document.title.fi}` : `Source: ${item.document.title.fi} (${item.document.title.en}), quoted in Finnish` },
    { type: 'quote', text, cite: item.id },
  ];
}

/** A heading (or context line) per group, so criteria stay under their grade and requirements under their section. */
function groupTitle(item: KnowledgeItem, lang: Lang): Block | undefined {
  const both = (fi: string, en: string): string => (lang === 'fi' ? fi : `${en} (${fi})`);
  switch (item.kind) {
    case 'criterion':
      return { type: 'heading', text: both(`${item.level.name.fi}: arviointikriteerit`, `${item.level.name.en}: assessment criteria`) };
    case 'requirement':
      return { type: 'context', text: both(item.section.title.fi, item.section.title.en) };
    case 'method':
      return { type: 'heading', text: both(item.unit.demonstration.title.fi, item.unit.demonstration.title.en) };
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
  if (item.kind === 'criterion') {
    const subject = item.unit.assessment.subject.fi.toLowerCase();
    return { type: 'paragraph', text: lang === 'fi' ? `Arvosanaan ${item.level.name.fi} ${subject}:` : `For ${item.level.name.en}, the student:` };
  }
  if (item.kind === 'requirement' && firstOfKind) {
    return { type: 'paragraph', text: lang === 'fi' ? 'Ammattitaitovaatimukset. Opiskelija:' : 'Professional skill requirements. The student:' };
  }
  return undefined;
}

export function quotedBlocks(items: readonly KnowledgeItem[], lang: Lang): Block[] {
  const groups = new Map<string, KnowledgeItem[]>();
  for (const item of items) groups.set(groupKey(item), [...(groups.get(groupKey(item)) ?? []), item]);
  const kindsSeen = new Set<KnowledgeItem['kind']>();
  return [...groups.values()].flatMap((group): Block[] => {
    const [first] = group;
    if (first === undefined) return [];
    if (first.kind === 'passage') return passageBlocks(first, lang);
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
  blocks.push(...quotedBlocks(shown, lang));
  if (lang === 'en' && shown.some((i) => i.kind !== 'passage')) {
    blocks.push({ type: 'context', text: 'Requirements and criteria are quoted in Finnish from the national qualification requirements; the English lines are Osaava\'s translation.' });
  }
  if (answer.outro?.trim()) blocks.push({ type: 'paragraph', text: answer.outro.trim() });
  return { kind: 'message', lang, blocks, citations: cited.map((i) => kb.cite(i, lang)) };
}
