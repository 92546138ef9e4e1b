import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface ChatPage {
  /** One self-contained HTML document: CSS and JS are inlined, nothing is fetched from elsewhere. */
  html: string;
  /** A Content-Security-Policy that allows exactly the inlined style and script and calls to this origin. */
  contentSecurityPolicy: string;
}

const STYLE_SLOT = '/*__OSAAVA_STYLE__*/';
const SCRIPT_SLOT = '/*__OSAAVA_SCRIPT__*/';

function readSibling(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Builds the chat page from page.html, page.css and page.js (kept apart so each is easy to edit).
 * The CSP pins the inline blocks by hash, so an injected <script> would not run even if escaping failed.
 */
export function loadChatPage(): ChatPage {
  const template = readSibling('page.html');
  const style = readSibling('page.css');
  const script = readSibling('page.js');
  if (!template.includes(STYLE_SLOT) || !template.includes(SCRIPT_SLOT)) {
    throw new Error('page.html lost its style or script slot');
  }
  // Replacer functions: a `$` in the CSS or JS must not be read as a replacement pattern.
  const html = template.replace(STYLE_SLOT, () => style).replace(SCRIPT_SLOT, () => script);
  const contentSecurityPolicy = [
    "default-src 'none'",
    `style-src ${sha256(style)}`,
    `script-src ${sha256(script)}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
