// Plain-text rendering of a reply, for the command line, logs at debug and platforms without markup.
import { type Block, type Reply, stripUserTextMarks, withLiterals } from './reply.ts';

/** Osaava's marks removed; what a person wrote stays as written. */
function stripMarks(text: string): string {
  return withLiterals(text, (core) => core.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1$2'), (literal) => literal);
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
      return `  “${stripUserTextMarks(block.text)}”${block.cite ? ` [${block.cite}]` : ''}${block.translation ? `\n  (${block.translation})` : ''}`;
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
    case 'file':
      return `${stripMarks(reply.comment)}\n  [${reply.name}]`.trim();
  }
}
