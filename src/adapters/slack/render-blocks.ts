// A core MessageReply as Block Kit: headers, mrkdwn sections, context lines, suggestion buttons and
// a sources line at the end. Pure; the limits of Block Kit are kept here, not by the callers.
import type { types } from '@slack/bolt';
import { type Block, type Citation, hasUserText, type Lang, type ListItem, type MessageReply, type Reply, type SuggestedAction, textRuns } from '../../conversation/reply.ts';
import { renderPlainText } from '../../conversation/render-text.ts';
import { texts } from './texts.ts';
import { escapeMrkdwn, italic, LIMITS, splitText, toMrkdwn, toPlain, truncate } from './block-kit-text.ts';
import { suggestActionId } from './interaction-ids.ts';

type KnownBlock = types.KnownBlock;
type ContextBlock = types.ContextBlock;
type SectionBlock = types.SectionBlock;
type Button = types.Button;
type RichTextElement = types.RichTextElement;

/** One section of a short text the adapter wrote itself; the core's texts go through `sections` (split, never cut). */
export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
}

/** A text of any length as sections of at most 3,000 characters each: split, never cut. */
export function sectionsOf(mrkdwn: string): SectionBlock[] {
  return packLines(mrkdwn.split('\n'), LIMITS.sectionText).map(section);
}

/** Context lines: a text longer than an element holds is split over elements, ten elements a block. */
export function context(mrkdwnElements: string[]): ContextBlock {
  return contexts(mrkdwnElements)[0] ?? { type: 'context', elements: [{ type: 'mrkdwn', text: ' ' }] };
}

export function contexts(mrkdwnElements: string[]): ContextBlock[] {
  const elements = mrkdwnElements.filter((t) => t.trim()).flatMap((text) => splitText(text, LIMITS.contextText));
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text })) });
  }
  return blocks;
}

/**
 * Packs lines into as few texts of at most `max` characters as it can; a line longer than that is split
 * over several (at a space where it can), never cut. Empty and blank results are left out.
 */
export function packLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((raw) => (raw.length > max ? splitText(raw, max) : [raw]))) {
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks.filter((c) => c.trim());
}

function sections(lines: string[]): SectionBlock[] {
  return packLines(lines, LIMITS.sectionText).map(section);
}

const citeTag = (cite: string | undefined): string => (cite ? ` [${escapeMrkdwn(cite)}]` : '');

function listLines(items: ListItem[]): string[] {
  return items.map((item) => {
    const translation = item.translation ? `\n      ${italic(item.translation)}` : '';
    return `•  ${toMrkdwn(item.text)}${citeTag(item.cite)}${translation}`;
  });
}

function quoteLines(block: Extract<Block, { type: 'quote' }>): string[] {
  const lines = block.text.split('\n').map((line) => `>${toMrkdwn(line)}`);
  const last = lines.length - 1;
  lines[last] = `${lines[last] ?? '>'}${citeTag(block.cite)}`;
  if (block.translation) lines.push(italic(block.translation));
  return lines;
}

// ---- A person's text: rich text, whose `text` elements Slack shows as written (no mrkdwn, links, mentions) ----

function richRuns(text: string): RichTextElement[] {
  return textRuns(text).flatMap((run) =>
    splitText(run.text, LIMITS.sectionText).map((piece) => {
      const element: types.RichTextText = { type: 'text', text: piece };
      if (run.bold || run.italic) element.style = { ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}) };
      return element;
    }),
  );
}

const plainRun = (text: string, style?: { italic: true }): RichTextElement => ({ type: 'text', text, ...(style ? { style } : {}) });

function richParagraph(text: string): KnownBlock {
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: richRuns(text) }] };
}

function richQuote(block: Extract<Block, { type: 'quote' }>): KnownBlock[] {
  const elements = [...richRuns(block.text), ...(block.cite ? [plainRun(` [${block.cite}]`)] : [])];
  const quote: KnownBlock = { type: 'rich_text', elements: [{ type: 'rich_text_quote', elements }] };
  return block.translation ? [quote, ...sectionsOf(italic(block.translation))] : [quote];
}

function richList(items: ListItem[]): KnownBlock {
  const sectionOf = (item: ListItem): types.RichTextSection => ({
    type: 'rich_text_section',
    elements: [
      ...richRuns(item.text),
      ...(item.cite ? [plainRun(` [${item.cite}]`)] : []),
      ...(item.translation ? [plainRun(`\n${item.translation}`, { italic: true })] : []),
    ],
  });
  return { type: 'rich_text', elements: [{ type: 'rich_text_list', style: 'bullet', elements: items.map(sectionOf) }] };
}

function suggestionButtons(actions: SuggestedAction[]): KnownBlock[] {
  // A button's value is what gets "typed" on click; one too long to fit is left out rather than cut.
  const buttons: Button[] = actions
    .filter((a) => a.text.trim() && a.text.length <= LIMITS.buttonValue)
    .map((a, i) => ({
      type: 'button',
      text: { type: 'plain_text', text: truncate(toPlain(a.label), LIMITS.buttonText), emoji: true },
      action_id: suggestActionId(i),
      value: a.text,
    }));
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

function plainContexts(text: string): ContextBlock[] {
  const elements = text.trim() ? splitText(text, LIMITS.contextText) : [];
  const blocks: ContextBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: elements.slice(i, i + LIMITS.contextElements).map((t) => ({ type: 'plain_text', text: t, emoji: false })) });
  }
  return blocks;
}

const blank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';

function richElementsWithText(elements: types.RichTextBlockElement[]): types.RichTextBlockElement[] {
  return elements.flatMap((element): types.RichTextBlockElement[] => {
    if (element.type === 'rich_text_list') {
      const items = element.elements.map((item) => ({ ...item, elements: item.elements.filter((e) => e.type !== 'text' || e.text !== '') })).filter((item) => item.elements.some((e) => e.type !== 'text' || !blank(e.text)));
      return items.length ? [{ ...element, elements: items }] : [];
    }
    if (element.type === 'rich_text_section' || element.type === 'rich_text_quote' || element.type === 'rich_text_preformatted') {
      const kept = element.elements.filter((e) => e.type !== 'text' || e.text !== '');
      return kept.some((e) => e.type !== 'text' || !blank(e.text)) ? [{ ...element, elements: kept } as types.RichTextBlockElement] : [];
    }
    return [element];
  });
}

/**
 * Slack rejects a whole message when one block's text is empty (`invalid_blocks`): headers, sections and
 * context elements with no text are left out, and so are empty rich text runs; a block left with nothing goes.
 */
export function withoutEmptyTexts(blocks: KnownBlock[]): KnownBlock[] {
  return blocks.flatMap((block): KnownBlock[] => {
    switch (block.type) {
      case 'header':
        return blank(block.text.text) ? [] : [block];
      case 'section':
        return blank(block.text?.text) && !block.fields?.length && !block.accessory ? [] : [block.text && blank(block.text.text) ? { ...block, text: undefined } : block];
      case 'context': {
        const elements = block.elements.filter((e) => e.type === 'image' || !blank(e.text));
        return elements.length ? [{ ...block, elements }] : [];
      }
      case 'rich_text': {
        const elements = richElementsWithText(block.elements);
        return elements.length ? [{ ...block, elements }] : [];
      }
      case 'actions':
        return block.elements.length ? [block] : [];
      default:
        return [block];
    }
  });
}

export function renderBlock(block: Block): KnownBlock[] {
  return withoutEmptyTexts(renderCoreBlock(block));
}

function renderCoreBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'heading': {
      const plain = toPlain(block.text);
      return plain.length <= LIMITS.headerText
        ? [{ type: 'header', text: { type: 'plain_text', text: plain, emoji: true } }]
        : hasUserText(block.text)
          ? [richParagraph(`**${block.text}**`)]
          : sectionsOf(`*${escapeMrkdwn(plain)}*`);
    }
    case 'paragraph':
      return hasUserText(block.text) ? [richParagraph(block.text)] : sections(toMrkdwn(block.text).split('\n'));
    case 'list':
      return block.items.some((item) => hasUserText(item.text)) ? [richList(block.items)] : sections(listLines(block.items));
    case 'quote':
      return hasUserText(block.text) ? richQuote(block) : sections(quoteLines(block));
    case 'context':
      return hasUserText(block.text)
        ? plainContexts(toPlain(block.text))
        : contexts([toMrkdwn(block.text)]);
    case 'actions':
      return suggestionButtons(block.actions);
    default:
      return assertNever(block);
  }
}

function citationLine(c: Citation): string {
  return `[${escapeMrkdwn(c.id)}] ${escapeMrkdwn(c.title)} · ${escapeMrkdwn(c.origin)}`;
}

/** "Lähteet: …" as context blocks of at most ten elements each. */
export function renderCitations(citations: Citation[], lang: Lang): ContextBlock[] {
  if (citations.length === 0) return [];
  return contexts([`*${texts.in(lang)('sourcesLabel')}:*`, ...citations.map(citationLine)]);
}

/** All blocks of a reply, however many; `splitIntoMessages` or `fitBlocks` bounds them per surface. */
export function renderMessageBlocks(reply: MessageReply): KnownBlock[] {
  return [...reply.blocks.flatMap(renderBlock), ...renderCitations(reply.citations, reply.lang)];
}

/** The notification and screen-reader text Slack shows where blocks cannot be shown. */
export function fallbackText(reply: Reply): string {
  return truncate(escapeMrkdwn(renderPlainText(reply)), LIMITS.fallbackText) || ' ';
}

/** Splits blocks into chunks a message can hold. */
export function splitIntoMessages(blocks: KnownBlock[], max: number = LIMITS.blocksPerMessage): KnownBlock[][] {
  const chunks: KnownBlock[][] = [];
  for (let i = 0; i < blocks.length; i += max) chunks.push(blocks.slice(i, i + max));
  return chunks;
}

/** Keeps what one surface (an updated message, a view) can hold, saying so when something was left out. */
export function fitBlocks(blocks: KnownBlock[], max: number, lang: Lang): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  if (max <= 0) return [];
  return [...blocks.slice(0, max - 1), context([`_${texts.in(lang)('messageShortened')}_`])];
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
