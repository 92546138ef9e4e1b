import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';

export interface ChatPage {
  /** One self-contained HTML document: CSS and JS are inlined, nothing is fetched from elsewhere. */
  html: string;
  /** A Content-Security-Policy that allows exactly the inlined style and script and calls to this origin. */
  contentSecurityPolicy: string;
}

const STYLE_SLOT = '/*__OSAAVA_STYLE__*/';
const SCRIPT_SLOT = '/*__OSAAVA_SCRIPT__*/';

/** The page's browser code (TypeScript, type-checked by client/tsconfig.json); bundled here at start. */
export const CLIENT_ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));

function readSibling(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}

export interface ClientBundle {
  /** One classic script (an IIFE), ready to inline. */
  script: string;
  /** The files esbuild bundled, relative to client/ (e.g. `main.ts`). */
  inputs: string[];
  /** How long esbuild took, in milliseconds. */
  buildMs: number;
}

let clientBundle: ClientBundle | undefined;

/**
 * Bundles client/main.ts and its imports into one script with esbuild, once per process: the page is
 * built when the router starts, and every later call (another router, a test) gets the same script.
 * esbuild only strips the types; `npm run typecheck` is what checks them.
 */
export function bundleClient(): ClientBundle {
  if (clientBundle) return clientBundle;
  const started = performance.now();
  const result = buildSync({
    entryPoints: [CLIENT_ENTRY],
    absWorkingDir: fileURLToPath(new URL('./client/', import.meta.url)),
    tsconfig: fileURLToPath(new URL('./client/tsconfig.json', import.meta.url)),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Readable in the browser's developer tools; the page is a development tool served from localhost.
    minify: false,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const script = result.outputFiles[0]?.text;
  if (script === undefined) throw new Error('esbuild produced no script for the local chat page');
  // Inside an inline <script>, "</script" would end it early and "<!--" changes how the HTML parser reads it.
  if (/<\/script|<!--/i.test(script)) throw new Error('the local chat page script contains "</script" or "<!--" and cannot be inlined');
  clientBundle = { script, inputs: Object.keys(result.metafile.inputs), buildMs: performance.now() - started };
  return clientBundle;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Builds the chat page from page.html, page.css and the bundled client/ code (kept apart so each is easy
 * to edit). The CSP pins the inline blocks by hash, so an injected <script> would not run even if
 * escaping failed.
 */
export function loadChatPage(): ChatPage {
  const template = readSibling('page.html');
  const style = readSibling('page.css');
  const { script } = bundleClient();
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
