// The folder-cycle check of `npm run deps`: modules collapse to their folder (a feature is a folder of its
// own), imports inside a folder do not count, and a cycle between folders is found and explained with
// the imports behind it, on synthetic graphs and end to end on a tiny source tree.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeFolderCycles,
  folderGraph,
  folderOf,
  type ModuleImports,
  tangledFolders,
} from '../../scripts/check-folder-cycles.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Modules from `from → to, to, …` lines. */
function modules(...lines: string[]): ModuleImports[] {
  return lines.map((line) => {
    const [source = '', targets = ''] = line.split(' → ');
    return { source, dependencies: targets.split(', ').filter(Boolean).map((resolved) => ({ resolved })) };
  });
}

describe('folderOf', () => {
  it('takes the top folder of src/, a feature as its own folder, and the root files as src', () => {
    expect(folderOf('src/core/chat-core.ts')).toBe('src/core');
    expect(folderOf('src/adapters/slack/listeners/index.ts')).toBe('src/adapters');
    expect(folderOf('src/features/checkins/checkin-form.ts')).toBe('src/features/checkins');
    expect(folderOf('src/features/questions/llm/answer-layout.ts')).toBe('src/features/questions');
    expect(folderOf('src/features/index.ts')).toBe('src/features');
    expect(folderOf('src/main.ts')).toBe('src');
    expect(folderOf('node_modules/kysely/dist/index.js')).toBeUndefined();
    expect(folderOf('test/support/core.ts')).toBeUndefined();
    expect(folderOf('node:path')).toBeUndefined();
  });
});

describe('folder cycles', () => {
  it('finds none in a layered graph, whatever the cycles inside one folder', () => {
    const graph = folderGraph(
      modules(
        'src/main.ts → src/app.ts, src/config/env.ts',
        'src/app.ts → src/core/chat-core.ts, node_modules/pino/pino.js',
        'src/core/chat-core.ts → src/features/a/a.ts, src/features/b/b.ts',
        'src/features/a/a.ts → src/features/a/a-form.ts, src/storage/store.ts',
        'src/features/a/a-form.ts → src/features/a/a.ts',
        'src/features/b/b.ts → src/storage/store.ts',
        'src/storage/store.ts → src/storage/db.ts',
        'src/storage/db.ts → src/storage/store.ts, src/config/env.ts',
      ),
    );
    expect(tangledFolders(graph)).toEqual([]);
    expect(describeFolderCycles(graph)).toEqual([]);
    expect([...(graph.get('src/features/a')?.keys() ?? [])]).toEqual(['src/storage']);
  });

  it('finds two features that import each other, with the imports behind each step', () => {
    const graph = folderGraph(
      modules(
        'src/features/a/a.ts → src/features/b/b.ts',
        'src/features/b/b.ts → src/storage/store.ts',
        'src/features/b/b-view.ts → src/features/a/a-form.ts',
      ),
    );
    expect(tangledFolders(graph)).toEqual([['src/features/a', 'src/features/b']]);
    expect(describeFolderCycles(graph)).toEqual([
      'cycle between folders: src/features/a → src/features/b → src/features/a',
      '    src/features/a/a.ts → src/features/b/b.ts',
      '    src/features/b/b-view.ts → src/features/a/a-form.ts',
    ]);
  });

  it('finds a longer cycle, names the folders tangled with it, and keeps the examples short', () => {
    const graph = folderGraph(
      modules(
        'src/core/c1.ts → src/features/x/x.ts',
        'src/core/c2.ts → src/features/x/x.ts',
        'src/core/c3.ts → src/features/x/x.ts',
        'src/core/c4.ts → src/features/x/x.ts',
        'src/features/x/x.ts → src/storage/s.ts',
        'src/storage/s.ts → src/core/c1.ts, src/text/t.ts',
        'src/text/t.ts → src/storage/s.ts',
        'src/config/env.ts → src/logging/log.ts',
      ),
    );
    expect(tangledFolders(graph)).toEqual([['src/core', 'src/features/x', 'src/storage', 'src/text']]);
    const report = describeFolderCycles(graph, 2);
    expect(report[0]).toBe('cycle between folders: src/core → src/features/x → src/storage → src/core (tangled with them: src/text)');
    expect(report).toContain('    … and 2 more src/core → src/features/x');
    expect(report).toContain('    src/storage/s.ts → src/core/c1.ts');
  });

  it('fails the check on a source tree with a cycle between folders, and passes it without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osaava-folder-cycles-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write('src/storage/store.ts', "import { clean } from '../text/clean.ts';\nexport const store = clean('x');\n");
      write('src/text/clean.ts', "import type { Row } from '../storage/row.ts';\nexport const clean = (s: string): Row['id'] => s;\n");
      write('src/storage/row.ts', 'export interface Row { id: string }\n');
      const check = () =>
        spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-folder-cycles.ts'), '--config', join(ROOT, '.dependency-cruiser.cjs')], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 60_000,
        });

      const tangled = check();
      expect(tangled.stderr).toContain('cycle between folders: src/storage → src/text → src/storage');
      expect(tangled.stderr).toContain('src/text/clean.ts → src/storage/row.ts');
      expect(tangled.status).toBe(1);

      write('src/text/clean.ts', 'export const clean = (s: string): string => s;\n');
      const untangled = check();
      expect(untangled.stdout).toContain('no cycles between folders');
      expect(untangled.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
