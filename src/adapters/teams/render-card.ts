// A MessageReply as Teams shows it: a markdown text message when the reply is only prose, an Adaptive
// Card 1.5 when structure helps (lists, quotes, citations, buttons). Pure: no SDK, no I/O.
import { type Block, type Citation, type FileReply, hasUserText, type ListItem, type MessageReply, type SuggestedAction, textRuns } from '../../conversation/reply.ts';
import {
  cardBytes,
  createCard,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type RichTextBlock,
  type TextBlock,
  type TextRun,
} from './adaptive-card.ts';
import { texts } from './texts.ts';

/** What one reply becomes: one or more Teams messages. */
export type TeamsMessage = { kind: 'text'; text: string } | { kind: 'card'; card: AdaptiveCard };

/**
 * Teams refuses messages over about 28 KB (the whole activity). Cards are kept well under that so the
 * activity envelope (ids, conversation, service URL) fits too.
 */
export const CARD_BUDGET_BYTES = 24 * 1024;

type CiteNumbers = ReadonlyMap<string, number>;

export function renderMessage(reply: MessageReply, budget = CARD_BUDGET_BYTES): TeamsMessage[] {
  if (!needsCard(reply)) {
    return splitText(renderMarkdownText(reply.blocks), budget).map((text) => ({ kind: 'text', text }));
  }
  return renderMessageCards(reply, budget).map((card) => ({ kind: 'card', card }));
}

/** Always cards, e.g. for the card that replaces a submitted form. */
export function renderMessageCards(reply: MessageReply, budget = CARD_BUDGET_BYTES): AdaptiveCard[] {
  const numbers = citeNumbers(reply.citations);
  const body = [...reply.blocks.flatMap((block) => renderBlock(block, numbers)), ...renderCitations(reply)];
  return packCards(body, budget);
}

function needsCard(reply: MessageReply): boolean {
  return (
    reply.citations.length > 0 ||
    reply.blocks.some((b) => b.type === 'list' || b.type === 'quote' || b.type === 'actions' || blockHasUserText(b))
  );
}

/** A text message is markdown all through; a person's text needs a card's RichTextBlock to stay literal. */
function blockHasUserText(block: Block): boolean {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'context':
    case 'quote':
      return hasUserText(block.text);
    case 'list':
      return block.items.some((i) => hasUserText(i.text));
    case 'actions':
      return false;
  }
}

type TextStyle = Omit<TextBlock, 'type' | 'text' | 'wrap'>;

/**
 * A text for a card. Osaava's own text is a markdown TextBlock. A text holding what a person wrote is a
 * RichTextBlock: its TextRuns are never read as markdown (no links, lists, bold, `{{DATE()}}`), and
 * Osaava's own **bold** and _italic_ around it become the runs' weight and italic.
 */
export function cardText(text: string, style: TextStyle = {}): TextBlock | RichTextBlock {
  if (!hasUserText(text)) return textBlock(text, style);
  const inlines = textRuns(text).map((run): TextRun => {
    const inline: TextRun = { type: 'TextRun', text: run.text };
    if (run.bold || style.weight === 'Bolder') inline.weight = 'Bolder';
    if (run.italic) inline.italic = true;
    if (style.size === 'Small') inline.size = 'Small';
    if (style.isSubtle) inline.isSubtle = true;
    return inline;
  });
  const block: RichTextBlock = { type: 'RichTextBlock', inlines };
  if (style.spacing) block.spacing = style.spacing;
  if (style.separator) block.separator = style.separator;
  return block;
}

function citeNumbers(citations: Citation[]): CiteNumbers {
  return new Map(citations.map((c, i) => [c.id, i + 1]));
}

function citeMark(cite: string | undefined, numbers: CiteNumbers): string {
  const n = cite === undefined ? undefined : numbers.get(cite);
  return n === undefined ? '' : ` [${n}]`;
}

/** Markdown italics do not cross line breaks: each line is wrapped on its own. */
export function italic(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() ? `_${line.trim()}_` : line))
    .join('\n');
}

export function renderBlock(block: Block, numbers: CiteNumbers = new Map()): CardElement[] {
  switch (block.type) {
    case 'heading':
      return [cardText(block.text, { size: 'Medium', weight: 'Bolder', style: 'heading' })];
    case 'paragraph':
      return [cardText(block.text)];
    case 'context':
      return [cardText(block.text, { size: 'Small', isSubtle: true })];
    case 'list':
      return [{ type: 'Container', items: block.items.flatMap((item) => renderListItem(item, numbers)) }];
    case 'quote':
      return [
        {
          type: 'Container',
          style: 'emphasis',
          items: [
            cardText(`“${block.text}”${citeMark(block.cite, numbers)}`),
            ...(block.translation ? [translationBlock(block.translation)] : []),
          ],
        },
      ];
    case 'actions':
      return block.actions.length > 0 ? [{ type: 'ActionSet', actions: block.actions.map(sayAction) }] : [];
  }
}

function renderListItem(item: ListItem, numbers: CiteNumbers): CardElement[] {
  const line = cardText(`• ${item.text}${citeMark(item.cite, numbers)}`, { spacing: 'Small' });
  return item.translation ? [line, translationBlock(item.translation)] : [line];
}

function translationBlock(translation: string): TextBlock {
  return textBlock(italic(translation), { isSubtle: true, spacing: 'None' });
}

/**
 * A suggested follow-up: in Teams an `imBack` posts the text as the user's own message (so the chat
 * shows what was asked); other hosts submit the data, which the adapter sends to the core the same way.
 */
export function sayAction(action: SuggestedAction): CardAction {
  return {
    type: 'Action.Submit',
    title: action.label,
    data: { osaava: 'say', text: action.text, msteams: { type: 'imBack', value: action.text } },
  };
}

function renderCitations(reply: MessageReply): CardElement[] {
  if (reply.citations.length === 0) return [];
  return [
    textBlock(texts.in(reply.lang)('sourcesLabel'), { size: 'Small', weight: 'Bolder', separator: true, spacing: 'Medium' }),
    ...reply.citations.map((c, i) => textBlock(`[${i + 1}] **${c.title}** — ${c.origin}`, { size: 'Small', isSubtle: true, spacing: 'None' })),
  ];
}

function renderMarkdownText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return `**${block.text}**`;
        case 'paragraph':
          return block.text;
        case 'context':
          return italic(block.text);
        case 'list':
          return block.items.map((i) => `- ${i.text}`).join('\n');
        case 'quote':
          return `> ${block.text}`;
        case 'actions':
          return '';
      }
    })
    .filter(Boolean)
    .join('\n\n');
}

// ---- A file ----

/**
 * A file as Teams can take it from a bot without more: a card with the comment and the file's name, its
 * contents shown on demand (Action.ShowCard) as a RichTextBlock, which Teams never reads as markdown, to be
 * copied. Sending a real file in a 1:1 chat takes the file-consent flow: the user accepts a consent card,
 * the file goes into *their OneDrive*, and the bot must keep it until they do. A file
 * too big for one card is shown in numbered parts, each on its own card.
 */
export function renderFileCards(reply: FileReply, budget = CARD_BUDGET_BYTES): AdaptiveCard[] {
  const header = (part: string): CardElement[] => [
    cardText(reply.comment),
    textBlock(`📎 ${reply.name}${part}`, { size: 'Small', isSubtle: true, spacing: 'Small' }),
  ];
  const t = texts.in(reply.lang);
  const shell = (part: string, text: string): AdaptiveCard =>
    createCard(header(part), [
      { type: 'Action.ShowCard', title: t('showFile'), card: createCard([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, fontType: 'Monospace', size: 'Small' }] }]) },
    ]);
  const room = budget - cardBytes(shell(' (99/99)', ''));
  const pieces = splitText(reply.content, room);
  if (pieces.length === 1) return [shell('', reply.content)];
  return pieces.map((piece, i) => shell(` (${i + 1}/${pieces.length})`, piece));
}

// ---- Keeping within Teams' message size ----

/** Packs body elements into as few cards as fit the budget; an element too big on its own is split first. */
export function packCards(body: CardElement[], budget: number): AdaptiveCard[] {
  const emptySize = cardBytes(createCard([]));
  const cards: CardElement[][] = [];
  let current: CardElement[] = [];
  let size = emptySize;
  for (const element of body.flatMap((e) => splitElement(e, budget - emptySize))) {
    const elementSize = cardBytes(element) + 1;
    if (current.length > 0 && size + elementSize > budget) {
      cards.push(current);
      current = [];
      size = emptySize;
    }
    current.push(element);
    size += elementSize;
  }
  if (current.length > 0) cards.push(current);
  return cards.map((items) => createCard(items));
}

function splitElement(element: CardElement, room: number): CardElement[] {
  if (cardBytes(element) <= room) return [element];
  switch (element.type) {
    case 'TextBlock': {
      const overhead = cardBytes({ ...element, text: '' });
      return splitText(element.text, room - overhead).map((text) => ({ ...element, text }));
    }
    case 'Container': {
      // Children are split and regrouped into containers of the same style.
      const overhead = cardBytes({ ...element, items: [] });
      const groups: CardElement[][] = [[]];
      let size = overhead;
      for (const child of element.items.flatMap((c) => splitElement(c, room - overhead))) {
        const childSize = cardBytes(child) + 1;
        const group = groups[groups.length - 1];
        if (group && group.length > 0 && size + childSize > room) {
          groups.push([child]);
          size = overhead + childSize;
        } else {
          group?.push(child);
          size += childSize;
        }
      }
      return groups.map((items) => ({ ...element, items }));
    }
    case 'RichTextBlock': {
      // Runs are split between blocks; one run too long on its own is cut at text boundaries.
      const overhead = cardBytes({ ...element, inlines: [] });
      const runs = element.inlines.flatMap((run) => {
        const runOverhead = cardBytes({ ...run, text: '' });
        return cardBytes(run) + 1 <= room - overhead ? [run] : splitText(run.text, room - overhead - runOverhead).map((text) => ({ ...run, text }));
      });
      const groups: TextRun[][] = [[]];
      let size = overhead;
      for (const run of runs) {
        const runSize = cardBytes(run) + 1;
        const group = groups[groups.length - 1];
        if (group && group.length > 0 && size + runSize > room) {
          groups.push([run]);
          size = overhead + runSize;
        } else {
          group?.push(run);
          size += runSize;
        }
      }
      return groups.map((inlines) => ({ ...element, inlines }));
    }
    case 'ActionSet':
    case 'Input.ChoiceSet':
    case 'Input.Text':
      return [element];
  }
}

/** Splits text at paragraph, line, sentence or word boundaries so that each piece's JSON fits `maxBytes`. */
export function splitText(text: string, maxBytes: number): string[] {
  const limit = Math.max(maxBytes, 64);
  const pieces: string[] = [];
  let rest = text;
  while (jsonBytes(rest) > limit) {
    const cut = findCut(rest, limit);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8');
}

function findCut(text: string, limit: number): number {
  // Largest prefix that fits, found by halving; then back off to a natural boundary in its second half.
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (jsonBytes(text.slice(0, mid)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  const prefix = text.slice(0, lo);
  for (const boundary of ['\n\n', '\n', '. ', ' ']) {
    const at = prefix.lastIndexOf(boundary);
    if (at > lo / 2) return at + boundary.length;
  }
  // Never cut a surrogate pair in half.
  const code = text.charCodeAt(lo - 1);
  return code >= 0xd800 && code <= 0xdbff ? lo - 1 : lo;
}
