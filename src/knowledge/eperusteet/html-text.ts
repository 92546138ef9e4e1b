// ePerusteet's texts are HTML from its editor ("<p>…</p>", "<ul><li>…</li></ul>", "&nbsp;"). The knowledge
// base holds clean text: paragraphs and list items as blocks, entities decoded, whitespace collapsed.
// Lists stay lists: each item is a block of its own, or a "- " line where one text must hold them.

export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", shy: '', ndash: '–', mdash: '—', hellip: '…',
  auml: 'ä', ouml: 'ö', aring: 'å', Auml: 'Ä', Ouml: 'Ö', Aring: 'Å', uuml: 'ü', Uuml: 'Ü', eacute: 'é', Eacute: 'É',
  laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bull: '•', middot: '·', euro: '€', deg: '°',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? whole;
  });
}

function clean(text: string): string {
  return decodeEntities(text).replace(/\u00ad/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

const BREAKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'section', 'article', 'dt', 'table', 'hr']);
const LISTS = new Set(['ul', 'ol', 'dl']);
const ITEMS = new Set(['li', 'dd']);

/** The text's paragraphs and lists, in order. Nested lists are flattened into their list's items. */
export function htmlBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let listDepth = 0;
  let list: string[] | undefined;
  let inItem = false;
  const flushParagraph = () => {
    const text = clean(buffer);
    buffer = '';
    if (text) blocks.push({ kind: 'paragraph', text });
  };
  const flushItem = () => {
    const text = clean(buffer);
    buffer = '';
    if (text && list) list.push(text);
  };
  // Comments, scripts and styles hold no curriculum text.
  const source = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  for (const token of source.split(/(<[^>]*>)/)) {
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!tag) {
      if (!token.startsWith('<')) buffer += token;
      continue;
    }
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    // A line break inside a sentence only separates words.
    if (name === 'br') buffer += ' ';
    else if (LISTS.has(name)) {
      if (!closing) {
        if (listDepth === 0) {
          flushParagraph();
          list = [];
        } else if (inItem) flushItem(); // the parent item's own text, before its sub-list
        listDepth++;
      } else if (listDepth > 0) {
        flushItem();
        listDepth--;
        if (listDepth === 0 && list) {
          if (list.length) blocks.push({ kind: 'list', items: list });
          list = undefined;
          inItem = false;
        }
      }
    } else if (ITEMS.has(name)) {
      if (listDepth === 0) {
        flushParagraph(); // an item outside any list reads as a paragraph
        continue;
      }
      flushItem();
      inItem = !closing;
    } else if (BREAKS.has(name)) {
      if (listDepth > 0) {
        // Inside a list, a term (<dt>) heads the items that follow: it is a paragraph of its own.
        if (name === 'dt') {
          if (closing) flushParagraph();
          else flushItem();
        } else buffer += ' ';
      } else flushParagraph();
    }
    // Inline tags (b, i, span, a, strong, em) leave only their text.
  }
  if (listDepth > 0) {
    flushItem();
    if (list?.length) blocks.push({ kind: 'list', items: list });
  } else flushParagraph();
  return blocks;
}

/** One clean text: paragraphs on their own lines, list items as "- " lines. */
export function htmlToText(html: string): string {
  return htmlBlocks(html)
    .map((b) => (b.kind === 'paragraph' ? b.text : b.items.map((i) => `- ${i}`).join('\n')))
    .join('\n');
}

/** The blocks as separate items: each paragraph and each list item on its own. */
export function htmlItems(html: string): string[] {
  return htmlBlocks(html).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items));
}
