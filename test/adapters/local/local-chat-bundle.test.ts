import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleClient, CLIENT_ENTRY, loadChatPage } from '../../../src/adapters/local/page/chat-page.ts';
import { startLocalChat } from './local-chat-fixtures.ts';
import type { RunningChat } from './local-chat-fixtures.ts';

// The page's browser code is TypeScript under page/client/, bundled by esbuild when the router starts.
// These tests read the served page, so they fail if the bundling breaks, not only if esbuild does.

const clientDir = dirname(CLIENT_ENTRY);
const clientModules = readdirSync(clientDir).filter((name) => name.endsWith('.ts')).sort();

/** Throws a SyntaxError unless `source` parses as a classic (non-module) browser script. */
function parseAsClassicScript(source: string): void {
  new Script(source, { filename: 'inline-script.js' });
}

let chat: RunningChat;
let html: string;
let csp: string;

beforeAll(async () => {
  chat = await startLocalChat();
  const response = await fetch(`${chat.baseUrl}/`);
  expect(response.status).toBe(200);
  html = await response.text();
  csp = response.headers.get('content-security-policy') ?? '';
});

afterAll(async () => {
  await chat?.close();
});

describe('local chat page script', () => {
  it('is the esbuild bundle, inlined once and pinned by its CSP hash', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    const script = scripts[0] ?? '';
    expect(script).toBe(bundleClient().script);
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });

  it('is one strict IIFE of plain JavaScript: no types, no import or export', () => {
    const { script } = bundleClient();
    expect(script).toMatch(/^"use strict";\s*\(\(\) => \{/);
    expect(script.trimEnd()).toMatch(/\}\)\(\);$/);
    expect(() => parseAsClassicScript(script)).not.toThrow();
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    // Unbundled imports would survive as require() calls, which a browser does not have.
    expect(script).not.toMatch(/\brequire\(/);
    // The check has teeth: the TypeScript sources themselves do not parse as a script.
    expect(() => parseAsClassicScript(readFileSync(join(clientDir, 'forms.ts'), 'utf8'))).toThrow(SyntaxError);
  });

  it('is built from client/main.ts and bundles every client module and nothing from node_modules', () => {
    const { inputs, script } = bundleClient();
    expect(clientModules).toContain('main.ts');
    expect([...inputs].sort()).toEqual(clientModules);
    expect(inputs.some((input) => input.includes('node_modules'))).toBe(false);
    // What the modules say reaches the page (texts of users.ts, render.ts, forms.ts, api.ts).
    expect(script).toContain('osaava.localChat.userId');
    expect(script).toContain('Lähteet / Sources');
    expect(script).toContain('Tähdellä (*) merkityt kohdat ovat pakollisia.');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal source text of api.ts's template string, which the bundle keeps as written
    expect(script).toContain('api/${path}');
    // A small page: pulling a library (zod alone is several times this) into the browser code would show here.
    expect(script.length).toBeLessThan(100_000);
  });

  it('is built once per process', () => {
    const first = bundleClient();
    expect(bundleClient()).toBe(first);
    expect(loadChatPage().html).toContain(first.script);
    expect(first.buildMs).toBeGreaterThan(0);
  });
});
