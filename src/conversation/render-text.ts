// Plain-text rendering of a reply, for the command line, logs at debug and platforms without markup.
import type { Block, Reply } from './reply.ts';

function stripMarks(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1$2');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `\n${stripMarks(block.text)}`;
    case 'paragraph':
    case 'context':
      return stripMarks(block.text);
    case 'list':
      return block.items
        .map((i) => `  • ${stripMarks(i.text)}${i.cite ? ` [${i.cite}]` : ''}${i.translation ? `\n    (${i.translation})` : ''}`)
        .join('\n');
    case 'quote':
      return `  “${block.text}”${block.cite ? ` [${block.cite}]` : ''}${block.translation ? `\n  (${block.translation})` : ''}`;
    case 'actions':
      return '';
  }
}

export function renderPlainText(reply: Reply): string {
  switch (reply.kind) {
    case 'message':
      return reply.blocks.map(renderBlock).filter(Boolean).join('\n').trim();
    case 'form':
      return [reply.title, ...reply.intro.map(renderBlock), ...reply.fields.map((f) => `  [${f.label}]`)].filter(Boolean).join('\n').trim();
  }
}
