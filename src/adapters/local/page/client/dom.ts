// DOM helpers. Every text from the server goes into the DOM through text nodes: never innerHTML (XSS-safe).
import type { Lang } from './wire.ts';

export interface ElOptions {
  class?: string;
  text?: string;
  lang?: string;
  attrs?: Record<string, string>;
}

/** The element with this id; the page cannot work without it, so a missing one throws. */
export function $(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found;
}

/** A new element of a known tag, typed as that tag's element (`el('input')` is an HTMLInputElement). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, opts: ElOptions = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.class) node.className = opts.class;
  if (opts.lang) node.lang = opts.lang;
  if (opts.attrs) for (const [k, v] of Object.entries(opts.attrs)) node.setAttribute(k, v);
  if (opts.text !== undefined) node.textContent = opts.text;
  node.append(...children);
  return node;
}

export function svgIcon(paths: string[]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  for (const d of paths) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2');
    path.setAttribute('stroke-linecap', 'round');
    svg.append(path);
  }
  return svg;
}

// **bold** and _italic_ only; everything else stays literal text. `_` inside words (snake_case) is not italic.
const INLINE = /\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gsu;

// Text a person wrote is marked by FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (userText in
// ../../../../conversation/reply.ts): it goes in as text as it is, never read for **bold** or _italic_.
const LITERAL = /\u2068([^\u2068\u2069]*)\u2069/g;

function appendInline(parent: Node, text: string): void {
  // Each literal span becomes a placeholder while Osaava's own marks are read, then its text node.
  const literals: string[] = [];
  const masked = text.replace(LITERAL, (_, inner: string) => `\ue000${literals.push(inner) - 1}\ue001`).replace(/[\u2068\u2069]/g, '');
  appendMarked(parent, masked, literals);
}

function appendText(parent: Node, text: string, literals: string[]): void {
  const plain = text.replace(/\ue000(\d+)\ue001/g, (_, i: string) => literals[Number(i)] ?? '');
  if (plain) parent.appendChild(document.createTextNode(plain));
}

function appendMarked(parent: Node, text: string, literals: string[]): void {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    if (index > last) appendText(parent, text.slice(last, index), literals);
    const [, bold, italic] = match;
    const node = document.createElement(bold !== undefined ? 'strong' : 'em');
    appendMarked(node, bold ?? italic ?? '', literals);
    parent.appendChild(node);
    last = index + match[0].length;
  }
  if (last < text.length) appendText(parent, text.slice(last), literals);
}

/** An element whose text may hold **bold** and _italic_. */
export function inline<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, opts: ElOptions = {}): HTMLElementTagNameMap[K] {
  const node = el(tag, opts);
  appendInline(node, text);
  return node;
}

/** The locale each language is formatted in (LOCALES in ../../../../i18n/lang.ts): Finnish and Swedish as written in Finland. */
export const LOCALES: Record<Lang, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };

/** A count as the language writes it: `1 000` in Finnish and Swedish, `1,000` in English. */
export function formatCount(n: number, lang: Lang = 'fi'): string {
  return n.toLocaleString(LOCALES[lang]);
}

/** An inline error: a warning icon, a title, a detail and optionally a button (e.g. Retry). */
export function errorBox(title: string, detail: string, action?: HTMLElement | null): HTMLElement {
  const icon = svgIcon(['M12 8v5', 'M12 16.5v.1', 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z']);
  const text = el('div', {}, [el('p', { class: 'error-title', text: title }), el('p', { class: 'error-detail', text: detail })]);
  if (action) text.append(action);
  return el('div', { class: 'inline-error' }, [icon, text]);
}
