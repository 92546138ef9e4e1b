// Prompt files with {{placeholders}}. A file whose placeholders differ from the ones its fill-in
// declares fails when it is loaded, not when a model quietly receives "{{question}}".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export class PromptTemplateError extends Error {
  override name = 'PromptTemplateError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

export type Fill<K extends string> = (values: Readonly<Record<K, string>>) => string;

export function placeholdersOf(template: string): Set<string> {
  return new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
}

/** Checks `template` against `keys` and returns its fill-in. */
export function compileTemplate<const K extends string>(name: string, template: string, keys: readonly K[]): Fill<K> {
  const found = placeholdersOf(template);
  const declared = new Set<string>(keys);
  const missing = [...declared].filter((k) => !found.has(k));
  const extra = [...found].filter((k) => !declared.has(k));
  if (missing.length || extra.length) {
    const parts = [missing.length ? `missing {{${missing.join('}}, {{')}}}` : '', extra.length ? `unknown {{${extra.join('}}, {{')}}}` : ''];
    throw new PromptTemplateError(`prompt ${name}: ${parts.filter(Boolean).join('; ')}`);
  }
  const isKey = (key: string): key is K => declared.has(key);
  // One pass: a value that itself contains "{{x}}" (a user's question) is never expanded.
  return (values) => template.replace(PLACEHOLDER, (whole, key: string) => (isKey(key) ? values[key] : whole)).trim();
}

export function loadTemplate<const K extends string>(dir: string, file: string, keys: readonly K[]): Fill<K> {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    throw new PromptTemplateError(`prompt ${file}: cannot read it from ${dir} (${error instanceof Error ? error.message : String(error)})`);
  }
  return compileTemplate(file, text, keys);
}
