// Rendering of the bot's message replies (blocks, cite tags, sources), of errors and of inbox labels.
import { el, errorBox, inline, LOCALES, svgIcon } from './dom.ts';
import { botAvatar } from './ui.ts';
import type { Block, Citation, FileReply, Lang, ListItem, MessageReply } from './wire.ts';

/** Sends a text as if the user had typed it (a suggested action, Retry). */
export type SendText = (text: string) => void;

/** Anchor ids of a message's sources by citation id; generated, never taken from the data. */
type Anchors = Map<string, string>;

interface ReplyText {
  sources: string;
  source(id: string): string;
  suggestions: string;
}

/**
 * A reply's own chrome. The page is Finnish with English beside it, so a Finnish or an English reply
 * shows both; a Swedish reply shows Swedish.
 */
const REPLY_TEXT: Record<Lang, ReplyText> = {
  fi: { sources: 'Lähteet / Sources', source: (id) => `Lähde / Source ${id}`, suggestions: 'Ehdotukset / Suggestions' },
  en: { sources: 'Lähteet / Sources', source: (id) => `Lähde / Source ${id}`, suggestions: 'Ehdotukset / Suggestions' },
  sv: { sources: 'Källor', source: (id) => `Källa ${id}`, suggestions: 'Förslag' },
};

export function renderReply(reply: MessageReply | FileReply, seq: number, send: SendText): HTMLElement {
  if (reply.kind === 'file') return renderFile(reply);
  const lang = reply.lang;
  const citations = reply.citations;
  const anchors: Anchors = new Map();
  citations.forEach((c, i) => {
    if (!anchors.has(c.id)) anchors.set(c.id, `src-${seq}-${i}`);
  });
  const card = el('div', { class: 'card' });
  for (const block of reply.blocks) card.append(renderBlock(block, lang, anchors, send));
  if (citations.length > 0) card.append(renderSources(citations, anchors, lang));
  return el('article', { class: 'msg msg-bot', lang, attrs: { 'aria-label': 'Osaava' } }, [botAvatar(), card]);
}

/**
 * A file as a download made here from the reply itself (a blob: URL in this page's memory): the server
 * keeps no copy and serves no download.
 */
function renderFile(reply: FileReply): HTMLElement {
  const href = URL.createObjectURL(new Blob([reply.content], { type: reply.mimeType }));
  const link = el('a', { class: 'file-download', text: `📎 ${reply.name}`, attrs: { href, download: reply.name } });
  const card = el('div', { class: 'card' }, [inline('p', reply.comment, { class: 'block-paragraph' }), el('p', { class: 'block-file' }, [link])]);
  return el('article', { class: 'msg msg-bot', lang: reply.lang, attrs: { 'aria-label': 'Osaava' } }, [botAvatar(), card]);
}

export function renderBlock(block: Block, lang: Lang, anchors: Anchors, send: SendText): HTMLElement {
  switch (block.type) {
    case 'heading':
      return inline('h3', block.text, { class: 'block-heading' });
    case 'paragraph':
      return inline('p', block.text, { class: 'block-paragraph' });
    case 'context':
      return inline('p', block.text, { class: 'block-context' });
    case 'list':
      return el('ul', { class: 'block-list' }, block.items.map((item) => renderListItem(item, lang, anchors)));
    case 'quote': {
      const verbatim = Boolean(block.translation || block.cite);
      const figure = el('figure', { class: 'block-quote' }, [
        el('blockquote', verbatim ? { lang: 'fi' } : {}, [inline('span', block.text)]),
      ]);
      if (block.translation) figure.append(inline('span', block.translation, { class: 'translation', lang }));
      if (block.cite) figure.append(el('figcaption', {}, [citeTag(block.cite, anchors, lang)]));
      return figure;
    }
    case 'actions': {
      const group = el('div', { class: 'block-actions', attrs: { role: 'group', 'aria-label': REPLY_TEXT[lang].suggestions } });
      for (const action of block.actions) {
        const button = el('button', { class: 'action', text: action.label, attrs: { type: 'button' } });
        button.addEventListener('click', () => send(action.text));
        group.append(button);
      }
      return group;
    }
  }
}

function renderListItem(item: ListItem | null, lang: Lang, anchors: Anchors): HTMLElement {
  const li = el('li');
  if (!item) return li;
  // A translation means the item is a verbatim Finnish quote shown to an English reader.
  li.append(inline('span', item.text, { class: 'item-text', ...(item.translation ? { lang: 'fi' } : {}) }));
  if (item.cite) li.append(citeTag(item.cite, anchors, lang));
  if (item.translation) li.append(inline('span', item.translation, { class: 'translation', lang }));
  return li;
}

function citeTag(id: string, anchors: Anchors, lang: Lang): HTMLElement {
  const label = `[${id}]`;
  const anchor = anchors.get(id);
  if (!anchor) return el('span', { class: 'cite', text: label });
  const link = el('a', {
    class: 'cite',
    text: label,
    attrs: { href: `#${anchor}`, 'aria-label': REPLY_TEXT[lang].source(id) },
  });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const target = document.getElementById(anchor);
    const details = target?.closest('details');
    if (!target || !details) return;
    details.open = true;
    target.classList.remove('flash');
    void target.offsetWidth; // restart the highlight animation
    target.classList.add('flash');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  });
  return link;
}

function renderSources(citations: Citation[], anchors: Anchors, lang: Lang): HTMLElement {
  const list = el('ol');
  const seen = new Set<string>();
  for (const c of citations) {
    const item = el('li', { class: 'source', attrs: { tabindex: '-1' } }, [
      el('span', { class: 'cite', text: `[${c.id}]` }),
      el('span', { class: 'source-title', text: c.title }),
      el('span', { class: 'source-origin', text: c.origin }),
    ]);
    // The first source with an id is where its cite tags jump to.
    const anchor = anchors.get(c.id);
    if (anchor && !seen.has(c.id)) item.id = anchor;
    seen.add(c.id);
    list.append(item);
  }
  const summary = el('summary', {}, [
    el('span', { text: REPLY_TEXT[lang].sources }),
    el('span', { class: 'count', text: String(list.children.length), attrs: { 'aria-hidden': 'true' } }),
  ]);
  return el('details', { class: 'sources' }, [summary, list]);
}

export function renderError(message: string, retryText: string | null, send: SendText): HTMLElement {
  let retry: HTMLElement | null = null;
  if (retryText) {
    retry = el('button', { class: 'error-retry', text: 'Yritä uudelleen / Retry', attrs: { type: 'button' } });
    retry.addEventListener('click', () => send(retryText));
  }
  const card = el('div', { class: 'card' }, [errorBox('Viestiä ei voitu lähettää · Could not send', message, retry)]);
  const avatar = el('div', { class: 'avatar avatar-error', attrs: { 'aria-hidden': 'true' } }, [svgIcon(['M12 6v8', 'M12 18v.1'])]);
  return el('article', { class: 'msg msg-bot msg-error', attrs: { 'aria-label': 'Virhe / Error' } }, [avatar, card]);
}

/** When the scheduler sent a message: "12.3. klo 15.00" in Finnish, "12.3 kl. 15.00" in Swedish. */
function sentAt(at: Date, lang: 'fi' | 'sv'): string {
  if (lang === 'fi') return at.toLocaleString(LOCALES.fi, { day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' });
  const date = at.toLocaleDateString(LOCALES.sv, { day: 'numeric', month: 'numeric' });
  const time = at.toLocaleTimeString(LOCALES.sv, { hour: '2-digit', minute: '2-digit' });
  return `${date} kl. ${time}`;
}

/**
 * The divider above messages the scheduler sent, in the language of what it sent: "Osaava lähetti · Sent
 * by Osaava · 12.3. klo 15.00" (Finnish and English, like the page), or "Skickat av Osaava · 12.3 kl. 15.00".
 */
export function renderInboxLabel(atText: string, lang: Lang = 'fi'): HTMLElement {
  const at = new Date(atText);
  const label = lang === 'sv'
    ? el('p', { class: 'msg-divider msg-inbox', lang: 'sv' }, [document.createTextNode('Skickat av Osaava')])
    : el('p', { class: 'msg-divider msg-inbox', lang: 'fi' }, [
      document.createTextNode('Osaava lähetti'),
      el('span', { lang: 'en', text: ' · Sent by Osaava' }),
    ]);
  if (!Number.isNaN(at.getTime())) {
    const when = sentAt(at, lang === 'sv' ? 'sv' : 'fi');
    label.append(document.createTextNode(' · '), el('time', { text: when, attrs: { datetime: at.toISOString() } }));
  }
  return label;
}
